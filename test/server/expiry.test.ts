import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sweep } from '../../src/server/service';
import { callService, formBody, startTestService } from './helpers';

const nextYear = String(new Date().getFullYear() + 1);

describe('token expiry', () => {
  it('an unused token expires after its time, cannot be used, and the sweeper wipes its raw values', async () => {
    const svc = await startTestService({ tokenTtlSeconds: 1 });
    try {
      const number = '6011111111111117';
      const created = await callService(svc, 'POST', '/v1/tokens', {
        key: svc.publishableKey,
        body: formBody({ card: { number, exp_month: '12', exp_year: nextYear, cvc: '123' } }),
      });
      const id = created.body.id;
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const used = await callService(svc, 'POST', '/v1/customers', {
        key: svc.secretKey,
        body: formBody({ source: id }),
      });
      assert.equal(used.status, 400);
      assert.equal(used.body.error.code, 'token_expired');

      const { wiped } = await sweep(svc.service.store);
      assert.equal(wiped, 1);
      const record = await svc.service.store.getToken(id, svc.service.config.devAccount.id);
      assert.equal(record?.secret, null);
      // The public token stays readable; only the raw values are gone.
      const read = await callService(svc, 'GET', `/v1/tokens/${id}`, { key: svc.secretKey });
      assert.equal(read.body.card.last4, '1117');
    } finally {
      await svc.close();
    }
  });
});
