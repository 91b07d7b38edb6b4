import { randomBytes } from 'node:crypto';

/** Bytes drawn from the system at once: one call per block instead of one per id or IV. */
const randomBlockSize = 4096;
let randomBlock = Buffer.alloc(0);
let randomOffset = 0;

/**
 * Random bytes for ids and IVs, cut from a block drawn at once: a call into
 * the system's generator costs far more than the bytes. Each block is a new
 * buffer, never refilled, so bytes handed out are never handed out again or
 * changed under their holder. Not for keys: the block stays in memory until
 * it is collected.
 */
export function pooledRandomBytes(size: number): Buffer {
  if (size > randomBlockSize) return randomBytes(size);
  if (randomOffset + size > randomBlock.length) {
    randomBlock = randomBytes(randomBlockSize);
    randomOffset = 0;
  }
  randomOffset += size;
  return randomBlock.subarray(randomOffset - size, randomOffset);
}

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Uniformly random base62 text. Bytes at or above 248 are dropped instead of
 * taken modulo 62, so no character is more likely than another.
 */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of pooledRandomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += base62[byte % 62];
    }
  }
  return out;
}

/** Stripe-style object ids: `tok_…`, `card_…`, `req_…`. */
export function newId(prefix: string, length = 24): string {
  return `${prefix}_${randomBase62(length)}`;
}

/** Encodes bytes as fixed-width base62 (used for fingerprints). */
export function bytesToBase62(bytes: Buffer, width: number): string {
  let value = BigInt(`0x${bytes.toString('hex') || '0'}`);
  let out = '';
  while (value > 0n) {
    out = base62[Number(value % 62n)] + out;
    value /= 62n;
  }
  return out.padStart(width, '0').slice(-width);
}
