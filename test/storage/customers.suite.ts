// The CustomerStore contract (customers, their sources, key rotation), run against each engine.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { CustomerStore } from '../../src/server/storage/types';
import { assertRotatesPageByPage, type OpenStores, useStores } from './harness';
import { customerRecord, encrypted, liveA, sourceRecord, testA, testB } from './records';

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
