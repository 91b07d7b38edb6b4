// The DestinationStore contract (forwarding destinations the operator registers), run against each engine.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import {
  openDestinationStore,
  type DestinationStore,
  type ForwardingDestination,
} from '../../src/server/forwarding/destinations-store';
import { type OpenStores, useStores } from './harness';
import { accountA, accountB, now } from './records';

function destination(overrides: Partial<ForwardingDestination> = {}): ForwardingDestination {
  return {
    id: 'fwddest_1',
    accountId: accountA.id,
    url: 'https://api.processor.example/v1/payments',
    method: 'POST',
    mappings: [
      { field: 'card_number', target: '/paymentMethod/number' },
      { field: 'card_cvc', target: '/paymentMethod/cvc' },
    ],
    headers: [
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Authorization', env: 'PROCESSOR_API_KEY' },
    ],
    allowPrivateNetwork: false,
    created: now,
    ...overrides,
  };
}

export function describeDestinationStoreContract(name: string, open: OpenStores): void {
  describe(`${name}: DestinationStore contract`, () => {
    const opened = useStores(open);
    let store: DestinationStore;
    beforeEach(async () => {
      store = await openDestinationStore(opened().database);
    });

    it('adds a destination and finds it by its account and exact URL only', async () => {
      const added = destination();
      assert.equal(await store.addDestination(added), true);
      assert.deepEqual(await store.findDestination(accountA.id, added.url), added);
      assert.equal(await store.findDestination(accountB.id, added.url), null);
      assert.equal(await store.findDestination(accountA.id, `${added.url}/`), null);
      assert.equal(await store.findDestination(accountA.id, 'https://api.processor.example/v1/refunds'), null);
    });

    it('keeps one destination per account and URL; another account may register the same URL', async () => {
      assert.equal(await store.addDestination(destination()), true);
      assert.equal(await store.addDestination(destination({ id: 'fwddest_2', method: 'PUT' })), false);
      const other = destination({ id: 'fwddest_3', accountId: accountB.id, allowPrivateNetwork: true });
      assert.equal(await store.addDestination(other), true);
      // Listed by account (acct_A before acct_B), then by age.
      assert.deepEqual(
        (await store.listDestinations()).map(({ id, method, allowPrivateNetwork }) => [
          id,
          method,
          allowPrivateNetwork,
        ]),
        [
          ['fwddest_1', 'POST', false],
          ['fwddest_3', 'POST', true],
        ],
      );
    });

    it('removes a destination by id', async () => {
      const added = destination();
      await store.addDestination(added);
      assert.equal(await store.removeDestination(added.id), true);
      assert.equal(await store.removeDestination(added.id), false);
      assert.equal(await store.findDestination(accountA.id, added.url), null);
      assert.deepEqual(await store.listDestinations(), []);
    });
  });
}
