// Failed authentication is rate limited per client address on every authenticated route, over real HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { callService, formBody, startTestService, type TestService } from './helpers';

const limit = 5;
const nextYear = String(new Date().getFullYear() + 1);
const card = { number: '4242424242424242', exp_month: '12', exp_year: nextYear, cvc: '123' };

describe('failed authentication, limited per client address', () => {
  let svc: TestService;
  // The service's time, moved by the test to end a window.
  let now = Math.floor(Date.now() / 1000);
  before(async () => {
    // Behind a load balancer, so each test's client address is its X-Forwarded-For.
    svc = await startTestService({
      trustProxy: true,
      clock: { now: () => now },
      rateLimits: { failedAuthPerIpPerMinute: limit },
    });
  });
  after(() => svc.close());

  const from = (address: string, method: string, path: string, key: string | null, body?: string) =>
    callService(svc, method, path, { key, body, headers: { 'x-forwarded-for': address } });
  const readToken = (address: string, key: string | null) => from(address, 'GET', '/v1/tokens/tok_none', key);
  const createToken = (address: string, key: string) => from(address, 'POST', '/v1/tokens', key, formBody({ card }));
  const createCustomer = (address: string, key: string) => from(address, 'POST', '/v1/customers', key, '');
  const fail = async (address: string, times: number) => {
    const statuses = [];
    // One after the other: each failure is counted before the next request is answered.
    for (let i = 0; i < times; i++)
      statuses.push((await readToken(address, `sk_test_guess${i}guessguessguess`)).status);
    return statuses;
  };

  it(`answers ${limit} bad keys with 401, then refuses that address with Stripe's 429 on every authenticated route, right key or not`, async () => {
    const address = '203.0.113.1';
    assert.deepEqual(await fail(address, limit), Array(limit).fill(401));
    const refused = [
      await readToken(address, svc.secretKey),
      await createToken(address, svc.publishableKey),
      await createCustomer(address, svc.secretKey),
      await readToken(address, 'sk_test_yetanotherguessguessguess'),
      await readToken(address, null),
    ];
    for (const answer of refused) {
      assert.equal(answer.status, 429, answer.text);
      assert.deepEqual(answer.body, {
        error: {
          type: 'invalid_request_error',
          code: 'rate_limit',
          message: 'Too many requests hit the API too quickly. Please retry with exponential backoff.',
          doc_url: 'https://stripe.com/docs/error-codes/rate-limit',
        },
      });
    }
    // Routes without a key are not affected.
    assert.equal((await from(address, 'GET', '/healthz', null)).status, 200);
    // Another address is served as before.
    assert.equal((await readToken('203.0.113.2', svc.secretKey)).status, 404);
    assert.equal((await createToken('203.0.113.2', svc.publishableKey)).status, 200);
  });

  it('counts missing keys and publishable keys on secret-key routes as failures too', async () => {
    const address = '203.0.113.3';
    const answers = [];
    for (let i = 0; i < limit; i++) {
      answers.push((await (i % 2 ? readToken(address, null) : createCustomer(address, svc.publishableKey))).status);
    }
    assert.deepEqual(answers, Array(limit).fill(401));
    assert.equal((await createCustomer(address, svc.secretKey)).status, 429);
  });

  it('serves the address again once the window passes', async () => {
    const address = '203.0.113.4';
    assert.deepEqual(await fail(address, limit), Array(limit).fill(401));
    assert.equal((await readToken(address, svc.secretKey)).status, 429);
    now += 59;
    assert.equal((await readToken(address, svc.secretKey)).status, 429);
    now += 1;
    assert.equal((await readToken(address, svc.secretKey)).status, 404);
    // A new window: its failures are counted from none.
    assert.deepEqual(await fail(address, limit), Array(limit).fill(401));
    assert.equal((await readToken(address, svc.secretKey)).status, 429);
  });

  it('never counts successful requests', async () => {
    const address = '203.0.113.5';
    for (let i = 0; i < limit * 4; i++) {
      assert.equal((await readToken(address, svc.secretKey)).status, 404);
      assert.equal((await createToken(address, svc.publishableKey)).status, 200);
    }
    // The failures it may make are all still there.
    assert.deepEqual(await fail(address, limit), Array(limit).fill(401));
    assert.equal((await readToken(address, svc.secretKey)).status, 429);
  });
});
