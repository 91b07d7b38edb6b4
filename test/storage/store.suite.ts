// One contract for every TokenStore adapter: the SQLite and PostgreSQL test
// files each run this suite against a fresh, empty store per test.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { EncryptedValue } from '../../src/server/crypto';
import type {
  AccountRecord,
  ApiKeyRecord,
  CustomerRecord,
  IdempotencyRecord,
  PlaidItemRecord,
  SourceRecord,
  TokenRecord,
  TokenStore,
} from '../../src/server/storage/types';

export const now = 1_760_000_000;
export const accountA: AccountRecord = { id: 'acct_A', allowedOrigins: ['https://shop.example'] };
export const accountB: AccountRecord = { id: 'acct_B', allowedOrigins: ['https://other.example'] };

let serial = 0;
const nextId = (prefix: string) => `${prefix}_${++serial}`;

export function encrypted(keyId = 'enc_1', data = `ciphertext-${++serial}`): EncryptedValue {
  return { keyId, iv: `iv-${data}`, tag: `tag-${data}`, data };
}

export function tokenRecord(overrides: Partial<TokenRecord> = {}): TokenRecord {
  const id = overrides.id ?? nextId('tok');
  const created = overrides.created ?? now;
  return {
    id,
    accountId: accountA.id,
    type: 'card',
    token: { id, object: 'token', type: 'card', used: false, created, card: { brand: 'Visa', last4: '4242' } },
    secret: encrypted(),
    fingerprint: 'fp_visa',
    used: false,
    created,
    expiresAt: created + 3600,
    ...overrides,
  };
}

function apiKey(overrides: Partial<ApiKeyRecord> = {}): ApiKeyRecord {
  return {
    id: nextId('key'),
    accountId: accountA.id,
    kind: 'secret',
    display: 'sk_test_****abcd',
    created: now,
    revokedAt: null,
    ...overrides,
  };
}

function customerRecord(overrides: Partial<CustomerRecord> = {}): CustomerRecord {
  const id = overrides.id ?? nextId('cus');
  return {
    id,
    accountId: accountA.id,
    customer: { id, object: 'customer', sources: { object: 'list', data: [], total_count: 0 } },
    created: now,
    ...overrides,
  };
}

function sourceRecord(customerId: string, overrides: Partial<SourceRecord> = {}): SourceRecord {
  const id = overrides.id ?? nextId('card');
  return {
    id,
    customerId,
    accountId: accountA.id,
    source: { id, object: 'card', brand: 'Visa', last4: '4242', customer: customerId },
    secret: encrypted(),
    fingerprint: 'fp_visa',
    created: now,
    ...overrides,
  };
}

function idempotencyRecord(overrides: Partial<IdempotencyRecord> = {}): IdempotencyRecord {
  return {
    scope: 'key_1',
    key: 'order-1',
    requestHash: 'hash-1',
    statusCode: 200,
    responseBody: '{"id":"tok_1"}',
    created: now,
    ...overrides,
  };
}

function plaidItem(overrides: Partial<PlaidItemRecord> = {}): PlaidItemRecord {
  return {
    itemId: nextId('item'),
    accountId: accountA.id,
    accessTokenHash: null,
    institutionId: 'ins_109508',
    accounts: [{ account_id: 'acc_1', mask: '0000', name: 'Plaid Checking', type: 'depository' }],
    secret: encrypted(),
    created: now,
    ...overrides,
  };
}

