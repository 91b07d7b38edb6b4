import { fileURLToPath } from 'node:url';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { registerAuth } from './auth';
import type { ServiceSecrets } from './config';
import { registerErrorHandlers } from './errors';
import { registerFormBody } from './form-body';
import { registerIdempotency } from './idempotency';
import { newId } from './ids';
import { framesRoutes } from './routes/frames';
import { customersRoutes } from './routes/customers';
import { defaultPlaidPrefix, plaidRoutes, type PlaidSandboxOptions } from './routes/plaid';
import { defaultRateLimits, tokensRoutes, type RateLimits } from './routes/tokens';
import type { TokenStore } from './storage/types';

/** Where `npm run build` puts the frame app and the host loader. */
export const defaultFrameDir = fileURLToPath(new URL('../../dist/frame/', import.meta.url));
export const defaultHostDir = fileURLToPath(new URL('../../dist/host/', import.meta.url));

export interface AppOptions {
  store: TokenStore;
  secrets: ServiceSecrets;
  /** Defaults to `<repo>/dist/frame`. */
  frameDir?: string;
  /** Defaults to `<repo>/dist/host`. */
  hostDir?: string;
  frameKinds?: readonly string[];
  /** How long an unused token can be used, in seconds. */
  tokenTtlSeconds: number;
  rateLimits?: RateLimits;
  /** Fastify's logger option. Its default serializers log method and URL only, never bodies. */
  logger?: FastifyServerOptions['logger'];
  /** Set when running behind a load balancer, so `client_ip` is the visitor's. */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** The Plaid sandbox's credentials and the account its bank tokens go to; without them it is not mounted. */
  plaid?: PlaidSandboxOptions;
  /** Where the Plaid sandbox is mounted (default `/plaid`). */
  plaidPrefix?: string;
}

export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    // Ids are ours, never taken from the request, so they can be quoted to support.
    genReqId: () => newId('req', 14),
    requestIdHeader: false,
    // Idle keep-alive sockets would otherwise hold `close()` open.
    forceCloseConnections: 'idle',
  });

  registerFormBody(app);
  registerErrorHandlers(app);
  registerAuth(app, options.store);
  registerIdempotency(app, options.store, options.secrets.fingerprintKey);
  // Limits are applied per route (token creation), not globally.
  app.register(rateLimit, { global: false });
  app.addHook('onSend', async (request, reply) => {
    reply.header('Request-Id', request.id);
  });

  app.register(tokensRoutes, {
    store: options.store,
    secrets: options.secrets,
    tokenTtlSeconds: options.tokenTtlSeconds,
    rateLimits: options.rateLimits ?? defaultRateLimits,
  });
  app.register(customersRoutes, { store: options.store, secrets: options.secrets });
  if (options.plaid) {
    app.register(plaidRoutes, {
      prefix: options.plaidPrefix ?? defaultPlaidPrefix,
      store: options.store,
      secrets: options.secrets,
      tokenTtlSeconds: options.tokenTtlSeconds,
      sandbox: options.plaid,
    });
  }
  app.register(framesRoutes, {
    store: options.store,
    frameDir: options.frameDir ?? defaultFrameDir,
    hostDir: options.hostDir ?? defaultHostDir,
    frameKinds: options.frameKinds,
  });
  return app;
}
