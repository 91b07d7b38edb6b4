import type {} from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiKeyOf } from '../auth';
import { StripeError } from '../errors';

/** The service's limits, a minute each; the model is in docs/deploy.md ("Rate limits"). */
export interface RateLimits {
  /** Tokens one API key may create, from all its clients together. */
  perKeyPerMinute: number;
  /** Token creation requests from one client address, refused ones included. */
  perIpPerMinute: number;
  /** Failed authentications (401) from one client address, on every authenticated route (`failed-auth.ts`). */
  failedAuthPerIpPerMinute: number;
}

/**
 * The key's ceiling is many clients' worth, so a few flooding addresses
 * cannot reach it. A client with a right key fails authentication rarely:
 * one a second is room for a misconfigured one, and far too slow to guess.
 */
export const defaultRateLimits: RateLimits = {
  perKeyPerMinute: 6000,
  perIpPerMinute: 300,
  failedAuthPerIpPerMinute: 60,
};

/** Stripe's answer to a client over a limit. */
export function tooManyRequests(): StripeError {
  return new StripeError(
    429,
    'invalid_request_error',
    'Too many requests hit the API too quickly. Please retry with exponential backoff.',
    'rate_limit',
  );
}

/** The two checks `POST /v1/tokens` makes; each throws Stripe's 429 when its limit is spent. */
export interface TokenCreationLimits {
  /**
   * Every request counts for its client address, before its body is parsed:
   * a flood costs little, and locks out only the addresses it comes from.
   */
  checkClient(request: FastifyRequest): Promise<void>;
  /**
   * Called once a request is known to create a token (its parameters valid):
   * junk and refused requests spend nothing of the key's budget, which is
   * shared by every customer of the shop.
   */
  checkKey(request: FastifyRequest): Promise<void>;
}

/** Token creation's limits, counted in the database across processes (`rateLimitPlugin`). */
export function tokenCreationLimits(app: FastifyInstance, limits: RateLimits): TokenCreationLimits {
  const perClient = app.createRateLimit({
    max: limits.perIpPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => `ip:${request.ip}`,
  });
  const perKey = app.createRateLimit({
    max: limits.perKeyPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => `key:${apiKeyOf(request).id}`,
  });
  const check = async (limit: typeof perKey, request: FastifyRequest) => {
    const verdict = await limit(request);
    if (!verdict.isAllowed && verdict.isExceeded) throw tooManyRequests();
  };
  return {
    checkClient: (request) => check(perClient, request),
    checkKey: (request) => check(perKey, request),
  };
}
