import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import creditCardType from 'credit-card-type';
import { checkCardNumber } from '../../src/validation/card';
import { checkCardNumberCached } from '../../src/validation/card-number-cache';
import { testTokenCards } from '../../src/server/tokens/test-cards';

/** A random digit string; a fixed seed, so a failure can be reproduced. */
function digitsFrom(random: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += Math.floor(random() * 10);
  return out;
}

function seeded(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

/** The same digits with the last one set so the Luhn check passes. */
function withLuhn(digits: string): string {
  for (let last = 0; last < 10; last++) {
    const candidate = digits.slice(0, -1) + last;
    let sum = 0;
    for (let index = 0; index < candidate.length; index++) {
      let digit = Number(candidate[candidate.length - 1 - index]);
      if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

/** Every prefix credit-card-type knows (a range's two ends and a digit inside), the start of many numbers. */
const prefixes = Object.values(creditCardType.types).flatMap((type) =>
  creditCardType
    .getTypeInfo(type)
    .patterns.flatMap((pattern) =>
      Array.isArray(pattern) ? [pattern[0], pattern[1], Math.floor((pattern[0] + pattern[1]) / 2)] : [pattern],
    )
    .map(String),
);

describe('checkCardNumberCached', () => {
  it('answers as checkCardNumber for every brand prefix, length and Luhn result, asked twice', () => {
    const random = seeded(15);
    const numbers = [...Object.values(testTokenCards), '', '4', '4242', '4242abcd42424242', '42424242424242424242'];
    for (const prefix of [...prefixes, '0', '1', '7', '8', '9']) {
      for (let length = 6; length <= 20; length++) {
        for (let round = 0; round < 4; round++) {
          const number = (prefix + digitsFrom(random, length)).slice(0, Math.max(length, prefix.length));
          numbers.push(number, withLuhn(number));
        }
      }
    }
    for (const number of numbers) {
      const expected = checkCardNumber(number);
      assert.deepEqual(checkCardNumberCached(number), expected, number);
      assert.deepEqual(checkCardNumberCached(number), expected, `${number}, from the cache`);
    }
  });
});
