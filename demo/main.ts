import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildMerchantServer } from './merchant-server';

/**
 * Starts the demo merchant with the development keys the service created in
 * its data directory: `tsx demo/main.ts [--port 5173] [--service URL] [--data-dir DIR] [--request-log FILE]`.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5173' },
    host: { type: 'string', default: 'localhost' },
    service: { type: 'string', default: 'http://127.0.0.1:4242' },
    'data-dir': { type: 'string', default: process.env.TOKENFRAME_DATA_DIR ?? '.tokenframe' },
    'request-log': { type: 'string' },
  },
});

const devKeysFile = join(resolve(values['data-dir']), 'dev-keys.json');
const keys = JSON.parse(readFileSync(devKeysFile, 'utf8')) as { publishableKey: string; secretKey: string };
const app = await buildMerchantServer({
  serviceUrl: values.service,
  publishableKey: keys.publishableKey,
  secretKey: keys.secretKey,
  requestLogFile: values['request-log'],
});
await app.listen({ port: Number(values.port), host: values.host });
console.log(`demo shop: http://${values.host}:${values.port}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}
