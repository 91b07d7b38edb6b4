/**
 * Stripe's `style` element option, mapped onto the appearance's rules so a
 * merchant coming from Stripe keeps their look: each variant styles the
 * inputs in one state, each pseudo-class nested in it one more selector, and
 * every property and value passes the appearance's allow-list and sanitizer.
 */

// Only from ./appearance (already loaded with the page): this chunk must have nothing of its own to preload.
import {
  appearanceCss,
  describe,
  entriesOf,
  ruleCss,
  variableDeclarations,
  type AppliedAppearance,
  type SupportsCheck,
} from './appearance';

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
  // The protocol lets only an object through; anything else is refused whole.
  if (typeof style !== 'object') return { css, refused: style === undefined ? [] : ['style must be an object'] };
  const given = Object.fromEntries(entriesOf(style));
  for (const name of Object.keys(given))
    if (!Object.hasOwn(variants, name)) refused.push(`style.${describe(name)} is not a variant`);
  for (const [variant, selector] of Object.entries(variants)) {
    const properties = given[variant];
    if (properties === undefined) continue;
    const where = `style.${variant}`;
    const own: Record<string, unknown> = {};
    let nested = '';
    for (const [name, value] of entriesOf(properties)) {
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
    // Not an object: ruleCss reports it.
    const object = typeof properties === 'object' && properties !== null && !Array.isArray(properties);
    css += ruleCss(selector, object ? own : properties, where, refused, supports) + nested;
  }
  return { css: css.replaceAll(':host{}', ''), refused };
}

/**
 * The stylesheet for `appearance`, then `style` (so Stripe's style wins where both say something), and what
 * both refused. The frame loads this module, and the appearance with it, only for a page that sends either.
 */
export function looksCss(appearance: unknown, style: unknown, supports: SupportsCheck): AppliedAppearance {
  const looks = [appearanceCss(appearance, supports), stripeStyleCss(style, supports)];
  return { css: looks.map(({ css }) => css).join(''), refused: looks.flatMap(({ refused }) => refused) };
}
