import type { TokenError } from '../../protocol/messages';
import type { ValidationCode } from '../../validation/errors';
import en, { type Catalog, type Formatters } from './en';
import type { Language } from './languages';

/** A language the frame has a catalog for: English, or one of the lazy ones (languages.ts). */
export type { Language };

/** What the frame shows in: a catalog, its language, and the tag numbers and dates follow. */
export interface Localized {
  catalog: Catalog;
  language: Language;
  /** `fr-CA` while the catalog is `fr`; `en` when English stands in for an unsupported language. */
  locale: string;
}

/** `requested` as BCP 47 writes it (`de_at` → `de-AT`, `iw` → `he`; `en` when empty), or undefined when it is no tag. */
export function canonicalTag(requested: string | undefined): string | undefined {
  try {
    return Intl.getCanonicalLocales((requested ?? '').trim().replace(/_/g, '-') || 'en')[0];
  } catch {
    return undefined;
  }
}

/** The languages written right to left. */
export function directionOf(language: Language): 'ltr' | 'rtl' {
  return /^(ar|fa|he)$/.test(language) ? 'rtl' : 'ltr';
}

/**
 * The catalog for a requested tag. English is in the page and answers
 * without a request; any other tag loads the language list (languages.ts)
 * and then only its own language's chunk. An unsupported tag, or a chunk that
 * does not arrive, gives English rather than a frame that never becomes ready.
 */
export async function loadLocale(requested: string | undefined): Promise<Localized> {
  const tag = canonicalTag(requested);
  const english = (locale: string): Localized => ({ catalog: en, language: 'en', locale });
  if (!tag) return english('en');
  if (tag.split('-')[0] === 'en') return english(tag);
  try {
    return (await import('./languages').then((languages) => languages.localized(tag))) ?? english('en');
  } catch {
    return english('en');
  }
}

/**
 * Formatting for `locale`. The Intl objects are made on first use: building
 * them (region names above all) costs milliseconds that every frame would
 * otherwise spend before it can answer, for messages most customers never see.
 */
export function formatters(locale: string): Formatters {
  let numbers: Intl.NumberFormat | undefined;
  let months: Intl.DateTimeFormat | undefined;
  let regions: Intl.DisplayNames | undefined;
  return {
    number: (value) => (numbers ??= new Intl.NumberFormat(locale)).format(value),
    // UTC on both sides, so the month named is the month on the card whatever the customer's time zone; the
    // Gregorian calendar, the card's own, as Persian (`fa`) or Hijri (`ar-SA`) months begin mid-month.
    monthYear: (month, year) =>
      (months ??= new Intl.DateTimeFormat(locale, {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
        calendar: 'gregory',
      })).format(Date.UTC(year, month - 1, 1)),
    region: (code) => {
      try {
        return (regions ??= new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' })).of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
}

/**
 * A tokenize error in the customer's language: validation codes and the
 * service's known customer-facing codes are translated; anything else (a
 * merchant's configuration mistake, say) keeps the service's own message.
 */
export function localizeTokenError(error: TokenError, catalog: Catalog): TokenError {
  const { code, type } = error;
  const message =
    (code && Object.hasOwn(catalog.errors, code) ? catalog.errors[code as ValidationCode] : undefined) ??
    (code && Object.hasOwn(catalog.apiErrors, code)
      ? catalog.apiErrors[code as keyof Catalog['apiErrors']]
      : undefined) ??
    (type === 'api_error' ? catalog.apiErrors.api_error : undefined) ??
    (type === 'rate_limit_error' ? catalog.apiErrors.rate_limit : undefined) ??
    error.message;
  return { ...error, message };
}
