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
 * `findKeyByHash` answered from memory for up to `keyCacheTtlMs`: every
 * authenticated request looks its key up, and the answer almost never
 * changes. Requests arriving together for one key share one lookup. Unknown
 * and revoked keys are not cached, so a key created a moment ago works at
 * once.
 */
export function cachedKeyLookup(keys: KeyStore, ttlMs = keyCacheTtlMs): (hash: string) => Promise<ApiKeyRecord | null> {
  const cache = new Map<string, { record: Promise<ApiKeyRecord | null>; expiresAt: number }>();
  return (hash) => {
    const now = performance.now();
    const cached = cache.get(hash);
    if (cached && cached.expiresAt > now) return cached.record;
    if (cache.size >= maxCachedKeys) cache.clear();
    const record = keys.findKeyByHash(hash);
    const entry = { record, expiresAt: now + ttlMs };
    cache.set(hash, entry);
    const forget = () => {
      if (cache.get(hash) === entry) cache.delete(hash);
    };
    record.then((found) => (found ? undefined : forget()), forget);
    return record;
  };
}
