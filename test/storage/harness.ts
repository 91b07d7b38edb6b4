// What every contract suite needs: fresh stores per test over an empty
// database, with the two accounts records belong to.
import assert from 'node:assert/strict';
import { afterEach, beforeEach } from 'node:test';
import type { Database } from '../../src/server/storage/index';
import type { EncryptedRows, SecretEntry, Stores } from '../../src/server/storage/types';
import { accountA, accountB, encrypted } from './records';

export type OpenStores = () => Promise<Stores & { database: Database }>;

/** Opens the stores before each test and closes them after; call the result inside a test. */
export function useStores(open: OpenStores): () => Stores & { database: Database } {
  let stores: (Stores & { database: Database }) | undefined;
  beforeEach(async () => {
    stores = await open();
    await stores.keys.saveAccount(accountA);
    await stores.keys.saveAccount(accountB);
  });
  afterEach(async () => {
    await stores?.close();
  });
  return () => {
    assert.ok(stores, 'the stores are open');
    return stores;
  };
}

/**
 * Checks a store's part of key rotation: it lists exactly `expected` (the
 * values not under `enc_new`) and, replaced a page at a time, runs out.
 * Each value is replaced by `encrypted('enc_new', 're-<id>')`.
 */
export async function assertRotatesPageByPage(rows: EncryptedRows, expected: SecretEntry[]): Promise<void> {
  const byId = (a: SecretEntry, b: SecretEntry) => a.id.localeCompare(b.id);
  assert.deepEqual((await rows.listSecretsNotUnder('enc_new', 10)).sort(byId), [...expected].sort(byId));
  const pageSize = expected.length - 1;
  assert.equal((await rows.listSecretsNotUnder('enc_new', pageSize)).length, pageSize);

  let rounds = 0;
  for (;;) {
    const page = await rows.listSecretsNotUnder('enc_new', pageSize);
    if (page.length === 0) break;
    for (const entry of page) await rows.replaceSecret(entry.id, encrypted('enc_new', `re-${entry.id}`));
    assert.ok(++rounds <= 2, 'each page makes progress');
  }
}
