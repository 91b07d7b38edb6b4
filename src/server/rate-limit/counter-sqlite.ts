import BetterSqlite3 from 'better-sqlite3';
import { groupCommit } from '../storage/group-commit';
import { countOfEach, hitsByKey, type Hit } from './batch-hits';
import type { RateLimitCounter, RateLimitHits } from './counter';

/**
 * Counters on a connection of their own to the service's file: the service's
 * connection commits durably (synchronous = FULL, an fsync per commit), which
 * a count that only matters for a minute does not need, and two more fsyncs
 * per token would cut throughput by two thirds.
 */
export function sqliteRateLimitCounter(path: string): RateLimitCounter {
  const db = new BetterSqlite3(path);
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  const statements = {
    // One statement per key, so processes sharing the file never interleave a read and its write.
    hit: db.prepare(
      `INSERT INTO rate_limit_hits AS counter (limit_key, hits, window_ends_at) VALUES (@key, @count, @now + @windowSeconds)
       ON CONFLICT (limit_key) DO UPDATE SET
         hits = CASE WHEN counter.window_ends_at <= @now THEN @count ELSE counter.hits + @count END,
         window_ends_at = CASE WHEN counter.window_ends_at <= @now THEN excluded.window_ends_at
                               ELSE counter.window_ends_at END
       RETURNING hits, window_ends_at`,
    ),
    peek: db.prepare('SELECT hits FROM rate_limit_hits WHERE limit_key = ? AND window_ends_at > ?').pluck(),
    forgetEnded: db.prepare('DELETE FROM rate_limit_hits WHERE window_ends_at <= ?'),
  };
  /**
   * The hits of one event-loop turn share a transaction, and each key's hits
   * one statement that adds them all (a token counts for its address and its
   * key: two statements per batch, not two per token). A key's hits in one
   * batch arrive in the same turn: the latest time stands for them all, as on
   * PostgreSQL. Each hit gets the next count of the ones its statement added.
   */
  const countBatch = db.transaction((hits: Hit[]): RateLimitHits[] => {
    const byKey = hitsByKey(hits);
    for (const entry of byKey.values()) {
      const { key, count, now, windowSeconds } = entry;
      const row = statements.hit.get({ key, count, now, windowSeconds }) as { hits: number; window_ends_at: number };
      entry.hits = row.hits;
      entry.windowEndsAt = row.window_ends_at;
    }
    return countOfEach(hits, byKey);
  });
  // IMMEDIATE: the batch takes the write lock at BEGIN, so another process's writer makes it wait, never fail.
  const countHit = groupCommit<Hit, RateLimitHits>(async (hits) => countBatch.immediate(hits));
  return {
    hit: (key, now, windowSeconds) => countHit({ key, now, windowSeconds }),
    async peek(key, now) {
      return (statements.peek.get(key, now) as number | undefined) ?? 0;
    },
    async forgetEnded(now) {
      return statements.forgetEnded.run(now).changes;
    },
    async close() {
      db.close();
    },
  };
}
