import { html, svg, type SVGTemplateResult } from 'lit';
import { stripeBrand } from '../../validation/brand-by-name';

/**
 * The card brand icons shown in the number field: a 24×16 card in the brand's
 * colour with a short mark, drawn inline (no image request, nothing the frame's
 * CSP must allow). Text marks use the system font, styled in text-field.styles.ts,
 * which also draws the `solid` variant in one colour (`currentColor`). The
 * brand's name is a class of the icon.
 */

const rings = (left: string, right: string) =>
  svg`<circle cx="9.5" cy="8" r="5" fill=${left} /><circle cx="14.5" cy="8" r="5" fill=${right} opacity=".8" />`;

/** Per brand (Stripe's names), the card's colour and its mark: text, or a drawing. */
const icons: Record<string, [string, string | SVGTemplateResult]> = {
  visa: ['#1a1f71', 'VISA'],
  mastercard: ['#222', rings('#eb001b', '#f79e1b')],
  amex: ['#016fd0', 'AMEX'],
  discover: ['#e5631d', 'DISC'],
  diners: ['#0079be', 'DC'],
  jcb: ['#0e4c96', 'JCB'],
  unionpay: ['#d10429', 'UP'],
  maestro: ['#222', rings('#eb001b', '#00a2e5')],
  elo: ['#000', 'elo'],
  mir: ['#0f754e', 'MIR'],
  hiper: ['#f37021', 'Hiper'],
  hipercard: ['#b3131b', 'Hiper'],
  // A plain card (a chip and a line of digits) while the brand is unknown, a warning when the number is wrong.
  unknown: ['#8792a2', svg`<path fill="#fff" d="M3 4h5v4H3zm0 6h14v2H3z" />`],
  error: ['#df1b41', svg`<path fill="#fff" d="M11 3h2v6h-2zm0 8h2v2h-2z" />`],
};

/**
 * The icon for a card-validator brand type (null while unknown, `error` for a
 * number that is wrong), in colour or `solid`. Decorative: the field names the
 * brand in text.
 */
export function brandIcon(type: string | undefined, solid: boolean) {
  const brand = stripeBrand(type);
  const name = Object.hasOwn(icons, brand) ? brand : 'unknown';
  const [fill, mark] = icons[name];
  return html`<svg class="icon ${name} ${solid ? 'solid' : ''}" viewBox="0 0 24 16" aria-hidden="true">
    <rect x=".5" y=".5" width="23" height="15" rx="2" fill=${fill} />
    ${typeof mark === 'string' ? svg`<text x="12" y="10.5" fill="#fff">${mark}</text>` : mark}
  </svg>`;
}
