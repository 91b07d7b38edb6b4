import type { ServiceSecrets } from '../config';
import { ConfigError } from './config-error';
import { checkEncryptionKey, checkFingerprintKey, decodeBase64 } from './secret-keys';

/**
 * The keyring and fingerprint key from the environment, so several processes
 * and hosts share them without copying a file:
 *
 * - `TOKENFRAME_ENCRYPTION_KEYS`: `id:base64,id:base64`, every key still
 *   needed to decrypt; the first encrypts new values unless
 * - `TOKENFRAME_ENCRYPTION_KEY_ID` names another;
 * - `TOKENFRAME_FINGERPRINT_KEY`: base64.
 *
 * Null when none is set. Setting only some of them is an error rather than a
 * mix with `secrets.json`: processes that read different halves would give
 * the same card different fingerprints.
 */
export function secretsFromEnvironment(env: NodeJS.ProcessEnv): ServiceSecrets | null {
  const keyring = env.TOKENFRAME_ENCRYPTION_KEYS || undefined;
  const fingerprint = env.TOKENFRAME_FINGERPRINT_KEY || undefined;
  const currentId = env.TOKENFRAME_ENCRYPTION_KEY_ID || undefined;
  if (keyring === undefined && fingerprint === undefined) {
    if (currentId !== undefined) {
      throw new ConfigError('TOKENFRAME_ENCRYPTION_KEY_ID is set but TOKENFRAME_ENCRYPTION_KEYS is not.');
    }
    return null;
  }
  if (keyring === undefined) {
    throw new ConfigError('TOKENFRAME_FINGERPRINT_KEY is set but TOKENFRAME_ENCRYPTION_KEYS is not: set both.');
  }
  if (fingerprint === undefined) {
    throw new ConfigError('TOKENFRAME_ENCRYPTION_KEYS is set but TOKENFRAME_FINGERPRINT_KEY is not: set both.');
  }

  const encryptionKeys = new Map<string, Buffer>();
  for (const [index, entry] of keyring.split(',').entries()) {
    const separator = entry.indexOf(':');
    const id = entry.slice(0, separator).trim();
    // Ids are not secret; an entry without a usable one is named by its position only.
    if (separator < 0 || !/^[A-Za-z0-9_-]+$/.test(id)) {
      throw new ConfigError(
        `TOKENFRAME_ENCRYPTION_KEYS entry ${index + 1} is not id:base64 (ids are letters, digits, _ and -).`,
      );
    }
    if (encryptionKeys.has(id)) throw new ConfigError(`TOKENFRAME_ENCRYPTION_KEYS names key "${id}" twice.`);
    const where = `TOKENFRAME_ENCRYPTION_KEYS key "${id}"`;
    encryptionKeys.set(id, checkEncryptionKey(decodeBase64(entry.slice(separator + 1), where), where));
  }
  const id = currentId?.trim() ?? [...encryptionKeys.keys()][0];
  const key = encryptionKeys.get(id);
  if (!key)
    throw new ConfigError(`TOKENFRAME_ENCRYPTION_KEY_ID names "${id}", which TOKENFRAME_ENCRYPTION_KEYS lacks.`);
  const fingerprintKey = checkFingerprintKey(
    decodeBase64(fingerprint, 'TOKENFRAME_FINGERPRINT_KEY'),
    'TOKENFRAME_FINGERPRINT_KEY',
  );
  // The environment of a running process never changes: a new key takes a restart.
  const current = { id, key };
  return { currentEncryptionKey: () => current, encryptionKeys, fingerprintKey };
}
