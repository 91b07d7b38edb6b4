import creditCardType from 'credit-card-type';
import luhn10 from 'card-validator/dist/luhn-10.js';
import { checkCardNumber, type NumberCheck } from './card';

// The service's number check (the frame checks a number as it is typed, and
// has no use for this): credit-card-type copies its whole brand table on
// every call, which was a tenth of the service's time per token.

/**
 * How many leading digits decide a number's brand: the longest prefix in
 * credit-card-type's table. A number at least this long is matched on these
 * digits alone.
 */
const brandPrefixLength = Math.max(
  ...Object.values(creditCardType.types).flatMap((type) =>
    creditCardType
      .getTypeInfo(type)
      .patterns.map((pattern) => String(Array.isArray(pattern) ? pattern[0] : pattern).length),
  ),
);

/** Beyond this many prefixes the cache starts over, so a flood of distinct numbers cannot grow it. */
const maxCachedChecks = 10_000;

const checks = new Map<string, NumberCheck>();

/**
 * `checkCardNumber(digits)` (every brand accepted), remembered by what alone
 * decides it for a number of digits at least `brandPrefixLength` long: its
 * first digits, its length and whether its Luhn check passes. The number
 * itself is never kept; only the prefix, a card's public BIN. Anything else
 * (shorter, or not only digits) is checked as before.
 */
export function checkCardNumberCached(digits: string): NumberCheck {
  if (digits.length < brandPrefixLength || !/^\d+$/.test(digits)) return checkCardNumber(digits);
  const key = `${digits.slice(0, brandPrefixLength)}/${digits.length}/${luhn10(digits) ? 1 : 0}`;
  let check = checks.get(key);
  if (!check) {
    if (checks.size >= maxCachedChecks) checks.clear();
    check = checkCardNumber(digits);
    // Shared by every later number with this key: nobody may change it.
    if (check.brand) Object.freeze(check.brand);
    checks.set(key, Object.freeze(check));
  }
  return check;
}
