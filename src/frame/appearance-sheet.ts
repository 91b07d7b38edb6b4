import type { Appearance } from '../protocol/messages';
import { appearanceCss } from './appearance';

/**
 * The merchant's appearance as one constructed stylesheet that every frame
 * component adopts after its own styles. Refilling it restyles every field at
 * once, and a constructed sheet is not inline style, so the frame's CSP
 * (`style-src 'self'`) stays as strict as it is.
 */
export const appearanceSheet = new CSSStyleSheet();

let applied = '';

/** Applies `appearance` and returns what was refused; the same appearance twice is applied (and reported) once. */
export function applyAppearance(appearance: Appearance | undefined): string[] {
  const serialized = JSON.stringify(appearance ?? {});
  if (serialized === applied) return [];
  applied = serialized;
  const { css, refused } = appearanceCss(appearance, (property, value) => CSS.supports(property, value));
  appearanceSheet.replaceSync(css);
  return refused;
}
