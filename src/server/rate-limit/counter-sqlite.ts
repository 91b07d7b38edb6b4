import BetterSqlite3 from 'better-sqlite3';
import { sqliteGroupCommit } from '../storage/group-commit';
import type { RateLimitCounter } from './counter';

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
    // One statement, so processes sharing the file never interleave a read and its write.
    hit: db.prepare(
      `INSERT INTO rate_limit_hits AS counter (limit_key, hits, window_ends_at) VALUES (@key, 1, @now + @windowSeconds)
       ON CONFLICT (limit_key) DO UPDATE SET
         hits = CASE WHEN counter.window_ends_at <= @now THEN 1 ELSE counter.hits + 1 END,
         window_ends_at = CASE WHEN counter.window_ends_at <= @now THEN excluded.window_ends_at
                               ELSE counter.window_ends_at END
       RETURNING hits, window_ends_at`,
    ),
    forgetEnded: db.prepare('DELETE FROM rate_limit_hits WHERE window_ends_at <= ?'),
  };
  // Each hit is still one atomic statement; the hits of one event-loop turn share a transaction, not one each.
  const write = sqliteGroupCommit<{ hits: number; window_ends_at: number }>(db);
  return {
    async hit(key, now, windowSeconds) {
      const row = await write(
        () => statements.hit.get({ key, now, windowSeconds }) as { hits: number; window_ends_at: number },
      );
      return { hits: row.hits, windowEndsAt: row.window_ends_at };
    },
    async forgetEnded(now) {
      return statements.forgetEnded.run(now).changes;
    },
    async close() {
      db.close();
    },
  };
}
