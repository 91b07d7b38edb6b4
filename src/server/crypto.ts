import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto';
import type { ServiceSecrets } from './config';
import { bytesToBase62, pooledRandomBytes } from './ids';

/** An AES-256-GCM ciphertext as stored: every part base64, plus the id of the key that made it. */
export interface EncryptedValue {
  keyId: string;
  iv: string;
  tag: string;
  /** The ciphertext, after `boundFormatPrefix` when it is bound to its row. */
  data: string;
}

/**
 * Where a sealed value is stored. It is part of the associated data, so a
 * ciphertext copied to another row, table, account or mode (by anyone with
 * write access to the database) fails authentication instead of opening there.
 */
export interface SealedAt {
  table: string;
  /** The row's primary key. */
  id: string;
  accountId: string;
  livemode: boolean;
}

/**
 * Marks the data of values sealed with `SealedAt` in their associated data
 * (format 2). Values without it (format 1) bind only their key id; they stay
 * readable until the pass on start (`resealUnboundValues`) binds them. Base64
 * has no colon, so no format 1 value starts with it.
 */
export const boundFormatPrefix = 'v2:';

const algorithm = 'aes-256-gcm';

/** Why a stored value would not open; it names the row, never any part of the value. */
export class SealedValueError extends Error {
  constructor(at: SealedAt, reason: string) {
    super(`The encrypted value of ${at.table} ${at.id} cannot be opened: ${reason}.`);
    this.name = 'SealedValueError';
  }
}

/** The key id and, in format 2, where the value is stored, in one unambiguous string. */
function associatedData(keyId: string, at: SealedAt | null): Buffer {
  const bound = at && JSON.stringify(['tokenframe', 2, keyId, at.table, at.id, at.accountId, at.livemode]);
  return Buffer.from(bound ?? keyId, 'utf8');
}

/** Encrypts `plaintext` under `key`, bound to the key id and to the row it will be stored in. */
export function encrypt(plaintext: string, key: Buffer, keyId: string, at: SealedAt): EncryptedValue {
  const iv = pooledRandomBytes(12);
  const cipher = createCipheriv(algorithm, key, iv);
  cipher.setAAD(associatedData(keyId, at));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    keyId,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: boundFormatPrefix + data.toString('base64'),
  };
}

/** Whether the value is bound to its row (format 2). */
export function isBound(value: EncryptedValue): boolean {
  return value.data.startsWith(boundFormatPrefix);
}

/**
 * Throws a SealedValueError when the ciphertext, tag, iv or key id was
 * altered, the value was moved from another row, or the key is wrong.
 */
export function decrypt(value: EncryptedValue, key: Buffer, at: SealedAt): string {
  const bound = isBound(value);
  const data = Buffer.from(bound ? value.data.slice(boundFormatPrefix.length) : value.data, 'base64');
  try {
    const decipher = createDecipheriv(algorithm, key, Buffer.from(value.iv, 'base64'));
    decipher.setAAD(associatedData(value.keyId, bound ? at : null));
    decipher.setAuthTag(Buffer.from(value.tag, 'base64'));
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedValueError(at, 'it was altered or copied from another row, or its key is wrong');
  }
}

/** Encrypts a JSON document under the current key, for the row `at`. */
export function sealSecret(
  document: unknown,
  secrets: Pick<ServiceSecrets, 'currentEncryptionKey'>,
  at: SealedAt,
): EncryptedValue {
  const { id, key } = secrets.currentEncryptionKey();
  return encrypt(JSON.stringify(document), key, id, at);
}

/**
 * Decrypts a stored JSON document with whichever key of the keyring made it
 * (keys rotate; old records stay readable until re-encrypted), checking that
 * it belongs to the row `at`.
 */
export function openSecret(
  value: EncryptedValue,
  keys: ReadonlyMap<string, Buffer>,
  at: SealedAt,
): Record<string, unknown> {
  const key = keys.get(value.keyId);
  if (!key) throw new SealedValueError(at, `its key ${value.keyId} is not in the keyring`);
  return JSON.parse(decrypt(value, key, at)) as Record<string, unknown>;
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
