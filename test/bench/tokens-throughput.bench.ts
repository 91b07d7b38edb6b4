/**
 * Token creation throughput: `POST /v1/tokens` (card, durable SQLite commit)
 * against a bare Node HTTP server answering a fixed JSON body, measured one
 * after the other in the same process with the same load generator. Prints
 * requests per second for each and the ratio. With DATABASE_URL set the
 * service stores to PostgreSQL instead. Nothing is asserted.
 *
 *   node --import tsx test/bench/tokens-throughput.bench.ts [seconds] [connections]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { formBody, startTestService } from '../server/helpers';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 16);
const nextYear = String(new Date().getFullYear() + 1);

async function load(url: string, request: autocannon.Request & { headers?: Record<string, string> }) {
  const result = await autocannon({ url, connections, duration: seconds, requests: [request] });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

const bare = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end('{"id":"tok_bare","object":"token"}');
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

// Rate limits off: the point is what the service can do, not what it allows.
const svc = await startTestService({ rateLimits: { perKeyPerMinute: 1e9, perIpPerMinute: 1e9 } });
const body = formBody({ card: { number: '4242424242424242', exp_month: '12', exp_year: nextYear, cvc: '123' } });
const tokenRequest = {
  method: 'POST' as const,
  path: '/v1/tokens',
  headers: { authorization: `Bearer ${svc.publishableKey}`, 'content-type': 'application/x-www-form-urlencoded' },
  body,
};

try {
  // A short warm-up for each, then the measured runs.
  await autocannon({ url: bareUrl, connections, duration: 1 });
  await autocannon({ url: svc.url, connections, duration: 1, requests: [tokenRequest] });
  const baseline = await load(bareUrl, { method: 'POST', path: '/', body });
  const tokens = await load(svc.url, tokenRequest);
  const storage = svc.service.config.databaseUrl ? 'PostgreSQL' : 'SQLite (WAL, synchronous=FULL)';
  console.log(
    `\ntokens throughput — Node ${process.version}, ${connections} connections, ${seconds} s each, ${storage}\n`,
  );
  console.log('variant                              req/s     p99 ms   errors');
  console.log(
    `bare node:http, fixed JSON       ${baseline.rps.toFixed(0).padStart(8)}  ${String(baseline.p99).padStart(8)}  ${baseline.errors}`,
  );
  console.log(
    `POST /v1/tokens (card, durable)  ${tokens.rps.toFixed(0).padStart(8)}  ${String(tokens.p99).padStart(8)}  ${tokens.errors}`,
  );
  console.log(`ratio tokens / bare                 ${(tokens.rps / baseline.rps).toFixed(3)}\n`);
} finally {
  await svc.close();
  bare.close();
}
