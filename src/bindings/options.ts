import type { Appearance, TokenframeElement } from '../host/index';
import type { FontSource, StripeStyle } from '../protocol/messages';

/**
 * The options every component takes, in Stripe's names (what `element.update(options)` takes in Stripe.js), so
 * options written for Stripe's components carry over.
 */
export interface ElementOptions {
  disabled?: boolean;
  /** The fields show their values but cannot be edited. */
  readOnly?: boolean;
  /** `auto` (the page's `lang`, then the browser's), or a language tag: `fr`, `he`, `zh-TW`, … */
  locale?: string;
  /** `{theme, variables, rules}`: how the fields look (see the README's Appearance section). */
  appearance?: Appearance;
  /** Stripe's `style` object (`base`, `complete`, `empty`, `invalid`, with `:focus`, `::placeholder`, …). */
  style?: StripeStyle;
  /** Stripe's `classes` (`base`, `complete`, `empty`, `focus`, `invalid`, `webkitAutofill`). */
  classes?: Record<string, string>;
  /** Stripe's `fonts`: `[{cssSrc}]` or `[{family, src, weight, style}]`, from the origins allowed for the key. */
  fonts?: FontSource[];
  /** The placeholder, or one per field (`number`, `expiry`, `cvc`, `postalCode`) for a multi-field element. */
  placeholder?: string | Record<string, string>;
  /** Hide the labels visually (they stay as the fields' accessible names). */
  hideLabels?: boolean;
  /** Labels instead of the catalog's, by field name. */
  labels?: Record<string, string>;
}

/** The card number's own options (on `<CardElement>` and `<CardNumberElement>`). */
export interface CardNumberOptions extends ElementOptions {
  /** `default` (colored) or `solid` brand icons. */
  iconStyle?: 'default' | 'solid';
  hideIcon?: boolean;
  /** The brands the merchant accepts, in Stripe's names (`visa`, `mastercard`, `amex`, …); others are refused. */
  brands?: readonly string[];
}

/** `<CardElement>`'s options. */
export interface CardElementOptions extends CardNumberOptions {
  hidePostalCode?: boolean;
  /** Prefilled values: Stripe's `value.postalCode`. */
  value?: { postalCode?: string };
  /** `stacked` (two rows, the default) or `single-line` (one row, like Stripe's Card Element). */
  layout?: 'stacked' | 'single-line';
}

/** `<BankAccountElement>`'s options. */
export interface BankAccountElementOptions extends ElementOptions {
  /** The account's country (default `US`); IBAN countries show an IBAN field. */
  country?: string;
  /** The account's currency, when not the country's own. */
  currency?: string;
}

/** `<CvcUpdateElement>`'s options. */
export interface CvcUpdateElementOptions extends ElementOptions {
  /** The saved card's brand (`visa`, `amex`, …); American Express expects 4 digits. */
  brand?: string;
}

/** `<PiiElement>`'s options. */
export interface PiiElementOptions extends ElementOptions {
  /** The ID's country (default `US`). */
  country?: string;
  /** `ssn` (default) or `itin`, for US numbers. */
  idType?: 'ssn' | 'itin';
}

type Options = Readonly<Record<string, unknown>>;

/**
 * What an element is rather than how it shows: these stay attributes (`country`, `id-type`, …), which every
 * version of the elements reads, and never go through `update()`.
 */
const attributeOptions = new Set(['country', 'currency', 'brand', 'idType']);

/**
 * Gives the element the options that changed since `previous`. An element with Stripe's `update(options)` gets
 * them that way, in one call; an element without it (a loader from before `update()`) gets each one as its
 * attribute (`hidePostalCode` → `hide-postal-code`) and `appearance` as its property. Options that are
 * objects (`style`, `fonts`, `labels`, …) have no attribute: only an element with `update()` takes them.
 */
export function applyOptions(element: TokenframeElement, options: Options, previous: Options): void {
  const update = (element as { update?: unknown }).update;
  const updatable = typeof update === 'function';
  const changed: Record<string, unknown> = {};
  for (const name of new Set([...Object.keys(previous), ...Object.keys(options)])) {
    const value = options[name];
    if (JSON.stringify(value) === JSON.stringify(previous[name])) continue;
    if (updatable && !attributeOptions.has(name)) changed[name] = value;
    else if (name === 'appearance') element.appearance = value as Appearance | undefined;
    else setAttributeOption(element, name, value);
  }
  if (updatable && Object.keys(changed).length > 0) (update as (options: object) => void).call(element, changed);
}

/** One option as its attribute: a string or number as its text, a list comma-separated, a flag as presence. */
function setAttributeOption(element: Element, name: string, value: unknown): void {
  const attribute = name === 'readOnly' ? 'readonly' : name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  if (typeof value === 'string' || typeof value === 'number') element.setAttribute(attribute, String(value));
  else if (Array.isArray(value)) element.setAttribute(attribute, value.join(','));
  else if (value === true) element.setAttribute(attribute, '');
  else if (value === false || value === undefined || value === null) element.removeAttribute(attribute);
}
