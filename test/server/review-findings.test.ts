import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { callService, formBody, startTestService, type TestService } from './helpers';

/** Regression tests for the findings of review issue 14, each over real HTTP. */

const nextYear = String(new Date().getFullYear() + 1);
const card = { number: '4242424242424242', exp_month: '12', exp_year: nextYear, cvc: '123' };

describe('finding 10: API responses are never cached or sniffed', () => {
  let svc: TestService;
  before(async () => {
    svc = await startTestService();
  });
  after(() => svc.close());

  it('sends Cache-Control: no-store and nosniff on every /v1 answer, errors included', async () => {
    const created = await callService(svc, 'POST', '/v1/tokens', { key: svc.publishableKey, body: formBody({ card }) });
    const answers = {
      created,
      read: await callService(svc, 'GET', `/v1/tokens/${created.body.id}`, { key: svc.secretKey }),
      'bad request': await callService(svc, 'POST', '/v1/tokens', { key: svc.publishableKey, body: 'colour=red' }),
      unauthenticated: await callService(svc, 'GET', `/v1/tokens/${created.body.id}`),
      'unknown URL': await callService(svc, 'GET', '/v1/nothing-here', { key: svc.secretKey }),
      customer: await callService(svc, 'POST', '/v1/customers', { key: svc.secretKey, body: 'source=tok_visa' }),
    };
    assert.deepEqual(
      Object.values(answers).map((answer) => answer.status),
      [200, 200, 400, 401, 404, 200],
    );
    for (const [what, answer] of Object.entries(answers)) {
      assert.equal(answer.headers.get('cache-control'), 'no-store', what);
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', what);
    }
  });

  it('keeps the frames’ and the loader’s own caching, and adds nosniff to them', async () => {
    const frame = await callService(svc, 'GET', `/frame/v1/card.html?key=${svc.publishableKey}`);
    const loader = await callService(svc, 'GET', '/v1/tokenframe.js');
    for (const [what, answer] of Object.entries({ frame, loader })) {
      assert.equal(answer.status, 200, what);
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', what);
    }
    assert.equal(frame.headers.get('cache-control'), 'private, no-cache');
    assert.equal(loader.headers.get('cache-control'), 'public, max-age=300, must-revalidate');
  });
});
