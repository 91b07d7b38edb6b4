import type { HostMessageKey } from '../kinds/kind-descriptor';

export type HostText = 'loading' | 'failed' | 'retry' | HostMessageKey;

/** Where each text is in its language's line below (a `Record`, so a new key cannot be forgotten here). */
const positions: Record<HostText, number> = {
  loading: 0,
  failed: 1,
  retry: 2,
  card: 3,
  bankAccount: 4,
  cvc: 5,
  id: 6,
  number: 7,
  expiry: 8,
};

/**
 * The only words the host itself shows: the loading label, the failure notice
 * and its button, and the form's message while an element is incomplete (its
 * kind's `incomplete` key). One `|`-separated line per language keeps the
 * loader small. A language without a text shows the English one: the
 * incomplete messages are English only for now, because the loader may not
 * grow (each language adds about 130 bytes gzipped).
 */
const texts: Record<string, string> = {
  en:
    'Loading secure form|The secure form could not load.|Retry|Please complete your card details.|' +
    "Please complete your bank account details.|Please enter your card's security code.|Please enter your ID number.|" +
    "Please enter your card number.|Please enter your card's expiration date.",
  fr: 'Chargement du formulaire sécurisé|Le formulaire sécurisé n’a pas pu se charger.|Réessayer',
  de: 'Sicheres Formular wird geladen|Das sichere Formular konnte nicht geladen werden.|Erneut versuchen',
  es: 'Cargando el formulario seguro|No se pudo cargar el formulario seguro.|Reintentar',
  ja: '安全なフォームを読み込み中|安全なフォームを読み込めませんでした。|再試行',
  ar: 'جارٍ تحميل النموذج الآمن|تعذّر تحميل النموذج الآمن.|إعادة المحاولة',
};

/** The language of the host's texts for `locale`: its own if the host has it (`fr-CA` → `fr`), else English. */
export function hostLanguage(locale: string): string {
  const lang = locale.toLowerCase().split('-')[0];
  return Object.hasOwn(texts, lang) ? lang : 'en';
}

/** One of the host's texts in `locale`'s language, or in English where that language has none yet. */
export function hostText(locale: string, key: HostText): string {
  const index = positions[key];
  return texts[hostLanguage(locale)].split('|')[index] ?? texts.en.split('|')[index];
}
