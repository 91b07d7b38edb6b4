import { hashApiKey } from './crypto';
import type { ApiKeyRecord, KeyStore } from './storage/types';

/**
 * How long a found key is trusted without asking the database again. A key
 * revoked through the CLI (or by another process) is refused by every
 * process within this time.
 */
export const keyCacheTtlMs = 1_000;

/** Beyond this many cached keys the cache starts over, so a flood of distinct keys cannot grow it. */
const maxCachedKeys = 10_000;

/**
 * A key's record (looked up by the key's hash) answered from memory for up to
 * `keyCacheTtlMs`: every authenticated request looks its key up, and the
 * answer almost never changes. Cached by the key as sent, so a cached key is
 * not hashed again either. Requests arriving together for one key share one
 * lookup. Unknown and revoked keys are not cached, so a key created a moment
 * ago works at once.
 */
export function cachedKeyLookup(keys: KeyStore, ttlMs = keyCacheTtlMs): (key: string) => Promise<ApiKeyRecord | null> {
  const cache = new Map<string, { record: Promise<ApiKeyRecord | null>; expiresAt: number }>();
  return (key) => {
    const now = performance.now();
    const cached = cache.get(key);
    if (cached && cached.expiresAt > now) return cached.record;
    if (cache.size >= maxCachedKeys) cache.clear();
    const record = keys.findKeyByHash(hashApiKey(key));
    const entry = { record, expiresAt: now + ttlMs };
    cache.set(key, entry);
    const forget = () => {
      if (cache.get(key) === entry) cache.delete(key);
    };
    record.then((found) => (found ? undefined : forget()), forget);
    return record;
  };
}
