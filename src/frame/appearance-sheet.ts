import type { Appearance, StripeStyle } from '../protocol/messages';
import { appearanceCss, type AppliedAppearance, type SupportsCheck } from './appearance';

/**
 * The merchant's appearance and Stripe `style` as one constructed stylesheet
 * that every frame component adopts after its own styles. Refilling it
 * restyles every field at once, and a constructed sheet is not inline style,
 * so the frame's CSP (`style-src 'self'`) stays as strict as it is.
 */
export const appearanceSheet = new CSSStyleSheet();

let applied = '';

/**
 * Applies `appearance`, then `style` (so Stripe's style wins where both say something), and returns what was
 * refused; the same pair twice is applied (and reported) once, and a pair superseded while its `style` mapping
 * loads is not applied at all. The mapping is its own chunk: a card page without `style` never downloads it.
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
  const supports: SupportsCheck = (property, value) => CSS.supports(property, value);
  const looks: AppliedAppearance[] = [appearanceCss(appearance, supports)];
  if (style !== undefined) looks.push((await import('./stripe-style')).stripeStyleCss(style, supports));
  if (serialized !== applied) return [];
  appearanceSheet.replaceSync(looks.map(({ css }) => css).join(''));
  return looks.flatMap(({ refused }) => refused);
}
