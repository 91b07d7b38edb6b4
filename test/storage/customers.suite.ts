// The CustomerStore contract (customers, their sources, key rotation), run against each engine.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { CustomerStore, SourceRecord } from '../../src/server/storage/types';
import { assertRotatesPageByPage, type OpenStores, useStores } from './harness';
import { customerRecord, encrypted, liveA, now, sourceRecord, testA, testB } from './records';

export function describeCustomerStoreContract(name: string, open: OpenStores): void {
  describe(`${name}: CustomerStore contract`, () => {
    const opened = useStores(open);
    let store: CustomerStore;
    beforeEach(() => {
      store = opened().customers;
    });

    describe('customers and sources', () => {
      it('saves a customer, reads it only for its account, and replaces it', async () => {
        const customer = customerRecord();
        await store.saveCustomer(customer);
        assert.deepEqual(await store.getCustomer(customer.id, testA), customer);
        assert.equal(await store.getCustomer(customer.id, testB), null);
        assert.equal(await store.getCustomer('cus_unknown', testA), null);

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
        assert.deepEqual(await store.getCustomer(customer.id, testA), withSource);
      });

      it('keeps live and test customers apart: each is found only in its own mode', async () => {
        const liveCustomer = customerRecord({ livemode: true });
        await store.insertSource(sourceRecord(liveCustomer.id, { livemode: true }));
        await store.saveCustomer(liveCustomer);
        assert.deepEqual(await store.getCustomer(liveCustomer.id, liveA), liveCustomer);
        assert.equal(await store.getCustomer(liveCustomer.id, testA), null);
        // Saving again (a new source) keeps its mode.
        await store.saveCustomer({ ...liveCustomer, customer: { ...liveCustomer.customer, email: 'a@example.com' } });
        assert.equal(await store.getCustomer(liveCustomer.id, testA), null);
        assert.equal((await store.getCustomer(liveCustomer.id, liveA))?.livemode, true);
      });

      it("stores a new customer's first source before the customer itself", async () => {
        const customer = customerRecord();
        await store.insertSource(sourceRecord(customer.id));
        await store.saveCustomer(customer);
        assert.deepEqual(await store.getCustomer(customer.id, testA), customer);
      });

      it('adds sources to a customer in its transaction: none of many concurrent additions is lost', async () => {
        const customer = customerRecord();
        await store.saveCustomer(customer);
        const sources = Array.from({ length: 10 }, () => sourceRecord(customer.id));
        const added = await Promise.all(
          sources.map((source) =>
            store.addSource(source, (saved) => {
              (saved.sources as { data: unknown[] }).data.push(source.source);
            }),
          ),
        );
        assert.ok(added.every((record) => record?.id === customer.id));
        const stored = await store.getCustomer(customer.id, testA);
        const data = (stored?.customer.sources as { data: { id: string }[] }).data;
        assert.deepEqual(data.map(({ id }) => id).sort(), sources.map(({ id }) => id).sort());
      });

      it('adds no source to a customer of another account or mode', async () => {
        const customer = customerRecord();
        await store.saveCustomer(customer);
        const addTo = () => assert.fail('the customer is not this account’s');
        const otherAccount = sourceRecord(customer.id, { accountId: testB.accountId });
        const otherMode = sourceRecord(customer.id, { livemode: true });
        assert.equal(await store.addSource(otherAccount, addTo), null);
        assert.equal(await store.addSource(otherMode, addTo), null);
        // Their ids are still free: nothing was saved.
        await store.insertSource(otherAccount);
        await store.insertSource(otherMode);
        assert.deepEqual(await store.getCustomer(customer.id, testA), customer);
      });

      it('reads a source back only in its own account and mode', async () => {
        const customer = customerRecord();
        const source = sourceRecord(customer.id);
        const liveSource = sourceRecord(customer.id, { livemode: true });
        await store.insertSource(source);
        await store.insertSource(liveSource);
        assert.deepEqual(await store.getSource(source.id, testA), source);
        assert.deepEqual(await store.getSource(liveSource.id, liveA), liveSource);
        assert.equal(await store.getSource(source.id, testB), null);
        assert.equal(await store.getSource(source.id, liveA), null);
        assert.equal(await store.getSource(liveSource.id, testA), null);
        assert.equal(await store.getSource('card_unknown', testA), null);
      });

      it('rejects a second source with the same id', async () => {
        const customer = customerRecord();
        await store.saveCustomer(customer);
        const source = sourceRecord(customer.id);
        await store.insertSource(source);
        await assert.rejects(store.insertSource(source));
      });
    });

    describe("a saved card's CVC for its first charge", () => {
      /** The stand-in for re-sealing without the CVC: a new value per call, naming the source it was for. */
      const resealed: string[] = [];
      const withoutCvc = (source: SourceRecord) => {
        resealed.push(source.id);
        return encrypted('enc_1', `without-cvc-${resealed.length}`);
      };

      it('is taken once: of many concurrent takers exactly one gets the source as it was', async () => {
        const customer = customerRecord();
        const source = sourceRecord(customer.id, { cvcExpiresAt: now + 60 });
        await store.insertSource(source);
        assert.deepEqual(await store.getSource(source.id, testA), source);

        assert.equal(await store.takeSourceCvc(source.id, testB, now, withoutCvc), null);
        assert.equal(await store.takeSourceCvc(source.id, liveA, now, withoutCvc), null);
        const takers = await Promise.all(
          Array.from({ length: 10 }, () => store.takeSourceCvc(source.id, testA, now, withoutCvc)),
        );
        const winners = takers.filter((taken) => taken !== null);
        assert.equal(winners.length, 1, 'not exactly one taker got the CVC');
        assert.deepEqual(winners[0], source);
        const after = await store.getSource(source.id, testA);
        assert.equal(after?.cvcExpiresAt, null);
        assert.notEqual(after?.secret.data, source.secret.data, 'the value with the CVC is still stored');
        assert.ok(after?.secret.data.includes('without-cvc-'));
        assert.equal(await store.takeSourceCvc(source.id, testA, now, withoutCvc), null);
      });

      it("is taken once when a second taker reads it between the first one's read and write", async () => {
        const source = sourceRecord(customerRecord().id, { cvcExpiresAt: now + 60 });
        await store.insertSource(source);
        let second: Promise<SourceRecord | null> | undefined;
        const first = await store.takeSourceCvc(source.id, testA, now, (read) => {
          // Called between the first taker's read and its write: the second one starts there.
          second ??= store.takeSourceCvc(source.id, testA, now, withoutCvc);
          return withoutCvc(read);
        });
        const winners = [first, await second].filter((taken) => taken !== null);
        assert.equal(winners.length, 1, 'not exactly one taker got the CVC');
        assert.deepEqual(winners[0], source);
        assert.equal((await store.getSource(source.id, testA))?.cvcExpiresAt, null);
      });

      it('is not taken once its window passed, nor from a source saved without one', async () => {
        const customer = customerRecord();
        const expired = sourceRecord(customer.id, { cvcExpiresAt: now });
        const without = sourceRecord(customer.id);
        for (const source of [expired, without]) await store.insertSource(source);
        assert.equal(await store.takeSourceCvc(expired.id, testA, now, withoutCvc), null);
        assert.equal(await store.takeSourceCvc(without.id, testA, now, withoutCvc), null);
        assert.equal(await store.takeSourceCvc('card_unknown', testA, now, withoutCvc), null);
        assert.deepEqual(await store.getSource(expired.id, testA), expired);
        assert.deepEqual(await store.getSource(without.id, testA), without);
      });

      it('is wiped by the sweeper once its window passed, and only then', async () => {
        const customer = customerRecord();
        const expired = sourceRecord(customer.id, { cvcExpiresAt: now - 1 });
        const current = sourceRecord(customer.id, { cvcExpiresAt: now + 60 });
        const without = sourceRecord(customer.id);
        for (const source of [expired, current, without]) await store.insertSource(source);

        assert.equal(await store.wipeExpiredSourceCvcs(now, withoutCvc), 1);
        const wiped = await store.getSource(expired.id, testA);
        assert.equal(wiped?.cvcExpiresAt, null);
        assert.ok(wiped?.secret.data.includes('without-cvc-'));
        assert.deepEqual(await store.getSource(current.id, testA), current);
        assert.deepEqual(await store.getSource(without.id, testA), without);
        assert.equal(await store.wipeExpiredSourceCvcs(now, withoutCvc), 0);
        assert.equal(await store.takeSourceCvc(expired.id, testA, now - 10, withoutCvc), null);
      });
    });

    describe('key rotation', () => {
      it('lists every source value not under the current key a page at a time, until all are replaced', async () => {
        const customer = customerRecord();
        await store.saveCustomer(customer);
        const oldSecret = encrypted('enc_old');
        const olderSecret = encrypted('enc_older');
        const oldSource = sourceRecord(customer.id, { secret: oldSecret });
        const olderSource = sourceRecord(customer.id, { secret: olderSecret });
        const currentSource = sourceRecord(customer.id, { secret: encrypted('enc_new') });
        for (const source of [oldSource, olderSource, currentSource]) await store.insertSource(source);

        await assertRotatesPageByPage(store, [
          { id: oldSource.id, secret: oldSecret },
          { id: olderSource.id, secret: olderSecret },
        ]);
      });
    });
  });
}
