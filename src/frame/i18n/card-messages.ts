import { fullYear, type CardBrand, type FieldCheck } from '../../validation/card';
import type { Expiry } from '../format';
import type { Catalog, Formatters } from './en';

/**
 * Card messages more helpful than the code's own, shared by every form that
 * shows a card field. Each returns null when the code's message is the right one.
 */

/** "Your card expired in March 2024." for a complete expiry in the past. */
export function expiredMessage(
  { month, year }: Expiry,
  check: FieldCheck,
  t: Catalog,
  format: Formatters,
  now = new Date(),
): string | null {
  const monthNumber = Number(month);
  if (check.state !== 'invalid' || year.length !== 2 || !(monthNumber >= 1 && monthNumber <= 12)) return null;
  const yearNumber = fullYear(year);
  const past = yearNumber * 12 + monthNumber <= now.getFullYear() * 12 + now.getMonth();
  return past ? t.messages.cardExpired(monthNumber, yearNumber, format) : null;
}

/**
 * "Your card's security code needs 3 digits." for a code too long for the
 * brand (typed before the number changed the brand). A code still being typed
 * keeps the code's own "incomplete" message, as the API words it.
 */
export function cvcDigitsMessage(
  check: FieldCheck,
  brand: CardBrand | null,
  t: Catalog,
  format: Formatters,
): string | null {
  return brand && check.state === 'invalid' ? t.messages.cvcDigits(brand.cvcLength, format) : null;
}
