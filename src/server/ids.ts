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
    const bytes = pooledRandomBytes(length * 2);
    for (let index = 0; index < bytes.length && out.length < length; index++) {
      if (bytes[index] < 248) out += base62[bytes[index] % 62];
    }
  }
  return out;
}

/** Stripe-style object ids: `tok_…`, `card_…`, `req_…`. */
export function newId(prefix: string, length = 24): string {
  return `${prefix}_${randomBase62(length)}`;
}

/**
 * Encodes bytes as fixed-width base62 (used for fingerprints): the bytes as
 * one big-endian number, its base62 digits kept to the last `width`. Long
 * division of the bytes by 62, digit by digit, without a BigInt.
 */
export function bytesToBase62(bytes: Buffer, width: number): string {
  const digits = Array.from(bytes);
  let start = 0;
  let out = '';
  while (start < digits.length) {
    let remainder = 0;
    for (let index = start; index < digits.length; index++) {
      const value = remainder * 256 + digits[index];
      digits[index] = Math.floor(value / 62);
      remainder = value % 62;
    }
    out = base62[remainder] + out;
    while (start < digits.length && digits[start] === 0) start++;
  }
  return out.padStart(width, '0').slice(-width);
}
