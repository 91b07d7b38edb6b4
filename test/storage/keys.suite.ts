// The KeyStore contract (accounts and API keys), run against each engine.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { KeyStore } from '../../src/server/storage/types';
import { type OpenStores, useStores } from './harness';
import { accountA, accountB, apiKey, now } from './records';

export function describeKeyStoreContract(name: string, open: OpenStores): void {
  describe(`${name}: KeyStore contract`, () => {
    const opened = useStores(open);
    let store: KeyStore;
    beforeEach(() => {
      store = opened().keys;
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

    describe('font origins', () => {
      it('keeps an account’s font origins beside its allowed origins, and drops them when emptied', async () => {
        const withFonts = {
          id: accountA.id,
          allowedOrigins: ['https://a.example'],
          fontOrigins: ['https://fonts.gstatic.com', 'https://fonts.googleapis.com'],
        };
        await store.saveAccount(withFonts);
        assert.deepEqual(await store.getAccount(accountA.id), withFonts);
        assert.deepEqual(
          (await store.listAccounts()).find((account) => account.id === accountA.id),
          withFonts,
        );
        // Replacing the allowed origins (keys origins add) keeps the font origins it was given.
        await store.saveAccount({ ...withFonts, allowedOrigins: ['https://a.example', 'https://b.example'] });
        assert.deepEqual((await store.getAccount(accountA.id))?.fontOrigins, withFonts.fontOrigins);
        await store.saveAccount({ ...withFonts, fontOrigins: [] });
        assert.deepEqual(await store.getAccount(accountA.id), {
          id: accountA.id,
          allowedOrigins: ['https://a.example'],
        });
      });
    });

    describe('API keys', () => {
      it('finds a key by its hash, and saving the same hash again for its account keeps its record', async () => {
        const key = apiKey({ kind: 'publishable', display: 'pk_test_full' });
        await store.saveApiKey('hash-pk', key);
        assert.deepEqual(await store.findKeyByHash('hash-pk'), key);
        assert.equal(await store.findKeyByHash('hash-unknown'), null);
        await store.saveApiKey('hash-pk', { ...key, display: 'pk_test_renamed', created: now + 5 });
        assert.deepEqual(await store.findKeyByHash('hash-pk'), key);
        assert.equal((await store.listApiKeys()).length, 1);
      });

      it('keeps a revoked key revoked when the same key is saved again', async () => {
        const key = apiKey({ display: 'sk_test_****wxyz' });
        await store.saveApiKey('hash-sk', key);
        assert.equal(await store.revokeApiKey(key.id, now + 60), true);
        await store.saveApiKey('hash-sk', key);
        assert.equal(await store.findKeyByHash('hash-sk'), null);
        assert.deepEqual(await store.listApiKeys(), [{ ...key, revokedAt: now + 60 }]);
      });

      it('refuses the same key for another account, and keeps it where it was', async () => {
        const key = apiKey({ display: 'sk_test_****wxyz' });
        await store.saveApiKey('hash-sk', key);
        await assert.rejects(store.saveApiKey('hash-sk', { ...key, accountId: accountB.id }), /another account/);
        assert.deepEqual(await store.findKeyByHash('hash-sk'), key);
        assert.deepEqual(await store.listApiKeys(), [key]);
      });

      it('keeps each key’s mode', async () => {
        const liveKey = apiKey({ livemode: true, display: 'sk_live_****wxyz' });
        const testKey = apiKey({ kind: 'publishable', display: 'pk_test_abc' });
        await store.saveApiKey('hash-live', liveKey);
        await store.saveApiKey('hash-test', testKey);
        assert.equal((await store.findKeyByHash('hash-live'))?.livemode, true);
        assert.equal((await store.findKeyByHash('hash-test'))?.livemode, false);
        assert.deepEqual(
          (await store.listApiKeys())
            .map(({ id, livemode }) => ({ id, livemode }))
            .sort((a, b) => a.id.localeCompare(b.id)),
          [
            { id: liveKey.id, livemode: true },
            { id: testKey.id, livemode: false },
          ].sort((a, b) => a.id.localeCompare(b.id)),
        );
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
  });
}
