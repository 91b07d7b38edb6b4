import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from './app';
import { systemClock, type Clock } from './clock';
import { loadConfig, type LoadConfigOptions, type ServiceConfig, type ServiceSecrets } from './config';
import { loadDevSetup, seedDevAccount, type DevSetup } from './dev/dev-setup';
import { idempotencyWindowSeconds } from './idempotency';
import { sealWithoutCvc } from './sources';
import { openStores } from './storage';
import { resealValues } from './storage/reseal';
import type { Stores } from './storage/types';

export interface StartServiceOptions
  extends
    LoadConfigOptions,
    Pick<AppOptions, 'frameDir' | 'hostDir' | 'frameKinds' | 'logger' | 'plaidPrefix' | 'forwardingLimits'> {
  /**
   * Development mode (`tokenframe serve --dev`): the development account and
   * its keys (`dev-keys.json`), `http://localhost:5173` among its origins, and
   * the Plaid sandbox (`plaid.json`, `/plaid`). Off by default; without it none
   * of them exists and keys come from `tokenframe keys create`.
   */
  dev?: boolean;
  /** More origins allowed to embed the development account's frames; development mode only. */
  allowedOrigins?: string[];
  /** How often the sweeper wipes expired tokens and old idempotency keys, in ms (default one minute). */
  sweepIntervalMs?: number;
  /** The service's time (default the system's), for tests that need to move it. */
  clock?: Clock;
}

/** The stores of an open database, and the database itself (plugins with stores of their own open them there). */
export type OpenStores = Awaited<ReturnType<typeof openStores>>;

export interface RunningService extends PreparedService {
  /** `http://host:port`, with the real port when 0 was asked for. */
  url: string;
}

/**
 * Wipes the raw values of expired unused tokens, forgets idempotency keys
 * older than 24 hours, and wipes the CVCs saved cards kept for a first
 * charge that did not come before their token would have expired.
 */
export async function sweep(
  stores: Pick<Stores, 'vault' | 'idempotency' | 'customers'>,
  clock: Clock,
  secrets: ServiceSecrets,
) {
  const now = clock.now();
  const wiped = await stores.vault.wipeExpiredTokens(now);
  const forgotten = await stores.idempotency.deleteIdempotencyRecords(now - idempotencyWindowSeconds);
  const cvcsWiped = await stores.customers.wipeExpiredSourceCvcs(now, sealWithoutCvc(secrets));
  return { wiped, forgotten, cvcsWiped };
}

function urlFor(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

/** The service with its data directory and database open and its routes built, not yet listening. */
export interface PreparedService {
  app: FastifyInstance;
  config: ServiceConfig;
  stores: OpenStores;
  /** The development account and Plaid credentials; null unless started with `dev: true`. */
  dev: DevSetup | null;
  /** Stops the sweeper, lets in-flight requests finish, closes the database. */
  close(): Promise<void>;
}

/**
 * Everything but listening, shared by `startService` (its own port) and
 * `createTokenframeHandler` (mounted in a server the merchant already runs).
 */
export async function prepareService(options: Omit<StartServiceOptions, 'port' | 'host'> & LoadConfigOptions = {}) {
  if (options.allowedOrigins?.length && !options.dev) {
    throw new Error(
      'Allowed origins belong to the development account, which exists only in development mode (--dev). ' +
        'For other origins, create a key pair: tokenframe keys create --origin ORIGIN.',
    );
  }
  const config = loadConfig(options);
  const dev = options.dev ? loadDevSetup(config.dataDir, options.allowedOrigins) : null;
  const clock = options.clock ?? systemClock;
  const stores = await openStores(config);
  let app: FastifyInstance;
  try {
    if (dev) await seedDevAccount(stores.keys, dev, clock);
    app = buildApp({
      stores,
      database: stores.database,
      secrets: config,
      clock,
      tokenTtlSeconds: config.tokenTtlSeconds,
      rateLimits: config.rateLimits,
      connectionLimits: config.connectionLimits,
      frameDir: options.frameDir,
      hostDir: options.hostDir,
      frameKinds: options.frameKinds,
      logger: options.logger === true ? { level: config.logLevel } : options.logger,
      trustProxy: config.trustProxy,
      plaid: dev ? { credentials: dev.plaid, accountId: dev.account.accountId, database: stores.database } : undefined,
      plaidPrefix: options.plaidPrefix,
      forwardingLimits: options.forwardingLimits,
    });
    // Values stored before they were bound to their rows are bound now, each under the key it is under;
    // once that is done this finds nothing. The Plaid sandbox does the same for its Items.
    for (const rows of [stores.vault, stores.customers]) {
      const { unreadable } = await resealValues(rows, config.encryptionKeys, null);
      if (unreadable.length > 0)
        app.log.warn({ rows: unreadable }, 'stored values that do not open were left as they are');
    }
  } catch (error) {
    await stores.close();
    throw error;
  }
  const sweeper = setInterval(() => {
    sweep(stores, clock, config).catch((error) => app.log.error({ err: error }, 'sweep failed'));
  }, options.sweepIntervalMs ?? 60_000);
  sweeper.unref();
  let closing: Promise<void> | undefined;
  const prepared: PreparedService = {
    app,
    config,
    stores,
    dev,
    close() {
      clearInterval(sweeper);
      closing ??= app.close().then(() => stores.close());
      return closing;
    },
  };
  return prepared;
}

export async function startService(options: StartServiceOptions = {}): Promise<RunningService> {
  const prepared = await prepareService(options);
  const { app, config } = prepared;
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await prepared.close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  return { ...prepared, url: urlFor(config.host, port) };
}
