import type { Pool } from 'pg';
import type { RateLimitCounter } from './counter';

export function postgresRateLimitCounter(pool: Pool): RateLimitCounter {
  return {
    async hit(key, now, windowSeconds) {
      // Concurrent upserts of one key queue on its row lock and each sees the
      // count the one before it left, so no hit is lost between processes.
      const { rows } = await pool.query<{ hits: number; window_ends_at: string }>(
        `INSERT INTO rate_limit_hits AS counter (limit_key, hits, window_ends_at) VALUES ($1, 1, $2::bigint + $3::bigint)
         ON CONFLICT (limit_key) DO UPDATE SET
           hits = CASE WHEN counter.window_ends_at <= $2 THEN 1 ELSE counter.hits + 1 END,
           window_ends_at = CASE WHEN counter.window_ends_at <= $2 THEN excluded.window_ends_at
                                 ELSE counter.window_ends_at END
         RETURNING hits, window_ends_at`,
        [key, now, windowSeconds],
      );
      return { hits: rows[0].hits, windowEndsAt: Number(rows[0].window_ends_at) };
    },
    async forgetEnded(now) {
      return (await pool.query('DELETE FROM rate_limit_hits WHERE window_ends_at <= $1', [now])).rowCount ?? 0;
    },
    // The pool is the stores': closing them closes it.
    async close() {},
  };
}
