import { hashApiKey } from './crypto';
import { newId, randomBase62 } from './ids';
import { normalizeOrigins } from './origins';
import type { ApiKeyKind, ApiKeyRecord, TokenStore } from './storage/types';
import { redactApiKey } from './auth';

/**
 * Key pairs and their allowed origins. Each pair is an account: its own
 * vault scope, fingerprints and allowed origins. Keys are stored by hash; a
 * secret key is shown once, when created.
 */

export interface KeyPair {
  accountId: string;
  allowedOrigins: string[];
  publishableKey: string;
  secretKey: string;
}

/** A key's id is derived from its hash, so registering the same key twice is one record. */
export function keyIdFor(key: string): string {
  return `key_${hashApiKey(key).slice(0, 20)}`;
}

export async function registerApiKey(store: TokenStore, key: string, accountId: string, kind: ApiKeyKind) {
  const record: ApiKeyRecord = {
    id: keyIdFor(key),
    accountId,
    kind,
    // A publishable key is public (it is in every merchant page); a secret key is never shown again.
    display: kind === 'publishable' ? key : redactApiKey(key),
    created: Math.floor(Date.now() / 1000),
    revokedAt: null,
  };
  await store.saveApiKey(hashApiKey(key), record);
  return record;
}

/** Saves the account with its origins and registers both keys. */
export async function saveKeyPair(store: TokenStore, pair: KeyPair): Promise<void> {
  await store.saveAccount({ id: pair.accountId, allowedOrigins: pair.allowedOrigins });
  await registerApiKey(store, pair.publishableKey, pair.accountId, 'publishable');
  await registerApiKey(store, pair.secretKey, pair.accountId, 'secret');
}

export async function createKeyPair(store: TokenStore, origins: string[]): Promise<KeyPair> {
  const pair: KeyPair = {
    accountId: newId('acct', 16),
    allowedOrigins: normalizeOrigins(origins),
    publishableKey: `pk_test_${randomBase62(32)}`,
    secretKey: `sk_test_${randomBase62(32)}`,
  };
  await saveKeyPair(store, pair);
  return pair;
}
