import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from './app';
import { loadConfig, type LoadConfigOptions, type ServiceConfig } from './config';
import { hashApiKey } from './crypto';
import { openSqliteStore } from './storage/sqlite';
import type { TokenStore } from './storage/types';

export interface StartServiceOptions
  extends LoadConfigOptions, Pick<AppOptions, 'frameDir' | 'hostDir' | 'frameKinds' | 'logger' | 'trustProxy'> {}

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
  await store.saveAccount({ id: devAccount.id, allowedOrigins: devAccount.allowedOrigins });
  await store.saveApiKey(hashApiKey(devAccount.publishableKey), { accountId: devAccount.id, kind: 'publishable' });
  await store.saveApiKey(hashApiKey(devAccount.secretKey), { accountId: devAccount.id, kind: 'secret' });
}

function urlFor(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

export async function startService(options: StartServiceOptions = {}): Promise<RunningService> {
  const config = loadConfig(options);
  const store = openSqliteStore(config.databasePath);
  let app: FastifyInstance | undefined;
  try {
    await seedDevAccount(store, config);
    app = buildApp({
      store,
      secrets: { encryptionKey: config.encryptionKey, fingerprintKey: config.fingerprintKey },
      frameDir: options.frameDir,
      hostDir: options.hostDir,
      frameKinds: options.frameKinds,
      logger: options.logger,
      trustProxy: options.trustProxy,
    });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app?.close();
    await store.close();
    throw error;
  }

  const running = app;
  const { port } = running.server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: urlFor(config.host, port),
    app: running,
    config,
    store,
    close() {
      closing ??= running.close().then(() => store.close());
      return closing;
    },
  };
}
