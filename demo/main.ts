import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildMerchantServer } from './merchant-server';

/**
 * Starts the demo merchant with the development keys and the Plaid sandbox
 * credentials the service created in its data directory (they exist only
 * once it has run in development mode, `tokenframe serve --dev`):
 * `tsx demo/main.ts [--port 5173] [--service URL] [--plaid URL] [--processor URL] [--data-dir DIR] [--request-log FILE]`.
 * The Plaid API defaults to the service's sandbox, `{service}/plaid`; the processor to the demo's stub
 * (demo/processor-stub.ts), which demo/register-processor.ts registers as a forwarding destination.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5173' },
    host: { type: 'string', default: 'localhost' },
    service: { type: 'string', default: 'http://127.0.0.1:4242' },
    plaid: { type: 'string' },
    processor: { type: 'string', default: 'http://127.0.0.1:4244/v1/payments' },
    'data-dir': { type: 'string', default: process.env.TOKENFRAME_DATA_DIR ?? '.tokenframe' },
    'request-log': { type: 'string' },
  },
});

function readData<T>(name: string): T {
  const path = join(resolve(values['data-dir']), name);
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: the demo needs the service started in development mode (tokenframe serve --dev).`,
    );
  }
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
const keys = readData<{ publishableKey: string; secretKey: string }>('dev-keys.json');
const plaid = readData<{ clientId: string; secret: string }>('plaid.json');
const app = await buildMerchantServer({
  serviceUrl: values.service,
  publishableKey: keys.publishableKey,
  secretKey: keys.secretKey,
  requestLogFile: values['request-log'],
  processorUrl: values.processor,
  plaid: {
    baseUrl: values.plaid ?? `${values.service.replace(/\/$/, '')}/plaid`,
    clientId: plaid.clientId,
    secret: plaid.secret,
  },
});
await app.listen({ port: Number(values.port), host: values.host });
console.log(`demo shop: http://${values.host}:${values.port}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}
