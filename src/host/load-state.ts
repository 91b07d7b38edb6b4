import { FAILED, hostLanguage, hostText, LOADING, RETRY } from './host-texts';

// One input-sized bar per 86px row (label above, error line below), in the page's own text colour, faintly,
// so it suits light and dark pages. The frame loads out of sight behind it; removing the skeleton reveals it.
const css =
  ':host{display:block;position:relative}' +
  // Until the frame reports its height. `color-scheme` as the frame's, so the browser keeps the frame transparent.
  'iframe{border:0;width:100%;display:block;height:44px;color-scheme:normal}' +
  '.skeleton~iframe{position:absolute;visibility:hidden}' +
  '.skeleton{background:repeating-linear-gradient(#0000 0 22px,currentColor 0 64px,#0000 0 86px);opacity:.1}' +
  '@media (prefers-reduced-motion:no-preference){.skeleton{animation:p 1s infinite alternate}}' +
  '@keyframes p{to{opacity:.04}}' +
  '.retry{display:flex;flex-flow:wrap;place-items:center;gap:12px;padding:12px}' +
  // The retry notice's is the only button.
  'button{font:inherit;padding:4px 14px;cursor:pointer}';

let sheet: CSSStyleSheet | undefined;

/** One constructed sheet for every element: not inline style, so a strict CSP on the merchant page allows it. */
export function loadStateSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

/** A pulsing placeholder as tall as `rows` rows of fields, named (and busy) for assistive technology. */
export function skeleton(rows: number, locale: string): HTMLElement {
  const lang = hostLanguage(locale);
  const placeholder = Object.assign(document.createElement('div'), {
    className: 'skeleton',
    role: 'status',
    lang,
    ariaLabel: hostText(lang, LOADING),
    ariaBusy: 'true',
  });
  // Through the CSSOM: a strict CSP on the merchant page refuses style attributes.
  placeholder.style.height = `${rows * 86}px`;
  return placeholder;
}

/** Shown when the frame never answered: what happened, and a button that tries again. */
export function retryNotice(locale: string, retry: () => void): HTMLElement {
  const lang = hostLanguage(locale);
  const notice = Object.assign(document.createElement('div'), {
    className: 'retry',
    role: 'alert',
    lang,
    // From its text: right to left in Arabic.
    dir: 'auto',
  });
  const button = Object.assign(document.createElement('button'), {
    type: 'button',
    textContent: hostText(lang, RETRY),
    onclick: retry,
  });
  notice.append(hostText(lang, FAILED), button);
  return notice;
}
