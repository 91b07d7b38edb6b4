import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Clock } from '../clock';
import type { RateLimitCounter } from './counter';

/**
 * A store for `@fastify/rate-limit` over the database's counters, so N
 * processes admit N requests in a window in total, not N each. The plugin
 * constructs its store from a class, hence a class made over the counter.
 */
export function databaseRateLimitStore(counter: RateLimitCounter, clock: Clock): FastifyRateLimitStoreCtor {
  // Ended windows are swept at most once per window length by each process, not on every request.
  let nextSweep = 0;

  async function countHit(key: string, timeWindowMs: number): Promise<{ current: number; ttl: number }> {
    const now = clock.now();
    const windowSeconds = Math.max(1, Math.ceil(timeWindowMs / 1000));
    if (now >= nextSweep) {
      nextSweep = now + windowSeconds;
      await counter.forgetEnded(now);
    }
    const { hits, windowEndsAt } = await counter.hit(key, now, windowSeconds);
    return { current: hits, ttl: (windowEndsAt - now) * 1000 };
  }

  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ) {
      countHit(key, timeWindow).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    }

    /** Every limit's keys name what they count (`key:…`, `ip:…`), so one table serves them all. */
    child(): FastifyRateLimitStore {
      return this;
    }
  };
}
