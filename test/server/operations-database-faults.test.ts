import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
// @ts-expect-error plain ESM helper without types
import { startPostgres } from '../../scripts/postgres.mjs';
import { callService, formBody, startTestService, type TestService } from './helpers';

/**
 * A PostgreSQL that goes away under a running service and comes back on the
 * same port and data. A cluster of its own, so that stopping it disturbs no
 * other test; run in the server-pg stage, where PostgreSQL is at hand.
 */

const card = formBody({ card: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' } });

/** Words that would tell a caller about the database: driver errors, SQL, the host. */
const internals = /ECONNREFUSED|127\.0\.0\.1|postgres|SELECT|INSERT|terminat|connect|pool|sql/i;

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not so within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a database that goes away while the service runs', { skip: !process.env.DATABASE_URL }, () => {
  let postgres: { url: string; pause(): Promise<void>; resume(): Promise<void>; stop(): Promise<void> };
  let svc: TestService;
  let tokenBefore: string;

  before(async () => {
    postgres = await startPostgres();
    svc = await startTestService({ databaseUrl: postgres.url });
    const created = await callService(svc, 'POST', '/v1/tokens', { key: svc.publishableKey, body: card });
    assert.equal(created.status, 200);
    tokenBefore = created.body.id;
    await postgres.pause();
  });
  after(async () => {
    await svc?.close();
    await postgres?.stop();
  });

  it('/readyz says 503 "database unreachable" and /healthz still 200', async () => {
    const ready = await fetch(`${svc.url}/readyz`);
    assert.equal(ready.status, 503);
    assert.deepEqual(await ready.json(), { status: 'unavailable', reason: 'database unreachable' });
    assert.equal((await fetch(`${svc.url}/healthz`)).status, 200);
  });

  it("API requests get Stripe's api_error 503 with a generic message and no internals", async () => {
    const answers = [
      await callService(svc, 'POST', '/v1/tokens', { key: svc.publishableKey, body: card }),
      await callService(svc, 'GET', `/v1/tokens/${tokenBefore}`, { key: svc.secretKey }),
      await callService(svc, 'POST', '/v1/customers', { key: svc.secretKey, body: `source=${tokenBefore}` }),
      await callService(svc, 'POST', '/v1/tokens', {
        key: svc.publishableKey,
        body: card,
        headers: { 'idempotency-key': 'outage-1' },
      }),
    ];
    for (const answer of answers) {
      assert.equal(answer.status, 503, answer.text);
      assert.deepEqual(answer.body, {
        error: { type: 'api_error', message: 'The service is temporarily unavailable. Please try again shortly.' },
      });
      assert.doesNotMatch(answer.text, internals);
      assert.match(answer.headers.get('request-id') ?? '', /^req_/);
    }
  });

  it('recovers when the database returns: ready again, old and new tokens work', async () => {
    await postgres.resume();
    await waitUntil(async () => (await fetch(`${svc.url}/readyz`)).status === 200, 10_000);
    const created = await callService(svc, 'POST', '/v1/tokens', { key: svc.publishableKey, body: card });
    assert.equal(created.status, 200);
    const read = await callService(svc, 'GET', `/v1/tokens/${tokenBefore}`, { key: svc.secretKey });
    assert.equal(read.status, 200);
    assert.equal(read.body.used, false);
  });
});
