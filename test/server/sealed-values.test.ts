// Over HTTP: a token whose encrypted value was swapped with another row's in
// the database (by someone with write access to it) is refused with Stripe's
// generic api_error, and nothing of either card comes back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { callService, formBody, startTestService, type TestService } from './helpers';

const nextYear = String(new Date().getFullYear() + 1);
const card = (number: string) => formBody({ card: { number, exp_month: '12', exp_year: nextYear, cvc: '123' } });

describe('a token value swapped with another row’s in the database', () => {
  let svc: TestService;
  before(async () => {
    svc = await startTestService();
  });
  after(() => svc.close());

  /** What a direct write to the service's own database does; the service is in this process, so its handle is used. */
  async function swapTokenSecrets(a: string, b: string): Promise<void> {
    const { database } = svc.service.stores;
    const read = 'SELECT id, secret_key_id, secret_iv, secret_tag, secret_data FROM tokens WHERE id IN ';
    const write =
      'UPDATE tokens SET secret_key_id = $1, secret_iv = $2, secret_tag = $3, secret_data = $4 WHERE id = $5';
    type Row = { id: string; secret_key_id: string; secret_iv: string; secret_tag: string; secret_data: string };
    const rows: Row[] =
      database.engine === 'sqlite'
        ? (database.connection.prepare(`${read}(?, ?)`).all(a, b) as Row[])
        : (await database.pool.query<Row>(`${read}($1, $2)`, [a, b])).rows;
    const [first, second] = a === rows[0].id ? rows : [rows[1], rows[0]];
    for (const [id, from] of [
      [a, second],
      [b, first],
    ] as const) {
      const values = [from.secret_key_id, from.secret_iv, from.secret_tag, from.secret_data, id];
      if (database.engine === 'sqlite') database.connection.prepare(write.replace(/\$\d/g, '?')).run(...values);
      else await database.pool.query(write, values);
    }
  }

  it('is refused when used, with a generic error and no card data', async () => {
    const declined = await callService(svc, 'POST', '/v1/tokens', {
      key: svc.publishableKey,
      body: card('4000000000000002'),
    });
    const other = await callService(svc, 'POST', '/v1/tokens', {
      key: svc.publishableKey,
      body: card('5555555555554444'),
    });
    await swapTokenSecrets(declined.body.id, other.body.id);

    for (const token of [declined, other]) {
      const used = await callService(svc, 'POST', '/v1/customers', {
        key: svc.secretKey,
        body: formBody({ source: token.body.id }),
      });
      assert.equal(used.status, 500, used.text);
      assert.equal(used.body.error.type, 'api_error');
      assert.doesNotMatch(used.text, /0000000000000002|5555555555554444|4444|0002/);
    }
  });
});
