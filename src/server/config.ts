import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { newId, randomBase62 } from './ids';
import { normalizeOrigins } from './origins';

export interface LoadConfigOptions {
  /** Defaults to `$TOKENFRAME_DATA_DIR`, then `.tokenframe` in the working directory. */
  dataDir?: string;
  port?: number;
  host?: string;
  /** Origins allowed to embed frames for the development account, besides the default. */
  allowedOrigins?: string[];
}

export interface DevAccount {
  id: string;
  allowedOrigins: string[];
  publishableKey: string;
  secretKey: string;
}

export interface ServiceSecrets {
  /** The key new values are encrypted with; its id is stored beside each ciphertext. */
  encryptionKey: { id: string; key: Buffer };
  fingerprintKey: Buffer;
}

export interface ServiceConfig extends ServiceSecrets {
  dataDir: string;
  databasePath: string;
  port: number;
  host: string;
  devAccount: DevAccount;
}

export const defaultPort = 4242;
export const defaultHost = '127.0.0.1';
/** Where `npm start` serves the demo merchant. */
export const defaultDevOrigin = 'http://localhost:5173';

interface SecretsFile {
  encryptionKeyId: string;
  encryptionKey: string;
  fingerprintKey: string;
}

interface DevKeysFile {
  accountId: string;
  publishableKey: string;
  secretKey: string;
}

/**
 * The one config loader. On first start it creates the data directory with
 * fresh keys; later starts reuse them, because new keys would make every stored
 * token undecryptable and every fingerprint different.
 */
export function loadConfig(options: LoadConfigOptions = {}): ServiceConfig {
  const dataDir = resolve(options.dataDir ?? process.env.TOKENFRAME_DATA_DIR ?? '.tokenframe');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  const secrets = readOrCreate<SecretsFile>(join(dataDir, 'secrets.json'), () => ({
    encryptionKeyId: newId('key', 12),
    encryptionKey: randomBytes(32).toString('base64'),
    fingerprintKey: randomBytes(32).toString('base64'),
  }));
  const encryptionKey = Buffer.from(secrets.encryptionKey, 'base64');
  const fingerprintKey = Buffer.from(secrets.fingerprintKey, 'base64');
  if (encryptionKey.length !== 32 || fingerprintKey.length !== 32 || !secrets.encryptionKeyId) {
    throw new Error(`${join(dataDir, 'secrets.json')} is damaged: expected two 32-byte keys.`);
  }

  // Kept on disk (0600) only so they can be printed on every start; the
  // database holds their hashes.
  const devKeys = readOrCreate<DevKeysFile>(join(dataDir, 'dev-keys.json'), () => ({
    accountId: newId('acct', 16),
    publishableKey: `pk_test_${randomBase62(32)}`,
    secretKey: `sk_test_${randomBase62(32)}`,
  }));

  return {
    dataDir,
    databasePath: join(dataDir, 'tokenframe.db'),
    port: options.port ?? defaultPort,
    host: options.host ?? defaultHost,
    encryptionKey: { id: secrets.encryptionKeyId, key: encryptionKey },
    fingerprintKey,
    devAccount: {
      id: devKeys.accountId,
      allowedOrigins: normalizeOrigins([defaultDevOrigin, ...(options.allowedOrigins ?? [])]),
      publishableKey: devKeys.publishableKey,
      secretKey: devKeys.secretKey,
    },
  };
}

function readOrCreate<T>(path: string, create: () => T): T {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as T;
  const value = create();
  try {
    // `wx` refuses to overwrite a file another process created a moment ago;
    // that process's keys win.
    writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return JSON.parse(readFileSync(path, 'utf8')) as T;
    throw error;
  }
  chmodSync(path, 0o600);
  return value;
}
