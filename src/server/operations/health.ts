import type { FastifyInstance } from 'fastify';
import type { Database, DatabaseHealth } from '../storage/database';

export interface HealthOptions {
  /** The stores' database, which readiness pings. */
  database: Pick<Database, 'ping'>;
}

/** A database that neither answers nor refuses within this time counts as unreachable. */
const pingTimeoutMs = 2_000;

const statusSchema = {
  type: 'object',
  properties: { status: { type: 'string' }, reason: { type: 'string' } },
  required: ['status'],
};

function pingWithin(database: Pick<Database, 'ping'>, ms: number): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DatabaseHealth>((resolve) => {
    timer = setTimeout(() => resolve('database unreachable'), ms);
  });
  return Promise.race([database.ping(), timeout]).finally(() => clearTimeout(timer));
}

/**
 * `/healthz` (the process answers) and `/readyz` (send it traffic: the
 * database answers with its schema applied, and the service is not shutting
 * down), for load balancers and orchestrators. No key is needed; the reason
 * for a 503 is a short phrase, never an error message, so nothing about the
 * database (host, SQL) is revealed. Both are logged at warn level only, as a
 * load balancer asks every few seconds.
 */
export async function healthRoutes(app: FastifyInstance, { database }: HealthOptions): Promise<void> {
  app.get('/healthz', { logLevel: 'warn', schema: { response: { 200: statusSchema } } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });

  app.get(
    '/readyz',
    { logLevel: 'warn', schema: { response: { 200: statusSchema, 503: statusSchema } } },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      const reason = app.draining ? 'shutting down' : await pingWithin(database, pingTimeoutMs);
      if (reason === 'ok') return { status: 'ok' };
      return reply.status(503).send({ status: 'unavailable', reason });
    },
  );
}
