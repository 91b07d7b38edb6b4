import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Clock } from '../clock';
import type { RateLimitCounter } from './counter';

/** `RateLimitCounter.hit`, sweeping the ended windows first now and then. */
export type CountHit = RateLimitCounter['hit'];

/**
 * `counter.hit` that first forgets the windows that ended, at most once per
 * window length by each process, not on every request.
 */
export function sweepingCounter(counter: RateLimitCounter): CountHit {
  let nextSweep = 0;
  return async (key, now, windowSeconds) => {
    if (now >= nextSweep) {
      nextSweep = now + windowSeconds;
      await counter.forgetEnded(now);
    }
    return counter.hit(key, now, windowSeconds);
  };
}

/**
 * A store for `@fastify/rate-limit` over the database's counters, so N
 * processes admit N requests in a window in total, not N each. The plugin
 * constructs its store from a class, hence a class made over the counter.
 */
export function databaseRateLimitStore(countHit: CountHit, clock: Clock): FastifyRateLimitStoreCtor {
  async function incr(key: string, timeWindowMs: number): Promise<{ current: number; ttl: number }> {
    const now = clock.now();
    const { hits, windowEndsAt } = await countHit(key, now, Math.max(1, Math.ceil(timeWindowMs / 1000)));
    return { current: hits, ttl: (windowEndsAt - now) * 1000 };
  }

  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ) {
      incr(key, timeWindow).then(
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
