import type { Appearance, TokenframeElement } from '../host/index';
import type { ElementOptions as HostElementOptions } from '../host/element-options';

/** Options that only some elements take: each component's own options below add the ones it has. */
type ElementSpecific =
  | 'placeholders'
  | 'hidePostalCode'
  | 'value'
  | 'iconStyle'
  | 'hideIcon'
  | 'brands'
  | 'layout'
  | 'country'
  | 'currency'
  | 'brand'
  | 'idType';

/**
 * The options every component takes, in Stripe's names: what the element's own `update(options)` takes
 * (src/host/element-options.ts, the one definition), less the options of particular elements.
 */
export type ElementOptions = Omit<HostElementOptions, ElementSpecific>;

/** The card number's own options (on `<CardElement>` and `<CardNumberElement>`). */
export interface CardNumberOptions
  extends ElementOptions, Pick<HostElementOptions, 'iconStyle' | 'hideIcon' | 'brands'> {}

/** `<CardElement>`'s options. */
export interface CardElementOptions
  extends CardNumberOptions, Pick<HostElementOptions, 'placeholders' | 'hidePostalCode' | 'value' | 'layout'> {}

/** `<BankAccountElement>`'s options. */
export interface BankAccountElementOptions
  extends ElementOptions, Pick<HostElementOptions, 'placeholders' | 'country' | 'currency'> {}

/** `<CvcUpdateElement>`'s options. */
export interface CvcUpdateElementOptions extends ElementOptions, Pick<HostElementOptions, 'brand'> {}

/** `<PiiElement>`'s options. */
export interface PiiElementOptions extends ElementOptions, Pick<HostElementOptions, 'country'> {
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
  if (!customElements.get(element.localName)) {
    // Rendered before the elements' module has loaded (see host.ts): the options go once the element is one.
    void customElements.whenDefined(element.localName).then(() => applyOptions(element, options, previous));
    return;
  }
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
