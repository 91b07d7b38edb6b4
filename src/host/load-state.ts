import type { ElementKind } from '../protocol/messages';

/** Loading label | failure message | retry button: the only words the host itself shows. */
const texts: Record<string, string> = {
  en: 'Loading secure form|The secure form could not load.|Retry',
  fr: 'Chargement du formulaire sécurisé|Le formulaire sécurisé n’a pas pu se charger.|Réessayer',
  de: 'Sicheres Formular wird geladen|Das sichere Formular konnte nicht geladen werden.|Erneut versuchen',
  es: 'Cargando el formulario seguro|No se pudo cargar el formulario seguro.|Reintentar',
  ja: '安全なフォームを読み込み中|安全なフォームを読み込めませんでした。|再試行',
  ar: 'جارٍ تحميل النموذج الآمن|تعذّر تحميل النموذج الآمن.|إعادة المحاولة',
};

/** Rows of fields in each kind's form, so the skeleton is as tall as the fields it stands for. */
const rows: Record<ElementKind, number> = {
  card: 2,
  'bank-account': 3,
  'cvc-update': 1,
  pii: 1,
  'card-number': 1,
  'card-expiry': 1,
  'card-cvc': 1,
};

// One input-sized bar per 86px row (label above, error line below), in the page's own text colour, faintly,
// so it suits light and dark pages. The frame loads out of sight behind it; removing the skeleton reveals it.
const css = `:host{display:block;position:relative}
.skeleton~iframe{position:absolute;visibility:hidden}
.skeleton{background:repeating-linear-gradient(#0000 0 22px,currentColor 0 64px,#0000 0 86px);opacity:.1;animation:p 1s infinite alternate}
@keyframes p{to{opacity:.04}}
@media (prefers-reduced-motion:reduce){.skeleton{animation:none}}
.retry{display:flex;flex-wrap:wrap;align-items:center;gap:12px;padding:12px}
.retry button{font:inherit;padding:4px 14px;cursor:pointer}`;

let sheet: CSSStyleSheet | undefined;

/** One constructed sheet for every element: not inline style, so a strict CSP on the merchant page allows it. */
export function loadStateSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

/** The element's language if the host has it (`fr-CA` → `fr`), else English, with its three texts. */
function textsFor(locale: string): string[] {
  const lang = locale.toLowerCase().split('-')[0];
  const known = Object.hasOwn(texts, lang) ? lang : 'en';
  return [known, ...texts[known].split('|')];
}

/** A pulsing placeholder the height of `kind`'s fields, named (and busy) for assistive technology. */
export function skeleton(kind: ElementKind, locale: string): HTMLElement {
  const [lang, label] = textsFor(locale);
  const placeholder = Object.assign(document.createElement('div'), { className: 'skeleton', role: 'status', lang });
  placeholder.ariaLabel = label;
  placeholder.ariaBusy = 'true';
  // Through the CSSOM: a strict CSP on the merchant page refuses style attributes.
  placeholder.style.height = `${rows[kind] * 86}px`;
  return placeholder;
}

/** Shown when the frame never answered: what happened, and a button that tries again. */
export function retryNotice(locale: string, retry: () => void): HTMLElement {
  const [lang, , message, action] = textsFor(locale);
  const notice = Object.assign(document.createElement('div'), { className: 'retry', role: 'alert', lang });
  notice.dir = lang === 'ar' ? 'rtl' : 'ltr';
  const button = Object.assign(document.createElement('button'), {
    type: 'button',
    textContent: action,
    onclick: retry,
  });
  notice.append(message, button);
  return notice;
}
