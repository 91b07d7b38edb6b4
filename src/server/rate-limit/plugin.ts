import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../storage/database';
import { openRateLimitCounter } from './counter';
import { databaseRateLimitStore } from './store';

export interface RateLimitPluginOptions {
  /** The open database the stores are in: every process on it counts towards one limit. */
  database: Database;
}

/**
 * `@fastify/rate-limit` with its counters in the database. No limit is
 * global: routes create theirs with `app.createRateLimit` (token creation).
 */
async function rateLimits(app: FastifyInstance, options: RateLimitPluginOptions): Promise<void> {
  const counter = await openRateLimitCounter(options.database);
  app.addHook('onClose', () => counter.close());
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(counter, app.clock) });
}

export const rateLimitPlugin = fp(rateLimits, {
  name: 'tokenframe-rate-limit',
  fastify: '5.x',
  dependencies: ['tokenframe-dependencies'],
});
