/** Input formatting for the card fields. Digits in, display text out. */
import { cardBrand } from '../validation/card';

/**
 * Digits as customers' keyboards type them, read as ASCII: Arabic-Indic
 * (٠-٩), Eastern Arabic-Indic (۰-۹, Persian and Urdu keyboards), Devanagari
 * (०-९, Hindi), Thai (๐-๙) and full-width (０-９, Japanese and Chinese IMEs).
 * Each block but Devanagari's starts at a code point ending in 0, so the last
 * hex digit is the digit's value; Devanagari's starts at U+0966, 6 further on.
 */
export function asciiDigits(value: string): string {
  return value.replace(/[٠-٩۰-۹०-९๐-๙０-９]/g, (digit) => {
    const code = digit.charCodeAt(0);
    return String((code - (code >> 4 === 0x96 ? 6 : 0)) & 0xf);
  });
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

/** What the number field shows for what was typed: digits up to the brand's longest number, spaced by its gaps. */
export function formatCardNumberInput(value: string): string {
  const digits = digitsOnly(value);
  const brand = cardBrand(digits);
  // 19 digits at most while the brand is unknown, the longest any brand has.
  return formatCardNumber(digits.slice(0, brand ? Math.max(...brand.lengths) : 19), brand?.gaps ?? [4, 8, 12]);
}

export interface Expiry {
  month: string;
  year: string;
}

/**
 * Reads an expiry however it was typed, pasted or autofilled: `MM/YY`,
 * `MM/YYYY`, `M/YY`, `MMYY`, `MMYYYY`, with or without spaces, any separator
 * (`/`, `-`, `.`) and any script's digits. A month of one or two digits
 * followed by a separator is the month (`1/30` is January); digits without
 * one take a one-digit month only where no two-digit month could start
 * (`4` → `04`, `13` → `01 / 3`). A year of four digits keeps its last two
 * (`2030` → `30`); three digits starting `20` are a four-digit year still
 * being typed, kept as they are.
 */
export function parseExpiry(value: string): Expiry {
  const text = asciiDigits(value);
  const [first = '', ...rest] = text.match(/\d+/g) ?? [];
  let month = first;
  let year = rest.join('');
  if (first.length > 2 || !/\d\D/.test(text)) {
    const digits = text.replace(/\D/g, '').replace(/^([2-9]|1[3-9])/, '0$1');
    month = digits.slice(0, 2);
    year = digits.slice(2);
  } else if (!year && /^[1-9]$/.test(month)) {
    month = `0${month}`;
  }
  return { month, year: /^20\d\d/.test(year) ? year.slice(2, 4) : year.slice(0, /^20\d$/.test(year) ? 3 : 2) };
}

/**
 * What the field shows: `MM / YY`, the ` / ` added once the month is
 * complete, and a one-digit month given its `0`, except while deleting, so
 * deleting past them works naturally.
 */
export function formatExpiry({ month, year }: Expiry, deleting: boolean): string {
  if (!deleting && month.length === 1 && year) month = `0${month}`;
  if (year) return `${month} / ${year}`;
  if (month.length === 2 && !deleting) return `${month} / `;
  return month;
}
