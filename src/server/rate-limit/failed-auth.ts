import type { FastifyRequest } from 'fastify';
import type { Clock } from '../clock';
import type { RateLimitCounter } from './counter';
import type { CountHit } from './store';
import { tooManyRequests } from './token-limits';

/** The window failures are counted in, as the other limits'. */
const windowSeconds = 60;

/**
 * The failed authentications of one client address, counted in the database
 * so that all processes share the count: a client trying API keys is refused
 * by every one of them once it has spent its failures, with a right key too,
 * so a 429 tells it nothing about the key it sent.
 */
export interface FailedAuthLimit {
  /** Throws Stripe's 429 while the request's address has spent its failures of the window. */
  refuseSpent(request: FastifyRequest): Promise<void>;
  /** Counts one failed authentication for the request's address. Successful requests never count. */
  countFailure(request: FastifyRequest): Promise<void>;
}

function limitKey(request: FastifyRequest): string {
  return `auth-failed:ip:${request.ip}`;
}

/** At most `maxPerMinute` failures an address, in the window its first one opened. */
export function failedAuthLimit(
  counter: RateLimitCounter,
  countHit: CountHit,
  clock: Clock,
  maxPerMinute: number,
): FailedAuthLimit {
  return {
    async refuseSpent(request) {
      if ((await counter.peek(limitKey(request), clock.now())) >= maxPerMinute) throw tooManyRequests();
    },
    async countFailure(request) {
      await countHit(limitKey(request), clock.now(), windowSeconds);
    },
  };
}
