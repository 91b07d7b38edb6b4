import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { authPlugin } from './auth';
import { dependenciesPlugin, type ServiceDependencies } from './dependencies';
import { defaultConnectionLimits, serverOptionsFor, type ConnectionLimits } from './connection-limits';
import { errorHandlingPlugin } from './errors';
import { formBodyPlugin } from './form-body';
import { idempotencyPlugin } from './idempotency';
import { newId } from './ids';
import { drainPlugin } from './operations/drain';
import { healthRoutes } from './operations/health';
import { logOptions } from './operations/log-options';
import { metricsPlugin } from './operations/metrics';
import { forwardingRoutes } from './forwarding/plugin';
import type { ForwardingLimits } from './forwarding/outbound';
import { plaidSandbox, type PlaidSandboxOptions } from './plaid/plugin';
import { rateLimitPlugin } from './rate-limit/plugin';
import { customersRoutes } from './routes/customers';
import { framesRoutes } from './routes/frames';
import { defaultRateLimits, type RateLimits } from './rate-limit/token-limits';
import { tokensRoutes } from './routes/tokens';
import type { Database } from './storage/database';

/** Where `npm run build` puts the frame app and the host loader. */
const defaultFrameDir = fileURLToPath(new URL('../../dist/frame/', import.meta.url));
const defaultHostDir = fileURLToPath(new URL('../../dist/host/', import.meta.url));

export interface AppOptions extends ServiceDependencies {
  /** The open database the stores are in: rate limits are counted there, across processes, and `/readyz` pings it. */
  database: Database;
  /** Defaults to `<repo>/dist/frame`. */
  frameDir?: string;
  /** Defaults to `<repo>/dist/host`. */
  hostDir?: string;
  frameKinds?: readonly string[];
  /** How long an unused token can be used, in seconds. */
  tokenTtlSeconds: number;
  rateLimits?: RateLimits;
  /** Fastify's logger option; logged requests show method and path, never bodies, headers or query values. */
  logger?: FastifyServerOptions['logger'];
  /** Set when running behind a load balancer, so `client_ip` is the visitor's. */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** The Plaid sandbox (development mode only); without it there are no Plaid routes. */
  plaid?: Omit<PlaidSandboxOptions, 'tokenTtlSeconds'>;
  /** Where the Plaid sandbox is mounted (default `/plaid`). */
  plaidPrefix?: string;
  /** Timeouts and connection caps of the service's own server (default `defaultConnectionLimits`). */
  connectionLimits?: ConnectionLimits;
  /** Forwarding's timeouts and answer size (default `defaultForwardingLimits`); not configurable, tests shorten them. */
  forwardingLimits?: ForwardingLimits;
}

/**
 * The one place the service is composed: the shared dependencies decorated
 * once, then the cross-cutting plugins (body parsing, errors, auth,
 * idempotency, rate limits), then the route groups, which read what they
 * need from the app.
 */
export function buildApp(options: AppOptions): FastifyInstance {
  const connectionLimits = options.connectionLimits ?? defaultConnectionLimits;
  const app = Fastify({
    ...serverOptionsFor(connectionLimits),
    logger: logOptions(options.logger),
    trustProxy: options.trustProxy ?? false,
    // Ids are ours, never taken from the request, so they can be quoted to support.
    genReqId: () => newId('req', 14),
    requestIdHeader: false,
    // Idle keep-alive sockets would otherwise hold `close()` open.
    forceCloseConnections: 'idle',
    // While draining, a request arriving on a connection that is still open is
    // answered (with `Connection: close`, by drainPlugin) instead of refused.
    return503OnClosing: false,
  });
  app.server.maxConnections = connectionLimits.maxConnections;

  app.register(dependenciesPlugin, { stores: options.stores, secrets: options.secrets, clock: options.clock });
  app.register(formBodyPlugin);
  app.register(errorHandlingPlugin);
  app.register(drainPlugin);
  app.register(metricsPlugin);
  app.register(healthRoutes, { database: options.database });
  const rateLimits = options.rateLimits ?? defaultRateLimits;
  app.register(rateLimitPlugin, {
    database: options.database,
    failedAuthPerIpPerMinute: rateLimits.failedAuthPerIpPerMinute,
  });
  app.register(authPlugin);
  app.register(idempotencyPlugin);
  // A callback hook, as the per-request hooks below are: no promise per request.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('Request-Id', request.id);
    // API answers hold tokens and customers: no cache may keep them, and no
    // browser may read them as anything but what they say they are. Frames and
    // the loader set caching of their own.
    reply.header('X-Content-Type-Options', 'nosniff');
    if (!reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-store');
    done(null, payload);
  });

  app.register(tokensRoutes, {
    tokenTtlSeconds: options.tokenTtlSeconds,
    rateLimits,
  });
  app.register(customersRoutes);
  app.register(forwardingRoutes, { database: options.database, limits: options.forwardingLimits });
  if (options.plaid) {
    app.register(plaidSandbox, {
      ...options.plaid,
      prefix: options.plaidPrefix ?? '/plaid',
      tokenTtlSeconds: options.tokenTtlSeconds,
    });
  }
  app.register(framesRoutes, {
    frameDir: options.frameDir ?? defaultFrameDir,
    hostDir: options.hostDir ?? defaultHostDir,
    frameKinds: options.frameKinds,
  });
  return app;
}
