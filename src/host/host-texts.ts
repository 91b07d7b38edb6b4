/** The texts, by their place in each language's line below. */
export const LOADING = 0;
export const FAILED = 1;
export const RETRY = 2;

/** One of the host's texts. */
export type HostText = typeof LOADING | typeof FAILED | typeof RETRY;

/**
 * The only words the host itself shows, because they are needed when there is
 * no frame to ask: the loading label, the failure notice and its button. One
 * `|`-separated line per language keeps the loader small. Every other word
 * comes from the frame's catalogs, in the customer's language.
 *
 * The frame speaks 34 languages; the loader keeps these six. It has no room
 * for the others (each line costs 60 to 90 bytes gzipped, against a 6 kB
 * budget it all but fills), and fetching them would need the very network
 * that just failed. So a Hebrew or Polish page shows the skeleton's hidden
 * label and the rare failure notice in English; everything in the fields is
 * in its language.
 */
const texts: Record<string, string> = {
  en: 'Loading secure form|The secure form could not load.|Retry',
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

/** One of the host's texts in `locale`'s language (English where the host does not have that language). */
export function hostText(locale: string, key: HostText): string {
  return texts[hostLanguage(locale)].split('|')[key];
}
