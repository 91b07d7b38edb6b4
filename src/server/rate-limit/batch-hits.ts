import type { RateLimitHits } from './counter';

/** One `RateLimitCounter.hit` call, as a batch of them is written. */
export interface Hit {
  key: string;
  now: number;
  windowSeconds: number;
}

/**
 * One key's hits in a batch (of one window length), written as one: `count` hits at `now`, the latest of their
 * times (a key's hits in one batch arrive in the same turn of the event loop). The write sets `hits`, the key's
 * count with all of them added, and `windowEndsAt`.
 */
export interface KeyHits extends RateLimitHits {
  key: string;
  windowSeconds: number;
  count: number;
  now: number;
}

const idOf = (hit: { key: string; windowSeconds: number }) => `${hit.windowSeconds}/${hit.key}`;

/** A batch's hits, one entry per key and window length, for the engine to write one statement's worth each. */
export function hitsByKey(hits: Hit[]): Map<string, KeyHits> {
  const byKey = new Map<string, KeyHits>();
  for (const { key, now, windowSeconds } of hits) {
    const entry = byKey.get(idOf({ key, windowSeconds }));
    if (entry) {
      entry.count += 1;
      entry.now = Math.max(entry.now, now);
    } else {
      byKey.set(idOf({ key, windowSeconds }), { key, windowSeconds, count: 1, now, hits: 0, windowEndsAt: 0 });
    }
  }
  return byKey;
}

/** Once every key is written: each hit's own count, the next of the ones its key's write added, in batch order. */
export function countOfEach(hits: Hit[], byKey: Map<string, KeyHits>): RateLimitHits[] {
  const given = new Map<KeyHits, number>();
  return hits.map((hit) => {
    const entry = byKey.get(idOf(hit))!;
    const count = (given.get(entry) ?? entry.hits - entry.count) + 1;
    given.set(entry, count);
    return { hits: count, windowEndsAt: entry.windowEndsAt };
  });
}
