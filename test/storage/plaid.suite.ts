// The PlaidStore contract (the sandbox's Items and public tokens, key rotation), run against each engine.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { openPlaidStore } from '../../src/server/plaid/store';
import type { PlaidStore } from '../../src/server/storage/types';
import { assertRotatesPageByPage, type OpenStores, useStores } from './harness';
import { encrypted, now, plaidItem } from './records';

export function describePlaidStoreContract(name: string, open: OpenStores): void {
  describe(`${name}: PlaidStore contract`, () => {
    const opened = useStores(open);
    let store: PlaidStore;
    beforeEach(async () => {
      store = await openPlaidStore(opened().database);
    });

    describe('Plaid sandbox', () => {
      it('saves an Item, finds it by id and, once exchanged, by its access token hash', async () => {
        const item = plaidItem();
        await store.savePlaidItem(item);
        assert.deepEqual(await store.getPlaidItem(item.itemId), item);
        assert.equal(await store.getPlaidItem('item_unknown'), null);
        assert.equal(await store.findPlaidItemByAccessToken('access-hash'), null);

        assert.deepEqual((await store.getPlaidItem(item.itemId))?.products, ['auth', 'transactions']);

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

    describe('key rotation', () => {
      it('lists every Item value not under the current key a page at a time, until all are replaced', async () => {
        const oldSecret = encrypted('enc_old');
        const olderSecret = encrypted('enc_older');
        const oldItem = plaidItem({ secret: oldSecret });
        const olderItem = plaidItem({ secret: olderSecret });
        const currentItem = plaidItem({ secret: encrypted('enc_new') });
        for (const item of [oldItem, olderItem, currentItem]) await store.savePlaidItem(item);

        await assertRotatesPageByPage(store, [
          { id: oldItem.itemId, secret: oldSecret },
          { id: olderItem.itemId, secret: olderSecret },
        ]);
        assert.deepEqual(
          (await store.getPlaidItem(oldItem.itemId))?.secret,
          encrypted('enc_new', `re-${oldItem.itemId}`),
        );
        assert.deepEqual((await store.getPlaidItem(currentItem.itemId))?.secret, currentItem.secret);
      });
    });
  });
}
