import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { createKeyPair } from '../../src/server/keys';
import { callService, formBody, startTestService, type TestService } from './helpers';

const nextYear = String(new Date().getFullYear() + 1);
const card = { number: '4242424242424242', exp_month: '12', exp_year: nextYear, cvc: '123' };

describe('rate limits on token creation', () => {
  let svc: TestService;
  before(async () => {
    svc = await startTestService({ rateLimits: { perKeyPerMinute: 3, perIpPerMinute: 5 } });
  });
  after(() => svc.close());

  it('answers 429 with Stripe’s rate_limit error past the per-key limit, then past the per-IP limit', async () => {
    const create = (key: string) => callService(svc, 'POST', '/v1/tokens', { key, body: formBody({ card }) });
    const first = await Promise.all([1, 2, 3].map(() => create(svc.publishableKey)));
    assert.deepEqual(
      first.map((a) => a.status),
      [200, 200, 200],
    );
    const limited = await create(svc.publishableKey);
    assert.equal(limited.status, 429);
    assert.equal(limited.body.error.code, 'rate_limit');
    // Another key from the same IP gets its own per-key budget, until the IP's (5, every request counted, the
    // refused one too) is spent.
    const other = await createKeyPair(svc.service.stores.keys, ['https://shop.example']);
    assert.equal((await create(other.publishableKey)).status, 200);
    const ipLimited = await create(other.publishableKey);
    assert.equal(ipLimited.status, 429);
  });
});

describe('request protection and logs', () => {
  let svc: TestService;
  const logLines: string[] = [];
  before(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    svc = await startTestService({ logger: { level: 'info', stream } });
  });
  after(() => svc.close());

  it('answers oversized, malformed and wrongly typed bodies with 4xx, never 5xx', async () => {
    const big = `card[number]=${'4'.repeat(1024 * 1024 + 10)}`;
    const oversized = await callService(svc, 'POST', '/v1/tokens', { key: svc.publishableKey, body: big });
    assert.equal(oversized.status, 413);
    assert.equal(oversized.body.error.type, 'invalid_request_error');
    const json = await callService(svc, 'POST', '/v1/tokens', {
      key: svc.publishableKey,
      body: JSON.stringify({ card }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(json.status, 415);
    const malformed = await callService(svc, 'POST', '/v1/tokens', {
      key: svc.publishableKey,
      body: 'card[number]=%E0%A4%A',
    });
    assert.ok(malformed.status >= 400 && malformed.status < 500, malformed.text);
    const deep = await callService(svc, 'POST', '/v1/tokens', {
      key: svc.publishableKey,
      body: 'a[b][c][d][e][f][g][h]=1',
    });
    assert.ok(deep.status >= 400 && deep.status < 500, deep.text);
  });

  it('writes structured request logs that never contain a raw value', async () => {
    const secrets = ['4242424242424242', '000123456789', '000000000', '7319'];
    const key = svc.publishableKey;
    await callService(svc, 'POST', '/v1/tokens', {
      key,
      body: formBody({ card: { ...card, cvc: '7319', number: '378282246310005' } }),
    });
    await callService(svc, 'POST', '/v1/tokens', { key, body: formBody({ card }) });
    const bank = {
      country: 'US',
      currency: 'usd',
      routing_number: '110000000',
      account_number: '000123456789',
      account_holder_name: 'Jenny Rosen',
      account_holder_type: 'individual',
    };
    await callService(svc, 'POST', '/v1/tokens', { key, body: formBody({ bank_account: bank }) });
    await callService(svc, 'POST', '/v1/tokens', { key, body: formBody({ pii: { id_number: '000000000' } }) });
    await callService(svc, 'POST', '/v1/tokens', { key, body: formBody({ cvc_update: { cvc: '7319' } }) });
    // Errors too: a refused card number must not be quoted back or logged.
    await callService(svc, 'POST', '/v1/tokens', {
      key,
      body: formBody({ card: { ...card, number: '4242424242424241' } }),
    });
    const requestLines = logLines.filter((line) => JSON.parse(line).reqId);
    assert.ok(requestLines.length >= 12, `expected a log line per request and response, got ${requestLines.length}`);
    for (const line of logLines) {
      const entry = JSON.parse(line);
      assert.ok(entry.level && entry.time, line);
      for (const secret of [...secrets, '4242424242424241']) {
        assert.ok(!new RegExp(`(?<![A-Za-z0-9])${secret}(?![A-Za-z0-9])`).test(line), `${secret} in ${line}`);
      }
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes a request that is in flight when the service is asked to stop', async () => {
    const svc = await startTestService();
    const body = formBody({ card });
    const { hostname, port } = new URL(svc.url);
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = httpRequest(
        {
          hostname,
          port,
          method: 'POST',
          path: '/v1/tokens',
          headers: {
            authorization: `Bearer ${svc.publishableKey}`,
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        },
      );
      request.on('error', reject);
      // Half the body now, the rest after shutdown has begun.
      request.write(body.slice(0, 20));
      setTimeout(() => {
        closed = svc.close();
        setTimeout(() => request.end(body.slice(20)), 100);
      }, 100);
    });
    let closed: Promise<void> | undefined;
    const { status, text } = await answer;
    assert.equal(status, 200, text);
    assert.match(JSON.parse(text).id, /^tok_/);
    await closed;
    await assert.rejects(() => fetch(`${svc.url}/v1/tokenframe.js`));
  });
});
