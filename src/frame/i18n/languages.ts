import type { Catalog } from './en';
import { canonicalTag, type Localized } from './locales';

/**
 * Every language the frame speaks besides English, each its own lazy chunk
 * (1 to 1.5 kB gzipped). This module is a chunk too (0.8 kB gzipped with
 * the matching below), loaded only for a tag that is not English, so the
 * English card page carries neither the list nor a file name per language.
 * A French customer downloads this and the French catalog, 2 kB in all; one
 * chunk of every catalog, as with five languages before, would be 26 kB. The
 * separate chunks add up to 40 kB (each repeats the keys and gzip's start-up),
 * a cost only in the every-language size budget, which nobody downloads whole.
 */
const catalogs = {
  ar: () => import('./ar'),
  bg: () => import('./bg'),
  cs: () => import('./cs'),
  da: () => import('./da'),
  de: () => import('./de'),
  el: () => import('./el'),
  es: () => import('./es'),
  fa: () => import('./fa'),
  fi: () => import('./fi'),
  fr: () => import('./fr'),
  he: () => import('./he'),
  hi: () => import('./hi'),
  hr: () => import('./hr'),
  hu: () => import('./hu'),
  id: () => import('./id'),
  it: () => import('./it'),
  ja: () => import('./ja'),
  ko: () => import('./ko'),
  ms: () => import('./ms'),
  nb: () => import('./nb'),
  nl: () => import('./nl'),
  pl: () => import('./pl'),
  pt: () => import('./pt'),
  ro: () => import('./ro'),
  ru: () => import('./ru'),
  sk: () => import('./sk'),
  sv: () => import('./sv'),
  th: () => import('./th'),
  tr: () => import('./tr'),
  uk: () => import('./uk'),
  vi: () => import('./vi'),
  zh: () => import('./zh'),
  'zh-Hant': () => import('./zh-hant'),
} satisfies Record<string, () => Promise<{ default: Catalog }>>;

export type Language = 'en' | keyof typeof catalogs;

/** Every catalog's language: English and the lazy ones. */
export const supportedLanguages = ['en', ...Object.keys(catalogs)] as Language[];

/**
 * Tags whose language subtag names no catalog of its own but one that its
 * readers read: Norwegian (`no`, and Nynorsk) reads Bokmål, Cantonese
 * Traditional Chinese. Old codes such as
 * `iw` (Hebrew) and `in` (Indonesian) need nothing here: `Intl` canonicalizes them.
 */
const aliases: Record<string, Language> = { no: 'nb', nn: 'nb', yue: 'zh-Hant' };

/** Chinese in Traditional characters: asked for by script, or by a region that writes it. */
const traditionalChinese = /^zh-(hant\b|(tw|hk|mo)\b)/;

export interface LocaleMatch {
  /** The catalog to show: `fr` for `fr-CA`, `zh-Hant` for `zh-TW`, `en` for anything unsupported. */
  language: Language;
  /** The tag numbers and dates are formatted with: the requested one when its language is supported. */
  locale: string;
}

/**
 * The best catalog for a requested BCP 47 tag: Traditional Chinese by script
 * or region, then the language subtag (`fr-CA` → `fr`, `no` → `nb`), else
 * English. A tag that is not valid BCP 47 counts as unsupported.
 */
export function matchLocale(requested: string | undefined): LocaleMatch {
  const tag = canonicalTag(requested);
  if (!tag) return { language: 'en', locale: 'en' };
  const lower = tag.toLowerCase();
  const subtag = lower.split('-')[0];
  const language = traditionalChinese.test(lower)
    ? 'zh-Hant'
    : (aliases[subtag] ?? supportedLanguages.find((l) => l === subtag));
  return language ? { language, locale: tag } : { language: 'en', locale: 'en' };
}

/**
 * The catalog for a tag that is not English, loading its chunk; null when no
 * catalog matches (the frame then stays in English, which it already has).
 */
export async function localized(tag: string): Promise<Localized | null> {
  const { language, locale } = matchLocale(tag);
  return language === 'en' ? null : { language, locale, catalog: (await catalogs[language]()).default };
}
