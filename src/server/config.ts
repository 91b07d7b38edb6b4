import { chmodSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ConnectionLimits } from './connection-limits';
import type { RateLimits } from './rate-limit/token-limits';
import { ConfigError } from './config/config-error';
import { secretsFromEnvironment } from './config/environment-secrets';
import { addKeyToSecretsFile, createSecretsFile, secretsFromFile, secretsFromFileOrNew } from './config/secrets-file';
import { fromEnvironment, settings, type LogLevel, type Setting, type TrustProxy } from './config/settings';

export { ConfigError };

/** Each connection limit defaults to its `$TOKENFRAME_…` variable, then `defaultConnectionLimits`. */
export interface LoadConfigOptions extends Partial<ConnectionLimits> {
  /** Defaults to `$TOKENFRAME_DATA_DIR`, then `.tokenframe` in the working directory. */
  dataDir?: string;
  /** Defaults to `$TOKENFRAME_PORT`, `$PORT`, then 4242. */
  port?: number;
  /** Defaults to `$TOKENFRAME_HOST`, `$HOST`, then 127.0.0.1. */
  host?: string;
  /** How long an unused token stays usable, in seconds (default `$TOKENFRAME_TOKEN_TTL`, then one hour). */
  tokenTtlSeconds?: number;
  /** PostgreSQL connection string; when absent the embedded SQLite file is used (default `$DATABASE_URL`). */
  databaseUrl?: string;
  /**
   * Token creations a minute (default `$TOKENFRAME_RATE_LIMIT_PER_KEY` and `…_PER_IP`, then 6000 and 300),
   * and failed authentications a minute per address (`$TOKENFRAME_RATE_LIMIT_FAILED_AUTH`, then 60).
   */
  rateLimits?: Partial<RateLimits>;
  /** Set behind a load balancer, so `client_ip` is the visitor's (default `$TOKENFRAME_TRUST_PROXY`, then off). */
  trustProxy?: TrustProxy;
  /** The level `logger: true` logs at (default `$TOKENFRAME_LOG_LEVEL`, then info). */
  logLevel?: LogLevel;
  /** Tries to reach PostgreSQL at start (default `$TOKENFRAME_DATABASE_CONNECT_ATTEMPTS`, then 5). */
  databaseConnectAttempts?: number;
  /** Development mode: `secrets.json` is created when there are no secrets, instead of refusing to start. */
  dev?: boolean;
  /** Where the variables are read from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

export interface ServiceSecrets {
  /**
   * The key new values are encrypted with now; its id is stored beside each
   * ciphertext. A function, not a value: with `secrets.json` it follows
   * `tokenframe keys rotate-encryption` while the service runs. Take id and
   * key from one call, so they always belong together.
   */
  currentEncryptionKey(): { id: string; key: Buffer };
  /** Every key still needed to decrypt, by id: the current one and those rotated out. */
  encryptionKeys: ReadonlyMap<string, Buffer>;
  fingerprintKey: Buffer;
}

/** Where the database is: all the `tokenframe keys` commands other than rotation need. */
export interface StorageConfig {
  dataDir: string;
  databasePath: string;
  databaseUrl: string | null;
  databaseConnectAttempts: number;
}

export interface ServiceConfig extends StorageConfig, ServiceSecrets {
  /** Where the secrets came from: `secrets.json`'s path, or `environment`. */
  secretsSource: string;
  tokenTtlSeconds: number;
  rateLimits: RateLimits;
  connectionLimits: ConnectionLimits;
  trustProxy: TrustProxy;
  logLevel: LogLevel;
  port: number;
  host: string;
}

export const defaultPort = settings.port.default;
export const defaultHost = settings.host.default;

/** The option if given (a flag), else the environment, else the default. */
function pick<T>(given: T | undefined, setting: Setting<T>, env: NodeJS.ProcessEnv): T {
  return given ?? fromEnvironment(setting, env) ?? setting.default;
}

function databaseUrlFrom(given: string | undefined, env: NodeJS.ProcessEnv): string | null {
  const url = given || env.DATABASE_URL || null;
  if (url === null) return null;
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // Reported below; the value itself may hold a password, so it is not quoted.
  }
  if (!['postgres:', 'postgresql:', 'socket:'].includes(protocol)) {
    throw new ConfigError('DATABASE_URL is not a PostgreSQL URL (postgres://user:password@host:5432/database).');
  }
  return url;
}

function connectionLimitsFrom(options: LoadConfigOptions, env: NodeJS.ProcessEnv): ConnectionLimits {
  const limits: ConnectionLimits = {
    requestTimeoutSeconds: pick(options.requestTimeoutSeconds, settings.requestTimeoutSeconds, env),
    headersTimeoutSeconds: pick(options.headersTimeoutSeconds, settings.headersTimeoutSeconds, env),
    keepAliveTimeoutSeconds: pick(options.keepAliveTimeoutSeconds, settings.keepAliveTimeoutSeconds, env),
    idleTimeoutSeconds: pick(options.idleTimeoutSeconds, settings.idleTimeoutSeconds, env),
    maxConnections: pick(options.maxConnections, settings.maxConnections, env),
    maxRequestsPerConnection: pick(options.maxRequestsPerConnection, settings.maxRequestsPerConnection, env),
  };
  // Node refuses to start a server whose headers may take longer than the whole request.
  if (limits.headersTimeoutSeconds > limits.requestTimeoutSeconds) {
    throw new ConfigError(
      `The headers timeout (${limits.headersTimeoutSeconds} s) cannot be longer than the request timeout (${limits.requestTimeoutSeconds} s).`,
    );
  }
  return limits;
}

