import { ConfigError } from './config-error';

/**
 * Checks shared by the keyring's two sources (the environment and
 * `secrets.json`). Messages name where the key came from and its length,
 * never its value.
 */

/** AES-256-GCM takes exactly this many bytes. */
export const encryptionKeyBytes = 32;
/** An HMAC key shorter than its hash's output weakens the fingerprints. */
const minFingerprintKeyBytes = 32;

const howToMakeOne = 'make one with `openssl rand -base64 32`';

export function decodeBase64(value: string, where: string): Buffer {
  const trimmed = value.trim();
  // Buffer.from(…, 'base64') skips characters it does not know; a typo must not shorten the key silently.
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || trimmed.length % 4 === 1) {
    throw new ConfigError(`${where} is not valid base64 (${howToMakeOne}).`);
  }
  return Buffer.from(trimmed, 'base64');
}

export function checkEncryptionKey(key: Buffer, where: string): Buffer {
  if (key.length !== encryptionKeyBytes) {
    throw new ConfigError(
      `${where} is ${key.length} bytes; AES-256 needs exactly ${encryptionKeyBytes} (${howToMakeOne}).`,
    );
  }
  return key;
}

export function checkFingerprintKey(key: Buffer, where: string): Buffer {
  if (key.length < minFingerprintKeyBytes) {
    throw new ConfigError(
      `${where} is ${key.length} bytes; it needs at least ${minFingerprintKeyBytes} (${howToMakeOne}).`,
    );
  }
  return key;
}
