import type { Appearance, StripeStyle } from '../protocol/messages';

/**
 * The merchant's appearance and Stripe `style` as one constructed stylesheet
 * that every frame component adopts after its own styles. Refilling it
 * restyles every field at once, and a constructed sheet is not inline style,
 * so the frame's CSP (`style-src 'self'`) stays as strict as it is.
 */
export const appearanceSheet = new CSSStyleSheet();

/** What is applied now; at first the default look, which `init` without appearance or style serializes to. */
let applied = JSON.stringify([undefined, undefined]);

/**
 * Applies `appearance`, then `style`, and returns what was refused; the same pair twice is applied (and
 * reported) once, and a pair superseded while the mapping loads is not applied at all. The mapping
 * (appearance.ts, stripe-style.ts) is a chunk of its own: a card page in the default look never downloads it.
 */
export async function applyAppearance({
  appearance,
  style,
}: {
  appearance?: Appearance;
  style?: StripeStyle;
}): Promise<string[]> {
  const serialized = JSON.stringify([appearance, style]);
  if (serialized === applied) return [];
  applied = serialized;
  const { looksCss } = await import('./stripe-style');
  if (serialized !== applied) return [];
  const { css, refused } = looksCss(appearance, style, (property, value) => CSS.supports(property, value));
  appearanceSheet.replaceSync(css);
  return refused;
}
