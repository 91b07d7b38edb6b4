// What every contract suite needs: fresh stores per test over an empty
// database, with the two accounts records belong to.
import assert from 'node:assert/strict';
import { afterEach, beforeEach } from 'node:test';
import type { Database } from '../../src/server/storage/index';
import type { EncryptedValue } from '../../src/server/crypto';
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
export async function assertRotatesPageByPage(
  rows: EncryptedRows,
  expected: { id: string; secret: EncryptedValue }[],
): Promise<void> {
  const listed = (entries: SecretEntry[]) => entries.map(({ sealedAt, secret }) => ({ id: sealedAt.id, secret }));
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  assert.deepEqual(listed(await rows.listSecretsToReseal('enc_new', '', 10)), [...expected].sort(byId));
  const pageSize = expected.length - 1;
  assert.equal((await rows.listSecretsToReseal('enc_new', '', pageSize)).length, pageSize);

  let rounds = 0;
  let after = '';
  for (;;) {
    const page = await rows.listSecretsToReseal('enc_new', after, pageSize);
    if (page.length === 0) break;
    for (const { sealedAt, secret } of page) {
      assert.ok(await rows.replaceSecret(sealedAt.id, secret, encrypted('enc_new', `re-${sealedAt.id}`)));
      after = sealedAt.id;
    }
    assert.ok(++rounds <= 2, 'each page makes progress');
  }
  assert.deepEqual(await rows.listSecretsToReseal('enc_new', '', 10), [], 'every value is under the new key');
}
