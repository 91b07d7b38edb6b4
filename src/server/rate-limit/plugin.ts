import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../storage/database';
import { openRateLimitCounter } from './counter';
import { failedAuthLimit, type FailedAuthLimit } from './failed-auth';
import { databaseRateLimitStore, sweepingCounter } from './store';

export interface RateLimitPluginOptions {
  /** The open database the stores are in: every process on it counts towards one limit. */
  database: Database;
  /** Failed authentications a client address may make a minute (`RateLimits.failedAuthPerIpPerMinute`). */
  failedAuthPerIpPerMinute: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Failed authentications per client address; `authPlugin` checks and counts them. */
    failedAuthLimit: FailedAuthLimit;
  }
}

/**
 * `@fastify/rate-limit` with its counters in the database. No limit is
 * global: routes create theirs with `app.createRateLimit` (token creation).
 * Decorates the app with the limit on failed authentications, which every
 * authenticated route has.
 */
async function rateLimits(app: FastifyInstance, options: RateLimitPluginOptions): Promise<void> {
  const counter = await openRateLimitCounter(options.database);
  app.addHook('onClose', () => counter.close());
  const countHit = sweepingCounter(counter);
  app.decorate('failedAuthLimit', failedAuthLimit(counter, countHit, app.clock, options.failedAuthPerIpPerMinute));
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(countHit, app.clock) });
}

export const rateLimitPlugin = fp(rateLimits, {
  name: 'tokenframe-rate-limit',
  fastify: '5.x',
  dependencies: ['tokenframe-dependencies'],
});
