/**
 * The language an element shows: its `locale` attribute, unless absent or
 * `auto`; then the host page's language (the nearest `lang` around the
 * element, as the page declares it); then the browser's. The frame picks the
 * closest language it has and falls back to English.
 */
export function resolveLocale(element: Element): string {
  const requested = element.getAttribute('locale')?.trim();
  if (requested && requested !== 'auto') return requested;
  const pageLanguage = element.closest('[lang]')?.getAttribute('lang')?.trim();
  return pageLanguage || navigator.language || 'en';
}
