/**
 * Stripe's `style` element option, mapped onto the appearance's rules so a
 * merchant coming from Stripe keeps their look: each variant styles the
 * inputs in one state, each pseudo-class nested in it one more selector, and
 * every property and value passes the appearance's allow-list and sanitizer.
 */

import { isPlainObject } from '../protocol/messages';
import { describe, ruleCss, variableDeclarations, type AppliedAppearance, type SupportsCheck } from './appearance';

/** Each variant's selector, in the order their rules are written: a state wins over `base`, `invalid` over all. */
const variants: Record<string, string> = {
  base: '.Input',
  empty: '.Input--empty',
  complete: '.Input--complete',
  invalid: '.Input--invalid',
};

/** Stripe's pseudo-classes; `::-ms-clear` styled a control only Internet Explorer drew, so it is accepted and left out. */
const pseudoClasses = [
  ':hover',
  ':focus',
  '::placeholder',
  '::selection',
  ':-webkit-autofill',
  ':disabled',
  '::-ms-clear',
];

export function stripeStyleCss(style: unknown, supports?: SupportsCheck): AppliedAppearance {
  const refused: string[] = [];
  let css = '';
  if (!isPlainObject(style)) return { css, refused: style === undefined ? [] : ['style must be an object'] };
  for (const name of Object.keys(style))
    if (!Object.hasOwn(variants, name)) refused.push(`style.${describe(name)} is not a variant`);
  for (const [variant, selector] of Object.entries(variants)) {
    const properties = style[variant];
    if (properties === undefined) continue;
    const where = `style.${variant}`;
    const own: Record<string, unknown> = {};
    let nested = '';
    for (const [name, value] of isPlainObject(properties) ? Object.entries(properties) : []) {
      if (pseudoClasses.includes(name)) {
        if (name !== '::-ms-clear')
          nested += ruleCss(selector + name, value, `${where}[${describe(name)}]`, refused, supports);
      } else if (name === 'iconColor') {
        // The brand icon sits beside the input, not in it: a custom property reaches it,
        // `--tf-icon-color` for base, `--tf-icon-invalid-color` (…) for a state.
        const property = `--tf-icon${variant === 'base' ? '' : `-${variant}`}-color`;
        css += `:host{${variableDeclarations(name, value, `${where}.iconColor`, refused, supports, [property])}}`;
      } else {
        // Stripe's `fontSmoothing` is the property WebKit and Blink name `-webkit-font-smoothing`.
        own[name === 'fontSmoothing' ? 'WebkitFontSmoothing' : name] = value;
      }
    }
    css += ruleCss(selector, isPlainObject(properties) ? own : properties, where, refused, supports) + nested;
  }
  return { css: css.replaceAll(':host{}', ''), refused };
}
