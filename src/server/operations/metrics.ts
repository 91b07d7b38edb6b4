import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Counters the features increment themselves; request counts and latencies are taken by the plugin. */
export interface ServiceMetrics {
  /** Tokens stored in the vault, by token type (`card`, `bank_account`, …). */
  tokensCreated: Counter<'type'>;
  /** Requests sent on to a destination by Vault and Forward, by the destination's status (or `error`). */
  forwardedRequests: Counter<'status'>;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: ServiceMetrics;
  }
}

/** Requests no route matched share one label value: their URL is whatever the client sent. */
const unmatchedRoute = 'unmatched';

/**
 * Prometheus metrics at `/metrics`, without a key (keep it off the public
 * side of the reverse proxy). Labels are route patterns (`/v1/tokens/:id`),
 * methods, statuses and token types: never a URL, key, token id, customer id
 * or raw value, so the series stay few and say nothing about anyone. Each app
 * has its own registry, so several can run in one process (tests, embedding).
 */
async function metrics(app: FastifyInstance): Promise<void> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'tokenframe_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'tokenframe_http_request_duration_seconds',
    help: 'Time from receiving a request to the end of its response, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'tokenframe_rate_limited_total',
    help: 'Requests refused by a rate limit (429), by route pattern.',
    labelNames: ['route'] as const,
    registers: [registry],
  });
  const { secrets } = app;
  new Gauge({
    name: 'tokenframe_encryption_key_current',
    // Key ids are not secret; during a rotation they tell which processes still seal under the old key.
    help: 'The encryption key (by id) this process encrypts new values with: 1 for it.',
    labelNames: ['key_id'] as const,
    registers: [registry],
    collect() {
      this.reset();
      this.set({ key_id: secrets.currentEncryptionKey().id }, 1);
    },
  });
  app.decorate('metrics', {
    tokensCreated: new Counter({
      name: 'tokenframe_tokens_created_total',
      help: 'Tokens created, by type.',
      labelNames: ['type'] as const,
      registers: [registry],
    }),
    forwardedRequests: new Counter({
      name: 'tokenframe_forwarded_requests_total',
      help: 'Requests forwarded to a destination with vaulted values filled in, by the destination status.',
      labelNames: ['status'] as const,
      registers: [registry],
    }),
  } satisfies ServiceMetrics);

  app.addHook('onResponse', (request, reply, done) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? unmatchedRoute,
      status: String(reply.statusCode),
    };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
    // Counted from the answer, so every limit counts, however it is enforced.
    if (reply.statusCode === 429) rateLimited.inc({ route: labels.route });
    done();
  });

  app.get('/metrics', { logLevel: 'warn' }, async (_request, reply) => {
    reply.header('cache-control', 'no-store').type(registry.contentType);
    return registry.metrics();
  });
  app.addHook('onClose', async () => registry.clear());
}

export const metricsPlugin = fp(metrics, { name: 'tokenframe-metrics', fastify: '5.x' });
