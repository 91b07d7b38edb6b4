// The IdempotencyStore contract (stored responses for replays), run against each engine.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { IdempotencyStore } from '../../src/server/storage/types';
import { type OpenStores, useStores } from './harness';
import { idempotencyRecord, now } from './records';

export function describeIdempotencyStoreContract(name: string, open: OpenStores): void {
  describe(`${name}: IdempotencyStore contract`, () => {
    const opened = useStores(open);
    let store: IdempotencyStore;
    beforeEach(() => {
      store = opened().idempotency;
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

      it('lets exactly one of several concurrent claims take a key, until its request is answered', async () => {
        const claim = { scope: 'key_1', key: 'order-1', requestHash: 'hash-1', created: now };
        const results = await Promise.all(
          Array.from({ length: 10 }, () => store.claimIdempotencyKey(claim, now - 100, now - 60)),
        );
        assert.equal(results.filter(Boolean).length, 1);
        assert.deepEqual(await store.getIdempotencyRecord('key_1', 'order-1', now), claim);

        const answered = idempotencyRecord();
        assert.deepEqual(await store.putIdempotencyRecord(answered), answered);
        assert.deepEqual(await store.getIdempotencyRecord('key_1', 'order-1', now), answered);
        assert.equal(await store.claimIdempotencyKey({ ...claim, created: now + 1 }, now - 100, now - 60), false);
        assert.deepEqual(await store.getIdempotencyRecord('key_1', 'order-1', now), answered);
      });

      it('frees a key when its claim is released, abandoned, or its record is older than notBefore', async () => {
        const claim = { scope: 'key_1', key: 'order-1', requestHash: 'hash-1', created: now };
        assert.equal(await store.claimIdempotencyKey(claim, now - 100, now - 60), true);
        await store.releaseIdempotencyKey({ ...claim, requestHash: 'hash-2' });
        assert.equal(
          await store.claimIdempotencyKey(claim, now - 100, now - 60),
          false,
          'only its own request releases it',
        );
        await store.releaseIdempotencyKey(claim);
        assert.equal(await store.getIdempotencyRecord('key_1', 'order-1', 0), null);
        assert.equal(await store.claimIdempotencyKey(claim, now - 100, now - 60), true);

        const later = { ...claim, requestHash: 'hash-2', created: now + 30 };
        assert.equal(await store.claimIdempotencyKey(later, now - 70, now - 30), false, 'a recent claim holds');
        assert.equal(await store.claimIdempotencyKey(later, now - 70, now + 1), true, 'an abandoned claim does not');
        assert.deepEqual(await store.getIdempotencyRecord('key_1', 'order-1', 0), later);

        await store.putIdempotencyRecord(idempotencyRecord({ requestHash: 'hash-2', created: now + 30 }));
        assert.equal(await store.claimIdempotencyKey(claim, now, now + 60), false, 'an answer is not abandoned');
        assert.equal(await store.claimIdempotencyKey({ ...claim, created: now + 90 }, now + 31, now + 60), true);
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
  });
}