/** The data directory, made private. */
function makeDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
}

/** Where the database is, decided but not yet made. */
function storagePaths(options: LoadConfigOptions, env: NodeJS.ProcessEnv): StorageConfig {
  const dataDir = resolve(pick(options.dataDir, settings.dataDir, env));
  return {
    dataDir,
    databasePath: join(dataDir, 'tokenframe.db'),
    databaseUrl: databaseUrlFrom(options.databaseUrl, env),
    databaseConnectAttempts: pick(options.databaseConnectAttempts, settings.databaseConnectAttempts, env),
  };
}

export function loadStorageConfig(options: LoadConfigOptions = {}): StorageConfig {
  const storage = storagePaths(options, options.env ?? process.env);
  // SQLite's file lives there; PostgreSQL with the keys in the environment needs no directory at all.
  if (!storage.databaseUrl) makeDataDir(storage.dataDir);
  return storage;
}

/**
 * The one config loader: options (the CLI's flags) win over environment
 * variables, which win over the data directory's `secrets.json`. A
 * production start never invents secrets: without them, or with weak ones,
 * it throws a ConfigError saying what to set. Development mode creates
 * `secrets.json` on the first start, as it always has. No API keys are made
 * here: those come from `tokenframe keys create`, or from development mode
 * (`src/server/dev/`).
 */
export function loadConfig(options: LoadConfigOptions = {}): ServiceConfig {
  const env = options.env ?? process.env;
  // Every plain setting is checked before development mode writes anything.
  const settingsValues = {
    tokenTtlSeconds: pick(options.tokenTtlSeconds, settings.tokenTtlSeconds, env),
    rateLimits: {
      perKeyPerMinute: pick(options.rateLimits?.perKeyPerMinute, settings.rateLimitPerKey, env),
      perIpPerMinute: pick(options.rateLimits?.perIpPerMinute, settings.rateLimitPerIp, env),
      failedAuthPerIpPerMinute: pick(
        options.rateLimits?.failedAuthPerIpPerMinute,
        settings.rateLimitFailedAuthPerIp,
        env,
      ),
    },
    connectionLimits: connectionLimitsFrom(options, env),
    trustProxy: pick(options.trustProxy, settings.trustProxy, env),
    logLevel: pick(options.logLevel, settings.logLevel, env),
    port: pick(options.port, settings.port, env),
    host: pick(options.host, settings.host, env),
  };
  const fromEnvironment = secretsFromEnvironment(env);
  const storage = storagePaths(options, env);
  const secretsPath = join(storage.dataDir, 'secrets.json');
  // Development mode writes its files there; a refused start makes nothing.
  if (options.dev) makeDataDir(storage.dataDir);
  const secrets = fromEnvironment ?? (options.dev ? secretsFromFileOrNew(secretsPath) : secretsFromFile(secretsPath));
  if (secrets && !storage.databaseUrl) makeDataDir(storage.dataDir);
  if (!secrets) {
    throw new ConfigError(
      `No encryption keyring: neither TOKENFRAME_ENCRYPTION_KEYS nor ${secretsPath} is there. ` +
        `Run \`tokenframe init --data-dir ${storage.dataDir}\` or set TOKENFRAME_ENCRYPTION_KEYS and TOKENFRAME_FINGERPRINT_KEY ` +
        '(`tokenframe serve --help` shows their format). For a throwaway development start, use `tokenframe serve --dev`.',
    );
  }
  return {
    ...storage,
    ...secrets,
    ...settingsValues,
    secretsSource: fromEnvironment ? 'environment' : secretsPath,
  };
}

function refuseWhenKeyringInEnvironment(env: NodeJS.ProcessEnv, what: string): void {
  if (env.TOKENFRAME_ENCRYPTION_KEYS) {
    throw new ConfigError(
      `The keyring comes from TOKENFRAME_ENCRYPTION_KEYS, which wins over secrets.json, so ${what}. ` +
        'Change the variable in every process’s environment instead, then restart each process: ' +
        'a running service reads its environment only when it starts (/metrics shows the key each one uses).',
    );
  }
}

/**
 * `tokenframe init`: the data directory (0700) with fresh secrets in
 * `secrets.json` (0600). Refuses to replace existing secrets. Returns the
 * file's path.
 */
export function initDataDir(options: Pick<LoadConfigOptions, 'dataDir' | 'env'> = {}): string {
  const env = options.env ?? process.env;
  refuseWhenKeyringInEnvironment(env, 'keys written by init would never be used');
  const dataDir = resolve(pick(options.dataDir, settings.dataDir, env));
  makeDataDir(dataDir);
  // A directory that already existed becomes private too: it is about to hold the keys.
  chmodSync(dataDir, 0o700);
  const path = join(dataDir, 'secrets.json');
  createSecretsFile(path);
  return path;
}

/**
 * Adds a fresh encryption key to the data directory's `secrets.json` and
 * makes it current. Returns the new key's id.
 */
export function addEncryptionKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  refuseWhenKeyringInEnvironment(env, 'a key added to secrets.json would never be used');
  return addKeyToSecretsFile(join(resolve(dataDir), 'secrets.json'));
}
