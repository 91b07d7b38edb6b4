import type BetterSqlite3 from 'better-sqlite3';
import type { RateLimitCounter } from './counter';

export function sqliteRateLimitCounter(db: BetterSqlite3.Database): RateLimitCounter {
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
  return {
    async hit(key, now, windowSeconds) {
      const row = statements.hit.get({ key, now, windowSeconds }) as { hits: number; window_ends_at: number };
      return { hits: row.hits, windowEndsAt: row.window_ends_at };
    },
    async forgetEnded(now) {
      return statements.forgetEnded.run(now).changes;
    },
  };
}
