import { redactApiKey } from './auth';
import { systemClock, type Clock } from './clock';
import { hashApiKey } from './crypto';
import { newId, randomBase62 } from './ids';
import { normalizeOrigins } from './origins';
import type { AccountRecord, ApiKeyKind, ApiKeyRecord, KeyStore } from './storage/types';

/**
 * Key pairs and their allowed origins. Each pair is an account: its own
 * vault scope, fingerprints and allowed origins. Keys are stored by hash; a
 * secret key is shown once, when created.
 */

export interface KeyPair {
  accountId: string;
  allowedOrigins: string[];
  /** Where the frames may load `fonts` from; none when absent. */
  fontOrigins?: string[];
  publishableKey: string;
  secretKey: string;
}

/** The key says its mode, as Stripe's do: `pk_live_…`/`sk_live_…`, or `pk_test_…`/`sk_test_…`. */
function isLiveKey(key: string): boolean {
  return /^(pk|sk)_live_/.test(key);
}

/** A key's id is derived from its hash, so registering the same key twice is one record. */
export function keyIdFor(key: string): string {
  return `key_${hashApiKey(key).slice(0, 20)}`;
}

async function registerApiKey(keys: KeyStore, key: string, accountId: string, kind: ApiKeyKind, clock: Clock) {
  const record: ApiKeyRecord = {
    id: keyIdFor(key),
    accountId,
    kind,
    livemode: isLiveKey(key),
    // A publishable key is public (it is in every merchant page); a secret key is never shown again.
    display: kind === 'publishable' ? key : redactApiKey(key),
    created: clock.now(),
    revokedAt: null,
  };
  await keys.saveApiKey(hashApiKey(key), record);
  return record;
}

/** Saves the account with its origins (and font origins) and registers both keys. */
export async function saveKeyPair(keys: KeyStore, pair: KeyPair, clock: Clock): Promise<void> {
  await keys.saveAccount({ id: pair.accountId, allowedOrigins: pair.allowedOrigins, fontOrigins: pair.fontOrigins });
  await registerApiKey(keys, pair.publishableKey, pair.accountId, 'publishable', clock);
  await registerApiKey(keys, pair.secretKey, pair.accountId, 'secret', clock);
}

export interface CreateKeyPairOptions {
  /** Live keys (`pk_live_`/`sk_live_`): real cards only, and data of their own. Test keys otherwise. */
  live?: boolean;
  clock?: Clock;
  /** A new account's font origins (`--font-origin`): where its frames may load web fonts from. */
  fontOrigins?: string[];
}

/**
 * Another key pair for an existing account, keeping its origins and font origins: as on
 * Stripe, one account can have test keys and live keys, whose data stay apart.
 */
export async function addKeyPair(
  keys: KeyStore,
  account: AccountRecord,
  { live = false, clock = systemClock }: CreateKeyPairOptions = {},
): Promise<KeyPair> {
  const mode = live ? 'live' : 'test';
  const pair: KeyPair = {
    accountId: account.id,
    allowedOrigins: account.allowedOrigins,
    fontOrigins: account.fontOrigins,
    publishableKey: `pk_${mode}_${randomBase62(32)}`,
    secretKey: `sk_${mode}_${randomBase62(32)}`,
  };
  await saveKeyPair(keys, pair, clock);
  return pair;
}

/** A new account with its own key pair, whose frames `origins` may embed. */
export async function createKeyPair(
  keys: KeyStore,
  origins: string[],
  options: CreateKeyPairOptions = {},
): Promise<KeyPair> {
  const fontOrigins = normalizeOrigins(options.fontOrigins ?? []);
  return addKeyPair(keys, { id: newId('acct', 16), allowedOrigins: normalizeOrigins(origins), fontOrigins }, options);
}
