// The VaultStore contract (tokens, single use, expiry, key rotation), run against each engine.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { VaultStore } from '../../src/server/storage/types';
import { assertRotatesPageByPage, type OpenStores, useStores } from './harness';
import { accountA, accountB, encrypted, now, tokenRecord } from './records';

export function describeVaultStoreContract(name: string, open: OpenStores): void {
  describe(`${name}: VaultStore contract`, () => {
    const opened = useStores(open);
    let store: VaultStore;
    beforeEach(() => {
      store = opened().vault;
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
      it('lists every token value not under the current key a page at a time, until all are replaced', async () => {
        const oldSecret = encrypted('enc_old');
        const olderSecret = encrypted('enc_older');
        const oldToken = tokenRecord({ secret: oldSecret });
        const olderToken = tokenRecord({ secret: olderSecret });
        const currentToken = tokenRecord({ secret: encrypted('enc_new') });
        const wipedToken = tokenRecord({ secret: null });
        for (const token of [oldToken, olderToken, currentToken, wipedToken]) await store.insertToken(token);

        await assertRotatesPageByPage(store, [
          { id: oldToken.id, secret: oldSecret },
          { id: olderToken.id, secret: olderSecret },
        ]);
        assert.deepEqual(
          (await store.getToken(oldToken.id, accountA.id))?.secret,
          encrypted('enc_new', `re-${oldToken.id}`),
        );
        assert.deepEqual((await store.getToken(currentToken.id, accountA.id))?.secret, currentToken.secret);
        assert.equal((await store.getToken(wipedToken.id, accountA.id))?.secret, null);
      });
    });
  });
}
