import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { ServiceSecrets } from '../config';
import { newId } from '../ids';
import { readOrCreatePrivateFile } from '../private-file';
import { ConfigError } from './config-error';
import { checkEncryptionKey, checkFingerprintKey, decodeBase64, encryptionKeyBytes } from './secret-keys';

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

function freshSecrets(): SecretsFile {
  const id = newId('key', 12);
  return {
    currentEncryptionKeyId: id,
    encryptionKeys: { [id]: randomBytes(encryptionKeyBytes).toString('base64') },
    fingerprintKey: randomBytes(32).toString('base64'),
  };
}

function normalize(file: SecretsFile | LegacySecretsFile): SecretsFile {
  if ('encryptionKeys' in file) return file;
  return {
    currentEncryptionKeyId: file.encryptionKeyId,
    encryptionKeys: { [file.encryptionKeyId]: file.encryptionKey },
    fingerprintKey: file.fingerprintKey,
  };
}

function readSecretsFile(path: string): SecretsFile {
  try {
    return normalize(JSON.parse(readFileSync(path, 'utf8')) as SecretsFile | LegacySecretsFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== undefined) throw error;
    throw new ConfigError(`${path} is damaged: it is not the JSON \`tokenframe init\` writes.`);
  }
}

/** How often a running service looks at `secrets.json` for a new current key. */
const currentKeyRecheckMs = 1000;

/**
 * The encryption keys by id, and the current one. A key it does not know yet
 * (another process ran `tokenframe keys rotate-encryption`) is looked up in
 * `secrets.json` again before giving up, so a running service reads records
 * re-encrypted under it; and the file is looked at again, at most once a
 * second, for a new current key, so a running service seals new values under
 * the rotated key without a restart.
 */
class FileKeyring extends Map<string, Buffer> {
  private currentId: string;
  /** The file's inode and modification time when last read: a rotation replaces the file. */
  private readVersion: string;
  private checkedAt = Date.now();

  constructor(
    private readonly path: string,
    secrets: SecretsFile,
  ) {
    super();
    this.readVersion = this.fileVersion();
    this.load(secrets);
    this.currentId = secrets.currentEncryptionKeyId;
    if (!super.has(this.currentId)) {
      throw new ConfigError(`${path} is damaged: its current encryption key is not in its keyring.`);
    }
  }

  override get(id: string): Buffer | undefined {
    if (!super.has(id)) this.reload();
    return super.get(id);
  }

  current(): { id: string; key: Buffer } {
    if (Date.now() - this.checkedAt >= currentKeyRecheckMs) {
      this.checkedAt = Date.now();
      if (this.fileVersion() !== this.readVersion) this.reload();
    }
    return { id: this.currentId, key: super.get(this.currentId)! };
  }

  private fileVersion(): string {
    try {
      const { ino, mtimeMs } = statSync(this.path);
      return `${ino}:${mtimeMs}`;
    } catch {
      return 'missing';
    }
  }

  /**
   * Reads the file again. One that is gone or damaged changes nothing: the
   * service goes on with the keys it has, and the next start reports it.
   */
  private reload(): void {
    const version = this.fileVersion();
    let secrets: SecretsFile;
    try {
      secrets = readSecretsFile(this.path);
      this.load(secrets);
    } catch {
      return;
    }
    this.readVersion = version;
    if (super.has(secrets.currentEncryptionKeyId)) this.currentId = secrets.currentEncryptionKeyId;
  }

  private load(secrets: SecretsFile): void {
    for (const [id, key] of Object.entries(secrets.encryptionKeys)) {
      const where = `${this.path}: encryption key "${id}"`;
      this.set(id, checkEncryptionKey(decodeBase64(key, where), where));
    }
  }
}

function toServiceSecrets(path: string, secrets: SecretsFile): ServiceSecrets {
  const encryptionKeys = new FileKeyring(path, secrets);
  const where = `${path}: fingerprint key`;
  return {
    currentEncryptionKey: () => encryptionKeys.current(),
    encryptionKeys,
    fingerprintKey: checkFingerprintKey(decodeBase64(secrets.fingerprintKey, where), where),
  };
}

/** The data directory's secrets, or null when it has none. */
export function secretsFromFile(path: string): ServiceSecrets | null {
  return existsSync(path) ? toServiceSecrets(path, readSecretsFile(path)) : null;
}

/**
 * Development mode only: the secrets, created on the first start. When two
 * processes start at once, the first to write wins and both use its keys.
 */
export function secretsFromFileOrNew(path: string): ServiceSecrets {
  return toServiceSecrets(path, normalize(readOrCreatePrivateFile(path, freshSecrets)));
}

/**
 * `tokenframe init`: writes fresh secrets (0600). Never replaces a file:
 * new keys would make every stored token unreadable and every fingerprint
 * different.
 */
export function createSecretsFile(path: string): void {
  try {
    writeFileSync(path, `${JSON.stringify(freshSecrets(), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new ConfigError(
      `${path} already exists; init never replaces keys (the stored tokens would become unreadable). ` +
        'To start using a new encryption key, run `tokenframe keys rotate-encryption`.',
    );
  }
  chmodSync(path, 0o600);
}

/**
 * Adds a fresh encryption key to `secrets.json` and makes it current; the old
 * keys stay so existing records can be read until they are re-encrypted.
 * Returns the new key's id.
 */
export function addKeyToSecretsFile(path: string): string {
  if (!existsSync(path)) {
    throw new ConfigError(`${path} does not exist: run \`tokenframe init\` first.`);
  }
  const secrets = readSecretsFile(path);
  const id = newId('key', 12);
  const updated: SecretsFile = {
    currentEncryptionKeyId: id,
    encryptionKeys: { ...secrets.encryptionKeys, [id]: randomBytes(encryptionKeyBytes).toString('base64') },
    fingerprintKey: secrets.fingerprintKey,
  };
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(updated, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
  return id;
}
