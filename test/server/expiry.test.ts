import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { systemClock, type Clock } from '../../src/server/clock';
import { sweep } from '../../src/server/service';
import { callService, formBody, startTestService } from './helpers';

const nextYear = String(new Date().getFullYear() + 1);

/** The service's time, moved by the test instead of waited for. */
function movableClock(): Clock & { advance(seconds: number): void } {
  let now = systemClock.now();
  return { now: () => now, advance: (seconds) => (now += seconds) };
}

describe('token expiry', () => {
  it('an unused token expires after its time, cannot be used, and the sweeper wipes its raw values', async () => {
    const clock = movableClock();
    const svc = await startTestService({ tokenTtlSeconds: 1, clock });
    try {
      const number = '6011111111111117';
      const created = await callService(svc, 'POST', '/v1/tokens', {
        key: svc.publishableKey,
        body: formBody({ card: { number, exp_month: '12', exp_year: nextYear, cvc: '123' } }),
      });
      const id = created.body.id;
      clock.advance(2);
      const used = await callService(svc, 'POST', '/v1/customers', {
        key: svc.secretKey,
        body: formBody({ source: id }),
      });
      assert.equal(used.status, 400);
      assert.equal(used.body.error.code, 'token_expired');

      const { wiped } = await sweep(svc.service.stores, clock, svc.service.config);
      assert.equal(wiped, 1);
      const record = await svc.service.stores.vault.getToken(id, { accountId: svc.accountId, livemode: false });
      assert.equal(record?.secret, null);
      // The public token stays readable; only the raw values are gone.
      const read = await callService(svc, 'GET', `/v1/tokens/${id}`, { key: svc.secretKey });
      assert.equal(read.body.card.last4, '1117');
    } finally {
      await svc.close();
    }
  });
});
