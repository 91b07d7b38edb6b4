import type { Pool } from 'pg';
import { groupCommit } from '../storage/group-commit';
import { countOfEach, hitsByKey, type Hit } from './batch-hits';
import type { RateLimitCounter, RateLimitHits } from './counter';

/**
 * One upsert for every key hit in a batch, each key's hits added at once
 * (one statement may not update a row twice). Keys are sorted, so batches of
 * different processes lock their rows in one order and never deadlock.
 * Concurrent upserts of one key queue on its row lock and each sees the
 * count the one before it left, so no hit is lost between processes.
 */
const upsertHits = `INSERT INTO rate_limit_hits AS counter (limit_key, hits, window_ends_at)
  SELECT limit_key, hits, now + $4::bigint
  FROM unnest($1::text[], $2::int[], $3::bigint[]) AS hit(limit_key, hits, now)
  ORDER BY limit_key
  ON CONFLICT (limit_key) DO UPDATE SET
    hits = CASE WHEN counter.window_ends_at <= excluded.window_ends_at - $4::bigint THEN excluded.hits
                ELSE counter.hits + excluded.hits END,
    window_ends_at = CASE WHEN counter.window_ends_at <= excluded.window_ends_at - $4::bigint
                          THEN excluded.window_ends_at ELSE counter.window_ends_at END
  RETURNING limit_key, hits, window_ends_at`;

/** The counts of a batch of peeks, by their place in the batch; a key without a current window has no row. */
const peekHits = `SELECT peek.place, counter.hits
  FROM unnest($1::text[], $2::bigint[]) WITH ORDINALITY AS peek(limit_key, now, place)
  JOIN rate_limit_hits AS counter ON counter.limit_key = peek.limit_key AND counter.window_ends_at > peek.now`;

export function postgresRateLimitCounter(pool: Pool): RateLimitCounter {
  // The hits of one event-loop turn share one statement and one commit, not two durable commits per request.
  const countHits = groupCommit<Hit, RateLimitHits>(async (hits) => {
    const byKey = hitsByKey(hits);
    // One statement per window length (its length is one parameter of it).
    for (const windowSeconds of new Set(hits.map((hit) => hit.windowSeconds))) {
      const entries = [...byKey.values()].filter((entry) => entry.windowSeconds === windowSeconds);
      const { rows } = await pool.query<{ limit_key: string; hits: string; window_ends_at: string }>({
        name: 'tokenframe-rate-limit-hits',
        text: upsertHits,
        values: [
          entries.map((entry) => entry.key),
          entries.map((entry) => entry.count),
          entries.map((entry) => entry.now),
          windowSeconds,
        ],
      });
      const byName = new Map(entries.map((entry) => [entry.key, entry]));
      for (const row of rows) {
        const entry = byName.get(row.limit_key)!;
        entry.hits = Number(row.hits);
        entry.windowEndsAt = Number(row.window_ends_at);
      }
    }
    return countOfEach(hits, byKey);
  });
  // Every authenticated request peeks at its address's failures: one query per batch, as for the hits.
  const peek = groupCommit<{ key: string; now: number }, number>(async (peeks) => {
    const { rows } = await pool.query<{ place: string; hits: number }>({
      name: 'tokenframe-rate-limit-peek',
      text: peekHits,
      values: [peeks.map((each) => each.key), peeks.map((each) => each.now)],
    });
    const counts = peeks.map(() => 0);
    for (const row of rows) counts[Number(row.place) - 1] = row.hits;
    return counts;
  });
  return {
    hit: (key, now, windowSeconds) => countHits({ key, now, windowSeconds }),
    peek: (key, now) => peek({ key, now }),
    async forgetEnded(now) {
      return (await pool.query('DELETE FROM rate_limit_hits WHERE window_ends_at <= $1', [now])).rowCount ?? 0;
    },
    // The pool is the stores': closing them closes it.
    async close() {},
  };
}
