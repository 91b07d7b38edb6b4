import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { bytesToBase62 } from './ids';

/** An AES-256-GCM ciphertext as stored: every part base64, plus the id of the key that made it. */
export interface EncryptedValue {
  keyId: string;
  iv: string;
  tag: string;
  data: string;
}

const algorithm = 'aes-256-gcm';

/**
 * The key id is bound in as associated data, so a ciphertext relabelled with
 * another key id fails authentication instead of decrypting to garbage.
 */
export function encrypt(plaintext: string, key: Buffer, keyId: string): EncryptedValue {
  const iv = randomBytes(12);
  const cipher = createCipheriv(algorithm, key, iv);
  cipher.setAAD(Buffer.from(keyId, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    keyId,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** Throws when the ciphertext, tag, iv or key id was altered, or the key is wrong. */
export function decrypt(value: EncryptedValue, key: Buffer): string {
  const decipher = createDecipheriv(algorithm, key, Buffer.from(value.iv, 'base64'));
  decipher.setAAD(Buffer.from(value.keyId, 'utf8'));
  decipher.setAuthTag(Buffer.from(value.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(value.data, 'base64')), decipher.final()]).toString('utf8');
}

/**
 * Decrypts a stored JSON document with whichever key of the keyring made it
 * (keys rotate; old records stay readable until re-encrypted).
 */
export function openSecret(value: EncryptedValue, keys: ReadonlyMap<string, Buffer>): Record<string, unknown> {
  const key = keys.get(value.keyId);
  if (!key) throw new Error(`A stored value is encrypted under ${value.keyId}, which is not in the keyring.`);
  return JSON.parse(decrypt(value, key)) as Record<string, unknown>;
}

/**
 * A keyed HMAC rather than a plain hash: card numbers have so little entropy
 * that an unkeyed hash could be reversed by enumeration. The account id is
 * mixed in so two merchants cannot correlate the same card.
 */
export function fingerprint(hmacKey: Buffer, accountId: string, value: string): string {
  const mac = createHmac('sha256', hmacKey).update(`${accountId}\u0000${value}`).digest();
  // 11 bytes (88 bits) fit in 16 base62 characters.
  return bytesToBase62(mac.subarray(0, 11), 16);
}

/** API keys are looked up by this hash; the database never holds a usable key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
