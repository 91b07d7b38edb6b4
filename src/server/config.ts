import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
  /** How long an unused token stays usable, in seconds (default `$TOKENFRAME_TOKEN_TTL`, then one hour). */
  tokenTtlSeconds?: number;
  /** PostgreSQL connection string; when absent the embedded SQLite file is used (default `$DATABASE_URL`). */
  databaseUrl?: string;
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
  /** Every key still needed to decrypt, by id: the current one and those rotated out. */
  encryptionKeys: ReadonlyMap<string, Buffer>;
  fingerprintKey: Buffer;
}

/** The Plaid sandbox's development credentials; its bank tokens go to the development account. */
export interface PlaidSandboxConfig {
  clientId: string;
  secret: string;
}

export interface ServiceConfig extends ServiceSecrets {
  dataDir: string;
  databasePath: string;
  databaseUrl: string | null;
  tokenTtlSeconds: number;
  plaid: PlaidSandboxConfig;
  port: number;
  host: string;
  devAccount: DevAccount;
}

export const defaultPort = 4242;
export const defaultHost = '127.0.0.1';
/** Where `npm start` serves the demo merchant. */
export const defaultDevOrigin = 'http://localhost:5173';

/** `secrets.json`: a keyring, so encryption keys can rotate while old records stay readable. */
export interface SecretsFile {
  currentEncryptionKeyId: string;
  /** base64 keys by id. */
  encryptionKeys: Record<string, string>;
  fingerprintKey: string;
}

/** The first release wrote a single key; read it as a keyring of one. */
interface LegacySecretsFile {
  encryptionKeyId: string;
  encryptionKey: string;
  fingerprintKey: string;
}

export const defaultTokenTtlSeconds = 60 * 60;

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

  const secrets = readSecrets(join(dataDir, 'secrets.json'));
  const encryptionKeys = new Keyring(join(dataDir, 'secrets.json'), secrets);
  const currentKey = encryptionKeys.get(secrets.currentEncryptionKeyId);
  const fingerprintKey = Buffer.from(secrets.fingerprintKey, 'base64');
  if (!currentKey || currentKey.length !== 32 || fingerprintKey.length !== 32) {
    throw new Error(`${join(dataDir, 'secrets.json')} is damaged: expected 32-byte keys and a current key id.`);
  }

  const plaid = readOrCreate<PlaidSandboxConfig>(join(dataDir, 'plaid.json'), () => ({
    clientId: randomBytes(12).toString('hex'),
    secret: randomBytes(15).toString('hex'),
  }));

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
    databaseUrl: options.databaseUrl || process.env.DATABASE_URL || null,
    tokenTtlSeconds: options.tokenTtlSeconds ?? (Number(process.env.TOKENFRAME_TOKEN_TTL) || defaultTokenTtlSeconds),
    plaid,
    port: options.port ?? defaultPort,
    host: options.host ?? defaultHost,
    encryptionKey: { id: secrets.currentEncryptionKeyId, key: currentKey },
    encryptionKeys,
    fingerprintKey,
    devAccount: {
      id: devKeys.accountId,
      allowedOrigins: normalizeOrigins([defaultDevOrigin, ...(options.allowedOrigins ?? [])]),
      publishableKey: devKeys.publishableKey,
      secretKey: devKeys.secretKey,
    },
  };
}

/**
 * The encryption keys by id. A key it does not know yet (another process ran
 * `tokenframe keys rotate-encryption`) is looked up in `secrets.json` again
 * before giving up, so a running service reads records re-encrypted under it.
 */
export class Keyring extends Map<string, Buffer> {
  constructor(
    private readonly path: string,
    secrets: SecretsFile,
  ) {
    super();
    this.load(secrets);
  }

  override get(id: string): Buffer | undefined {
    if (!super.has(id) && existsSync(this.path)) this.load(readSecrets(this.path));
    return super.get(id);
  }

  private load(secrets: SecretsFile): void {
    for (const [id, key] of Object.entries(secrets.encryptionKeys)) this.set(id, Buffer.from(key, 'base64'));
  }
}

function readSecrets(path: string): SecretsFile {
  const file = readOrCreate<SecretsFile | LegacySecretsFile>(path, () => {
    const id = newId('key', 12);
    return {
      currentEncryptionKeyId: id,
      encryptionKeys: { [id]: randomBytes(32).toString('base64') },
      fingerprintKey: randomBytes(32).toString('base64'),
    };
  });
  if ('encryptionKeys' in file) return file;
  return {
    currentEncryptionKeyId: file.encryptionKeyId,
    encryptionKeys: { [file.encryptionKeyId]: file.encryptionKey },
    fingerprintKey: file.fingerprintKey,
  };
}

/**
 * Adds a fresh encryption key to `secrets.json` and makes it current; the old
 * keys stay so existing records can be read until they are re-encrypted.
 * Returns the new key's id.
 */
export function addEncryptionKey(dataDir: string): string {
  const path = join(resolve(dataDir), 'secrets.json');
  const secrets = readSecrets(path);
  const id = newId('key', 12);
  const updated: SecretsFile = {
    currentEncryptionKeyId: id,
    encryptionKeys: { ...secrets.encryptionKeys, [id]: randomBytes(32).toString('base64') },
    fingerprintKey: secrets.fingerprintKey,
  };
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(updated, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
  return id;
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
