// The VaultStore contract (tokens, single use, expiry, key rotation), run against each engine.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { VaultStore } from '../../src/server/storage/types';
import { assertRotatesPageByPage, type OpenStores, useStores } from './harness';
import { encrypted, liveA, now, testA, testB, tokenRecord } from './records';

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
        assert.deepEqual(await store.getToken(token.id, testA), token);
        assert.equal(await store.getToken(token.id, testB), null);
        assert.equal(await store.getToken('tok_unknown', testA), null);
      });

      it('stores tokens inserted at once (one group commit), and a failing one fails alone', async () => {
        const existing = tokenRecord();
        await store.insertToken(existing);
        const together = Array.from({ length: 20 }, () => tokenRecord());
        const results = await Promise.allSettled([
          ...together.map((token) => store.insertToken(token)),
          store.insertToken(tokenRecord({ id: existing.id })),
        ]);
        assert.deepEqual(
          results.map((result) => result.status),
          [...together.map(() => 'fulfilled'), 'rejected'],
        );
        for (const token of together) assert.deepEqual(await store.getToken(token.id, testA), token);
      });

      it('keeps live and test tokens apart: each is found only in its own mode', async () => {
        const testToken = tokenRecord();
        const liveToken = tokenRecord({ livemode: true });
        await store.insertToken(testToken);
        await store.insertToken(liveToken);
        assert.deepEqual(await store.getToken(liveToken.id, liveA), liveToken);
        assert.equal(await store.getToken(liveToken.id, testA), null);
        assert.equal(await store.getToken(testToken.id, liveA), null);
      });

      it('keeps the expiry and a token stored without raw values', async () => {
        const token = tokenRecord({ secret: null, fingerprint: null, expiresAt: now + 5 });
        await store.insertToken(token);
        const stored = await store.getToken(token.id, testA);
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
        const result = await store.consumeToken(token.id, testA, now + 10);
        assert.equal(result.ok, true);
        assert.ok(result.ok);
        assert.equal(result.token.id, token.id);
        assert.equal(result.token.used, true);
        assert.equal(result.token.token.used, true);
        assert.deepEqual(result.token.secret, token.secret);
        const stored = await store.getToken(token.id, testA);
        assert.equal(stored?.used, true);
        assert.equal(stored?.token.used, true);
        assert.equal(stored?.secret, null, 'a used token still holds its raw values, CVC included');
        assert.deepEqual(stored?.token, { ...token.token, used: true }, 'the public token object stays');
      });

      it('says used the second time', async () => {
        const token = tokenRecord();
        await store.insertToken(token);
        await store.consumeToken(token.id, testA, now);
        assert.deepEqual(await store.consumeToken(token.id, testA, now), { ok: false, reason: 'used' });
      });

      it('says expired from the expiry time on, and leaves the token unused', async () => {
        const token = tokenRecord({ expiresAt: now + 100 });
        await store.insertToken(token);
        assert.deepEqual(await store.consumeToken(token.id, testA, now + 100), {
          ok: false,
          reason: 'expired',
        });
        assert.equal((await store.getToken(token.id, testA))?.used, false);
        assert.equal((await store.consumeToken(token.id, testA, now + 99)).ok, true);
      });

      it("says missing for an unknown token and for another account's token, which stays usable", async () => {
        const token = tokenRecord();
        await store.insertToken(token);
        assert.deepEqual(await store.consumeToken('tok_unknown', testA, now), {
          ok: false,
          reason: 'missing',
        });
        assert.deepEqual(await store.consumeToken(token.id, testB, now), { ok: false, reason: 'missing' });
        assert.equal((await store.consumeToken(token.id, testA, now)).ok, true);
      });

      it("says missing for the other mode's token, which stays usable in its own", async () => {
        const liveToken = tokenRecord({ livemode: true });
        await store.insertToken(liveToken);
        assert.deepEqual(await store.consumeToken(liveToken.id, testA, now), { ok: false, reason: 'missing' });
        const used = await store.consumeToken(liveToken.id, liveA, now);
        assert.equal(used.ok && used.token.livemode, true);
        assert.deepEqual(await store.consumeToken(liveToken.id, liveA, now), { ok: false, reason: 'used' });
        assert.deepEqual(await store.consumeToken(liveToken.id, testA, now), { ok: false, reason: 'missing' });
      });

      it('of 50 concurrent calls for one token, exactly one succeeds', async () => {
        const token = tokenRecord();
        await store.insertToken(token);
        const results = await Promise.all(Array.from({ length: 50 }, () => store.consumeToken(token.id, testA, now)));
        assert.equal(results.filter((result) => result.ok).length, 1);
        assert.equal(results.filter((result) => !result.ok && result.reason === 'used').length, 49);
      });
    });

    describe('wipeExpiredTokens', () => {
      it('wipes the raw values of expired tokens and of used ones that still hold some, not of usable ones', async () => {
        const expired = tokenRecord({ expiresAt: now - 1 });
        const live = tokenRecord({ expiresAt: now + 100 });
        // Stored used with its raw values, as tokens consumed before consuming wiped them were.
        const usedBefore = tokenRecord({ used: true, expiresAt: now + 100 });
        for (const token of [expired, live, usedBefore]) await store.insertToken(token);

        assert.equal(await store.wipeExpiredTokens(now + 5), 2);

        const wiped = await store.getToken(expired.id, testA);
        assert.equal(wiped?.secret, null);
        assert.equal(wiped?.used, false);
        assert.deepEqual(wiped?.token, expired.token, 'the public token object stays');
        assert.deepEqual((await store.getToken(live.id, testA))?.secret, live.secret);
        assert.equal((await store.getToken(usedBefore.id, testA))?.secret, null);
        assert.deepEqual(await store.consumeToken(expired.id, testA, now + 5), {
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
        assert.deepEqual((await store.getToken(oldToken.id, testA))?.secret, encrypted('enc_new', `re-${oldToken.id}`));
        assert.deepEqual((await store.getToken(currentToken.id, testA))?.secret, currentToken.secret);
        assert.equal((await store.getToken(wipedToken.id, testA))?.secret, null);
      });
    });
  });
}