export function describeStoreContract(name: string, open: () => Promise<TokenStore>): void {
  describe(`${name}: TokenStore contract`, () => {
    let store: TokenStore;

    beforeEach(async () => {
      store = await open();
      await store.saveAccount(accountA);
      await store.saveAccount(accountB);
    });
    afterEach(async () => {
      await store.close();
    });

    describe('accounts', () => {
      it('saves, reads, lists and replaces the allowed origins', async () => {
        assert.deepEqual(await store.getAccount(accountA.id), accountA);
        await store.saveAccount({ id: accountA.id, allowedOrigins: ['https://a.example', 'https://b.example'] });
        assert.deepEqual(await store.getAccount(accountA.id), {
          id: accountA.id,
          allowedOrigins: ['https://a.example', 'https://b.example'],
        });
        assert.deepEqual(
          (await store.listAccounts()).map((account) => account.id),
          [accountA.id, accountB.id],
        );
        assert.equal(await store.getAccount('acct_unknown'), null);
      });
    });

    describe('API keys', () => {
      it('finds a key by its hash, and saving the same hash again updates it', async () => {
        const key = apiKey({ kind: 'publishable', display: 'pk_test_full' });
        await store.saveApiKey('hash-pk', key);
        assert.deepEqual(await store.findKeyByHash('hash-pk'), key);
        assert.equal(await store.findKeyByHash('hash-unknown'), null);
        const updated = { ...key, display: 'pk_test_renamed', accountId: accountB.id };
        await store.saveApiKey('hash-pk', updated);
        assert.deepEqual(await store.findKeyByHash('hash-pk'), updated);
        assert.equal((await store.listApiKeys()).length, 1);
      });

      it('no longer finds a revoked key, and lists it with its display and revocation time', async () => {
        const secretKey = apiKey({ display: 'sk_test_****wxyz' });
        const publishableKey = apiKey({ kind: 'publishable', display: 'pk_test_abc', created: now + 1 });
        await store.saveApiKey('hash-sk', secretKey);
        await store.saveApiKey('hash-pk', publishableKey);

        assert.equal(await store.revokeApiKey(secretKey.id, now + 60), true);
        assert.equal(await store.findKeyByHash('hash-sk'), null);
        assert.deepEqual(await store.findKeyByHash('hash-pk'), publishableKey);
        // Revoking again keeps the first time.
        assert.equal(await store.revokeApiKey(secretKey.id, now + 120), true);

        const listed = await store.listApiKeys();
        assert.deepEqual(
          listed.map(({ id, display, revokedAt }) => ({ id, display, revokedAt })),
          [
            { id: secretKey.id, display: 'sk_test_****wxyz', revokedAt: now + 60 },
            { id: publishableKey.id, display: 'pk_test_abc', revokedAt: null },
          ],
        );
        assert.equal(await store.revokeApiKey('key_unknown', now), false);
      });
    });

    describe('tokens', () => {
      it('stores a token and reads it back only for its own account', async () => {
        const token = tokenRecord();
        await store.insertToken(token);
        assert.deepEqual(await store.getToken(token.id, accountA.id), token);
        assert.equal(await store.getToken(token.id, accountB.id), null);
        assert.equal(await store.getToken('tok_unknown', accountA.id), null);
      });

      it('keeps the expiry and a token stored without raw values', async () => {
        const token = tokenRecord({ secret: null, fingerprint: null, expiresAt: now + 5 });
        await store.insertToken(token);
        const stored = await store.getToken(token.id, accountA.id);
        assert.equal(stored?.expiresAt, now + 5);
        assert.equal(stored?.secret, null);
        assert.equal(stored?.fingerprint, null);
      });

      it('rejects a second token with the same id', async () => {
        const token = tokenRecord();
        await store.insertToken(token);
        await assert.rejects(store.insertToken(token));
      });
    });

    describe('consumeToken', () => {
      it('consumes an unused token once and marks it used', async () => {
        const token = tokenRecord();
        await store.insertToken(token);
        const result = await store.consumeToken(token.id, accountA.id, now + 10);
        assert.equal(result.ok, true);
        assert.ok(result.ok);
        assert.equal(result.token.id, token.id);
        assert.equal(result.token.used, true);
        assert.equal(result.token.token.used, true);
        assert.deepEqual(result.token.secret, token.secret);
        const stored = await store.getToken(token.id, accountA.id);
        assert.equal(stored?.used, true);
        assert.equal(stored?.token.used, true);
      });

      it('says used the second time', async () => {
        const token = tokenRecord();
        await store.insertToken(token);
        await store.consumeToken(token.id, accountA.id, now);
        assert.deepEqual(await store.consumeToken(token.id, accountA.id, now), { ok: false, reason: 'used' });
      });

      it('says expired from the expiry time on, and leaves the token unused', async () => {
        const token = tokenRecord({ expiresAt: now + 100 });
        await store.insertToken(token);
        assert.deepEqual(await store.consumeToken(token.id, accountA.id, now + 100), {
          ok: false,
          reason: 'expired',
        });
        assert.equal((await store.getToken(token.id, accountA.id))?.used, false);
        assert.equal((await store.consumeToken(token.id, accountA.id, now + 99)).ok, true);
      });

      it("says missing for an unknown token and for another account's token, which stays usable", async () => {
        const token = tokenRecord();
        await store.insertToken(token);
        assert.deepEqual(await store.consumeToken('tok_unknown', accountA.id, now), {
          ok: false,
          reason: 'missing',
        });
        assert.deepEqual(await store.consumeToken(token.id, accountB.id, now), { ok: false, reason: 'missing' });
        assert.equal((await store.consumeToken(token.id, accountA.id, now)).ok, true);
      });

      it('of 50 concurrent calls for one token, exactly one succeeds', async () => {
        const token = tokenRecord();
        await store.insertToken(token);
        const results = await Promise.all(
          Array.from({ length: 50 }, () => store.consumeToken(token.id, accountA.id, now)),
        );
        assert.equal(results.filter((result) => result.ok).length, 1);
        assert.equal(results.filter((result) => !result.ok && result.reason === 'used').length, 49);
      });
    });

    describe('wipeExpiredTokens', () => {
      it('wipes the raw values of unused expired tokens only', async () => {
        const expired = tokenRecord({ expiresAt: now - 1 });
        const live = tokenRecord({ expiresAt: now + 100 });
        const usedExpired = tokenRecord({ expiresAt: now + 2 });
        for (const token of [expired, live, usedExpired]) await store.insertToken(token);
        assert.equal((await store.consumeToken(usedExpired.id, accountA.id, now)).ok, true);

        assert.equal(await store.wipeExpiredTokens(now + 5), 1);

        const wiped = await store.getToken(expired.id, accountA.id);
        assert.equal(wiped?.secret, null);
        assert.equal(wiped?.used, false);
        assert.deepEqual(wiped?.token, expired.token, 'the public token object stays');
        assert.deepEqual((await store.getToken(live.id, accountA.id))?.secret, live.secret);
        assert.deepEqual((await store.getToken(usedExpired.id, accountA.id))?.secret, usedExpired.secret);
        assert.deepEqual(await store.consumeToken(expired.id, accountA.id, now + 5), {
          ok: false,
          reason: 'expired',
        });
        assert.equal(await store.wipeExpiredTokens(now + 5), 0, 'a wiped token is not counted again');
      });
    });

    describe('key rotation', () => {
      it('lists every value not under the current key a page at a time, until all are replaced', async () => {
        const oldToken = tokenRecord({ secret: encrypted('enc_old') });
        const currentToken = tokenRecord({ secret: encrypted('enc_new') });
        const wipedToken = tokenRecord({ secret: null });
        for (const token of [oldToken, currentToken, wipedToken]) await store.insertToken(token);
        const customer = customerRecord();
        await store.saveCustomer(customer);
        const source = sourceRecord(customer.id, { secret: encrypted('enc_old') });
        await store.insertSource(source);
        const item = plaidItem({ secret: encrypted('enc_older') });
        await store.savePlaidItem(item);

        const expected = [
          { table: 'tokens', id: oldToken.id, secret: oldToken.secret },
          { table: 'sources', id: source.id, secret: source.secret },
          { table: 'plaid_items', id: item.itemId, secret: item.secret },
        ];
        const byTableAndId = (a: { table: string; id: string }, b: { table: string; id: string }) =>
          `${a.table}/${a.id}`.localeCompare(`${b.table}/${b.id}`);
        assert.deepEqual(
          (await store.listSecretsNotUnder('enc_new', 10)).sort(byTableAndId),
          expected.sort(byTableAndId),
        );
        assert.equal((await store.listSecretsNotUnder('enc_new', 2)).length, 2);

        let rounds = 0;
        for (;;) {
          const page = await store.listSecretsNotUnder('enc_new', 2);
          if (page.length === 0) break;
          for (const entry of page) {
            await store.replaceSecret(entry.table, entry.id, encrypted('enc_new', `re-${entry.id}`));
          }
          assert.ok(++rounds <= 2, 'each page makes progress');
        }
        assert.deepEqual(
          (await store.getToken(oldToken.id, accountA.id))?.secret,
          encrypted('enc_new', `re-${oldToken.id}`),
        );
        assert.deepEqual((await store.getPlaidItem(item.itemId))?.secret, encrypted('enc_new', `re-${item.itemId}`));
        assert.deepEqual((await store.getToken(currentToken.id, accountA.id))?.secret, currentToken.secret);
        assert.equal((await store.getToken(wipedToken.id, accountA.id))?.secret, null);
      });
    });

    describe('customers and sources', () => {
      it('saves a customer, reads it only for its account, and replaces it', async () => {
        const customer = customerRecord();
        await store.saveCustomer(customer);
        assert.deepEqual(await store.getCustomer(customer.id, accountA.id), customer);
        assert.equal(await store.getCustomer(customer.id, accountB.id), null);
        assert.equal(await store.getCustomer('cus_unknown', accountA.id), null);

        const source = sourceRecord(customer.id);
        await store.insertSource(source);
        const withSource = {
          ...customer,
          customer: {
            ...customer.customer,
            default_source: source.id,
            sources: { object: 'list', data: [source.source], total_count: 1 },
          },
        };
        await store.saveCustomer(withSource);
        assert.deepEqual(await store.getCustomer(customer.id, accountA.id), withSource);
      });

      it("stores a new customer's first source before the customer itself", async () => {
        const customer = customerRecord();
        await store.insertSource(sourceRecord(customer.id));
        await store.saveCustomer(customer);
        assert.deepEqual(await store.getCustomer(customer.id, accountA.id), customer);
      });

      it('rejects a second source with the same id', async () => {
        const customer = customerRecord();
        await store.saveCustomer(customer);
        const source = sourceRecord(customer.id);
        await store.insertSource(source);
        await assert.rejects(store.insertSource(source));
      });
    });

    describe('idempotency records', () => {
      it('stores a record per scope and key', async () => {
        const record = idempotencyRecord();
        assert.deepEqual(await store.putIdempotencyRecord(record), record);
        assert.deepEqual(await store.getIdempotencyRecord('key_1', 'order-1', now), record);
        assert.equal(await store.getIdempotencyRecord('key_2', 'order-1', now), null);
        assert.equal(await store.getIdempotencyRecord('key_1', 'order-2', now), null);

        const otherScope = idempotencyRecord({ scope: 'key_2', responseBody: '{"id":"tok_2"}' });
        assert.deepEqual(await store.putIdempotencyRecord(otherScope), otherScope);
        assert.deepEqual(await store.getIdempotencyRecord('key_1', 'order-1', now), record);
      });

      it('ignores records created before notBefore', async () => {
        await store.putIdempotencyRecord(idempotencyRecord({ created: now - 10 }));
        assert.equal((await store.getIdempotencyRecord('key_1', 'order-1', now - 10))?.created, now - 10);
        assert.equal(await store.getIdempotencyRecord('key_1', 'order-1', now - 9), null);
      });

      it('returns the one stored record to every caller when several are saved at once', async () => {
        const contenders = Array.from({ length: 10 }, (_, i) =>
          idempotencyRecord({ requestHash: `hash-${i}`, responseBody: `{"id":"tok_${i}"}` }),
        );
        const results = await Promise.all(contenders.map((record) => store.putIdempotencyRecord(record)));
        const stored = await store.getIdempotencyRecord('key_1', 'order-1', 0);
        assert.ok(stored);
        for (const result of results) assert.deepEqual(result, stored);
        assert.deepEqual(await store.putIdempotencyRecord(idempotencyRecord({ requestHash: 'late' })), stored);
      });

      it('deletes records created before a time and counts them', async () => {
        await store.putIdempotencyRecord(idempotencyRecord({ key: 'old-1', created: now - 100 }));
        await store.putIdempotencyRecord(idempotencyRecord({ key: 'old-2', scope: 'key_2', created: now - 1 }));
        await store.putIdempotencyRecord(idempotencyRecord({ key: 'new', created: now }));
        assert.equal(await store.deleteIdempotencyRecords(now), 2);
        assert.equal(await store.getIdempotencyRecord('key_1', 'old-1', 0), null);
        assert.equal(await store.getIdempotencyRecord('key_2', 'old-2', 0), null);
        assert.equal((await store.getIdempotencyRecord('key_1', 'new', 0))?.key, 'new');
        assert.equal(await store.deleteIdempotencyRecords(now), 0);
      });
    });

    describe('Plaid sandbox', () => {
      it('saves an Item, finds it by id and, once exchanged, by its access token hash', async () => {
        const item = plaidItem();
        await store.savePlaidItem(item);
        assert.deepEqual(await store.getPlaidItem(item.itemId), item);
        assert.equal(await store.getPlaidItem('item_unknown'), null);
        assert.equal(await store.findPlaidItemByAccessToken('access-hash'), null);

        const exchanged = { ...item, accessTokenHash: 'access-hash' };
        await store.savePlaidItem(exchanged);
        assert.deepEqual(await store.findPlaidItemByAccessToken('access-hash'), exchanged);
        assert.deepEqual(await store.getPlaidItem(item.itemId), exchanged);
      });

      it('exchanges a public token once', async () => {
        const item = plaidItem();
        await store.savePlaidItem(item);
        await store.savePlaidPublicToken({ tokenHash: 'public-hash', itemId: item.itemId, expiresAt: now + 1800 });
        assert.equal(await store.takePlaidPublicToken('public-hash', now), item.itemId);
        assert.equal(await store.takePlaidPublicToken('public-hash', now), null);
        assert.equal(await store.takePlaidPublicToken('unknown-hash', now), null);
      });

      it('does not exchange an expired public token', async () => {
        const item = plaidItem();
        await store.savePlaidItem(item);
        await store.savePlaidPublicToken({ tokenHash: 'public-hash', itemId: item.itemId, expiresAt: now + 1800 });
        assert.equal(await store.takePlaidPublicToken('public-hash', now + 1800), null);
      });

      it('of concurrent exchanges of one public token, exactly one gets the Item', async () => {
        const item = plaidItem();
        await store.savePlaidItem(item);
        await store.savePlaidPublicToken({ tokenHash: 'public-hash', itemId: item.itemId, expiresAt: now + 1800 });
        const results = await Promise.all(
          Array.from({ length: 20 }, () => store.takePlaidPublicToken('public-hash', now)),
        );
        assert.deepEqual(
          results.filter((result) => result !== null),
          [item.itemId],
        );
      });
    });
  });
}
