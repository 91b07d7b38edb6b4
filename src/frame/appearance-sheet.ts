import type { Appearance, StripeStyle } from '../protocol/messages';
import { appearanceCss, type SupportsCheck } from './appearance';
import { stripeStyleCss } from './stripe-style';

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
 * refused; the same pair twice is applied (and reported) once.
 */
export function applyAppearance({ appearance, style }: { appearance?: Appearance; style?: StripeStyle }): string[] {
  const serialized = JSON.stringify([appearance, style]);
  if (serialized === applied) return [];
  applied = serialized;
  const supports: SupportsCheck = (property, value) => CSS.supports(property, value);
  const looks = [appearanceCss(appearance, supports), stripeStyleCss(style, supports)];
  appearanceSheet.replaceSync(looks.map(({ css }) => css).join(''));
  return looks.flatMap(({ refused }) => refused);
}
