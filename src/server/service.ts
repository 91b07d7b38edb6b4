import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from './app';
import { loadConfig, type LoadConfigOptions, type ServiceConfig } from './config';
import { saveKeyPair } from './keys';
import { idempotencyWindowSeconds } from './idempotency';
import { openStore } from './storage';
import type { TokenStore } from './storage/types';

export interface StartServiceOptions
  extends
    LoadConfigOptions,
    Pick<AppOptions, 'frameDir' | 'hostDir' | 'frameKinds' | 'logger' | 'trustProxy' | 'rateLimits' | 'plaidPrefix'> {
  /** How often the sweeper wipes expired tokens and old idempotency keys, in ms (default one minute). */
  sweepIntervalMs?: number;
}

export interface RunningService {
  /** `http://host:port`, with the real port when 0 was asked for. */
  url: string;
  app: FastifyInstance;
  config: ServiceConfig;
  store: TokenStore;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

/** Registers the development account and its keys (by hash) in the store. */
async function seedDevAccount(store: TokenStore, config: ServiceConfig): Promise<void> {
  const { devAccount } = config;
  await saveKeyPair(store, { ...devAccount, accountId: devAccount.id });
}

/** Wipes the raw values of expired unused tokens and forgets idempotency keys older than 24 hours. */
export async function sweep(store: TokenStore, now = Math.floor(Date.now() / 1000)) {
  const wiped = await store.wipeExpiredTokens(now);
  const forgotten = await store.deleteIdempotencyRecords(now - idempotencyWindowSeconds);
  return { wiped, forgotten };
}

function urlFor(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

/** The service with its data directory and database open and its routes built, not yet listening. */
export interface PreparedService {
  app: FastifyInstance;
  config: ServiceConfig;
  store: TokenStore;
  /** Stops the sweeper, lets in-flight requests finish, closes the database. */
  close(): Promise<void>;
}

/**
 * Everything but listening, shared by `startService` (its own port) and
 * `createTokenframeHandler` (mounted in a server the merchant already runs).
 */
export async function prepareService(options: Omit<StartServiceOptions, 'port' | 'host'> & LoadConfigOptions = {}) {
  const config = loadConfig(options);
  const store = await openStore({ databaseUrl: config.databaseUrl, databasePath: config.databasePath });
  let app: FastifyInstance;
  try {
    await seedDevAccount(store, config);
    app = buildApp({
      store,
      secrets: config,
      tokenTtlSeconds: config.tokenTtlSeconds,
      rateLimits: options.rateLimits,
      frameDir: options.frameDir,
      hostDir: options.hostDir,
      frameKinds: options.frameKinds,
      logger: options.logger,
      trustProxy: options.trustProxy,
      plaid: { ...config.plaid, accountId: config.devAccount.id },
      plaidPrefix: options.plaidPrefix,
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const sweeper = setInterval(() => {
    sweep(store).catch((error) => app.log.error({ err: error }, 'sweep failed'));
  }, options.sweepIntervalMs ?? 60_000);
  sweeper.unref();
  let closing: Promise<void> | undefined;
  const prepared: PreparedService = {
    app,
    config,
    store,
    close() {
      clearInterval(sweeper);
      closing ??= app.close().then(() => store.close());
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
