import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { newId } from './ids';
import { readOrCreatePrivateFile } from './private-file';
import { defaultRateLimits, type RateLimits } from './routes/tokens';

export interface LoadConfigOptions {
  /** Defaults to `$TOKENFRAME_DATA_DIR`, then `.tokenframe` in the working directory. */
  dataDir?: string;
  port?: number;
  host?: string;
  /** How long an unused token stays usable, in seconds (default `$TOKENFRAME_TOKEN_TTL`, then one hour). */
  tokenTtlSeconds?: number;
  /** PostgreSQL connection string; when absent the embedded SQLite file is used (default `$DATABASE_URL`). */
  databaseUrl?: string;
}

export interface ServiceSecrets {
  /** The key new values are encrypted with; its id is stored beside each ciphertext. */
  encryptionKey: { id: string; key: Buffer };
  /** Every key still needed to decrypt, by id: the current one and those rotated out. */
  encryptionKeys: ReadonlyMap<string, Buffer>;
  fingerprintKey: Buffer;
}

export interface ServiceConfig extends ServiceSecrets {
  dataDir: string;
  databasePath: string;
  databaseUrl: string | null;
  tokenTtlSeconds: number;
  rateLimits: RateLimits;
  port: number;
  host: string;
}

export const defaultPort = 4242;
export const defaultHost = '127.0.0.1';

/** `secrets.json`: a keyring, so encryption keys can rotate while old records stay readable. */
interface SecretsFile {
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

const defaultTokenTtlSeconds = 60 * 60;

/**
 * The one config loader. On first start it creates the data directory with
 * fresh encryption and fingerprint keys; later starts reuse them, because new
 * keys would make every stored token undecryptable and every fingerprint
 * different. It creates no API keys: those come from `tokenframe keys create`,
 * or from development mode (`src/server/dev/`).
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

  return {
    dataDir,
    databasePath: join(dataDir, 'tokenframe.db'),
    databaseUrl: options.databaseUrl || process.env.DATABASE_URL || null,
    tokenTtlSeconds: options.tokenTtlSeconds ?? (Number(process.env.TOKENFRAME_TOKEN_TTL) || defaultTokenTtlSeconds),
    rateLimits: { ...defaultRateLimits, perKeyPerMinute: rateLimitPerKeyFromEnvironment() },
    port: options.port ?? defaultPort,
    host: options.host ?? defaultHost,
    encryptionKey: { id: secrets.currentEncryptionKeyId, key: currentKey },
    encryptionKeys,
    fingerprintKey,
  };
}

/** `$TOKENFRAME_RATE_LIMIT_PER_KEY`: token creations a minute per API key, over all processes. */
function rateLimitPerKeyFromEnvironment(): number {
  const value = process.env.TOKENFRAME_RATE_LIMIT_PER_KEY;
  if (value === undefined || value === '') return defaultRateLimits.perKeyPerMinute;
  if (!/^[1-9]\d*$/.test(value)) {
    throw new Error('TOKENFRAME_RATE_LIMIT_PER_KEY must be a whole number of requests a minute, such as 600.');
  }
  return Number(value);
}

/**
 * The encryption keys by id. A key it does not know yet (another process ran
 * `tokenframe keys rotate-encryption`) is looked up in `secrets.json` again
 * before giving up, so a running service reads records re-encrypted under it.
 */
class Keyring extends Map<string, Buffer> {
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
  const file = readOrCreatePrivateFile<SecretsFile | LegacySecretsFile>(path, () => {
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
