/** Input formatting for the card fields. Digits in, display text out. */
import { cardBrand, type CardBrand } from '../validation/card';

const MAX_CARD_DIGITS = 19;

/**
 * Digits as customers' keyboards type them, read as ASCII: Arabic-Indic
 * (٠-٩), Eastern Arabic-Indic (۰-۹, Persian and Urdu keyboards) and
 * full-width (０-９, Japanese and Chinese IMEs). Each block starts at a code
 * point ending in 0, so the last hex digit is the digit's value.
 */
export function asciiDigits(value: string): string {
  return value.replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, (digit) => String(digit.charCodeAt(0) & 0xf));
}

/** Full-width letters and digits (IMEs) and non-ASCII digits as ASCII, for fields that take letters too. */
export function normalizeTyped(value: string): string {
  return asciiDigits(value.normalize('NFKC'));
}

export function digitsOnly(value: string): string {
  return asciiDigits(value).replace(/\D/g, '');
}

/** `4242424242424242` with gaps [4, 8, 12] → `4242 4242 4242 4242`. */
function formatCardNumber(digits: string, gaps: readonly number[]): string {
  let formatted = '';
  for (let i = 0; i < digits.length; i++) {
    if (gaps.includes(i)) formatted += ' ';
    formatted += digits[i];
  }
  return formatted;
}

/** The most digits a number of this brand (or of any brand, while unknown) can have. */
export function maxCardDigits(brand: CardBrand | null): number {
  return brand ? Math.max(...brand.lengths) : MAX_CARD_DIGITS;
}

/** What the number field shows for what was typed: digits up to the brand's longest number, spaced by its gaps. */
export function formatCardNumberInput(value: string): string {
  const digits = digitsOnly(value);
  const brand = cardBrand(digits);
  return formatCardNumber(digits.slice(0, maxCardDigits(brand)), brand?.gaps ?? [4, 8, 12]);
}

export interface Expiry {
  month: string;
  year: string;
}

/** Reads what was typed as `MM / YY`; a first digit above 1 is a one-digit month (`4` → `04`). */
export function parseExpiry(value: string): Expiry {
  let digits = digitsOnly(value);
  if (/^[2-9]/.test(digits)) digits = `0${digits}`;
  digits = digits.slice(0, 4);
  return { month: digits.slice(0, 2), year: digits.slice(2) };
}

/** Adds the ` / ` once the month is complete, so deleting past it works naturally. */
export function formatExpiry({ month, year }: Expiry, deleting: boolean): string {
  if (year) return `${month} / ${year}`;
  if (month.length === 2 && !deleting) return `${month} / `;
  return month;
}
