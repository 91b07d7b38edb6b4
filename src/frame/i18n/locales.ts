import type { TokenError } from '../../protocol/messages';
import type { ValidationCode } from '../../validation/errors';
import en, { type Catalog, type Formatters } from './en';

export const supportedLanguages = ['en', 'fr', 'de', 'es', 'ja', 'ar'] as const;
export type Language = (typeof supportedLanguages)[number];

export interface LocaleMatch {
  /** The catalog to show: `fr` for `fr-CA`, `en` for anything unsupported. */
  language: Language;
  /** The tag numbers and dates are formatted with: the requested one when its language is supported. */
  locale: string;
}

/**
 * The best catalog for a requested BCP 47 tag: the exact tag, then its
 * language subtag (`fr-CA` → `fr`, `ar-EG` → `ar`), else English. A tag that
 * is not valid BCP 47 counts as unsupported.
 */
export function matchLocale(requested: string | undefined): LocaleMatch {
  let tag: string;
  try {
    tag = Intl.getCanonicalLocales((requested ?? '').trim().replace(/_/g, '-') || 'en')[0];
  } catch {
    return { language: 'en', locale: 'en' };
  }
  const lower = tag.toLowerCase();
  const language =
    supportedLanguages.find((l) => l === lower) ?? supportedLanguages.find((l) => l === lower.split('-')[0]);
  return language ? { language, locale: tag } : { language: 'en', locale: 'en' };
}

export function directionOf(language: Language): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** English ships in the main bundle; the other languages load only when asked for. */
export async function loadCatalog(language: Language): Promise<Catalog> {
  if (language === 'en') return en;
  try {
    return (await import('./translations'))[language];
  } catch {
    // The chunk unreachable: English rather than a frame that never becomes ready.
    return en;
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
    // UTC on both sides, so the month named is the month on the card whatever the customer's time zone.
    monthYear: (month, year) =>
      (months ??= new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' })).format(
        Date.UTC(year, month - 1, 1),
      ),
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
