// The rows in fixtures/: a SQLite file (user_version 2) and a PostgreSQL dump
// (schema_migrations without components) that the adapters of commit e21514d,
// before migrations were grouped by component, wrote with these rows; and the
// check that today's stores read every one of them back.
import assert from 'node:assert/strict';
import type { PlaidStore, Stores } from '../../src/server/storage/types';

const now = 1_760_000_000;
const account = { id: 'acct_legacy', allowedOrigins: ['https://shop.example'] };
/** Everything stored before live keys existed is test mode's. */
const scope = { accountId: account.id, livemode: false };
const secret = (data: string) => ({ keyId: 'enc_legacy', iv: `iv-${data}`, tag: `tag-${data}`, data });
const card = { id: 'card_legacy', object: 'card', brand: 'Visa', last4: '4242', customer: 'cus_legacy' };

export async function assertLegacyRowsReadBack(stores: Stores, plaid: PlaidStore): Promise<void> {
  assert.deepEqual(await stores.keys.getAccount(account.id), account);
  assert.deepEqual(await stores.keys.findKeyByHash('hash-sk'), {
    id: 'key_sk',
    accountId: account.id,
    kind: 'secret',
    livemode: false,
    display: 'sk_test_****abcd',
    created: now,
    revokedAt: null,
  });
  assert.equal(await stores.keys.findKeyByHash('hash-old'), null, 'a revoked key stays revoked');
  assert.deepEqual(
    (await stores.keys.listApiKeys()).map(({ id, revokedAt }) => ({ id, revokedAt })),
    [
      { id: 'key_old', revokedAt: now - 5 },
      { id: 'key_pk', revokedAt: null },
      { id: 'key_sk', revokedAt: null },
    ],
  );

  assert.deepEqual(await stores.vault.getToken('tok_unused', scope), {
    id: 'tok_unused',
    accountId: account.id,
    livemode: false,
    type: 'card',
    token: {
      id: 'tok_unused',
      object: 'token',
      type: 'card',
      used: false,
      created: now,
      card: { brand: 'Visa', last4: '4242' },
    },
    secret: secret('ct-tok_unused'),
    fingerprint: 'fp_visa',
    used: false,
    created: now,
    expiresAt: now + 3600,
  });
  assert.deepEqual(await stores.vault.consumeToken('tok_used', scope, now), { ok: false, reason: 'used' });
  assert.equal((await stores.vault.consumeToken('tok_unused', scope, now)).ok, true);

  assert.deepEqual(await stores.customers.getCustomer('cus_legacy', scope), {
    id: 'cus_legacy',
    accountId: account.id,
    livemode: false,
    customer: {
      id: 'cus_legacy',
      object: 'customer',
      default_source: card.id,
      sources: { object: 'list', data: [card], total_count: 1 },
    },
    created: now,
  });
  assert.deepEqual(await stores.customers.listSecretsToReseal('enc_new', '', 10), [
    {
      sealedAt: { table: 'sources', id: card.id, accountId: account.id, livemode: false },
      secret: secret('ct-card_legacy'),
    },
  ]);

  assert.deepEqual(await stores.idempotency.getIdempotencyRecord('key_sk', 'order-1', now), {
    scope: 'key_sk',
    key: 'order-1',
    requestHash: 'hash-1',
    statusCode: 200,
    responseBody: '{"id":"cus_legacy"}',
    created: now,
  });

  const item = {
    itemId: 'item_legacy',
    accountId: account.id,
    accessTokenHash: 'access-hash',
    institutionId: 'ins_109508',
    accounts: [{ account_id: 'acc_1', mask: '0000', name: 'Plaid Checking', type: 'depository' }],
    // Items from before products were stored were made for the processor flow.
    products: ['auth'],
    secret: secret('ct-item_legacy'),
    created: now,
  };
  assert.deepEqual(await plaid.getPlaidItem(item.itemId), item);
  assert.deepEqual(await plaid.findPlaidItemByAccessToken('access-hash'), item);
  assert.equal(await plaid.takePlaidPublicToken('public-hash', now), item.itemId);
}
