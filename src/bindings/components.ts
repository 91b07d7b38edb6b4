import type { TokenframeElement } from '../host/index';
import type * as Options from './options';

/**
 * The components React and Vue both make, one an element: its name (Stripe's) and its element's tag. Listed
 * once here, so a new element gets its component in both frameworks from one line here and one below.
 */
export const componentTags = {
  /** `<tokenframe-card>`: number, expiry, CVC and postal code in one frame (Stripe's Card Element). */
  CardElement: 'tokenframe-card',
  /** `<tokenframe-card-number>`: the number of a card split over three elements; tokenize this one. */
  CardNumberElement: 'tokenframe-card-number',
  /** `<tokenframe-card-expiry>`: the expiry of the split card. */
  CardExpiryElement: 'tokenframe-card-expiry',
  /** `<tokenframe-card-cvc>`: the CVC of the split card. */
  CardCvcElement: 'tokenframe-card-cvc',
  /** `<tokenframe-bank-account>`: a US account or an IBAN, tokenized to `btok_…`. */
  BankAccountElement: 'tokenframe-bank-account',
  /** `<tokenframe-cvc-update>`: the CVC of a saved card, tokenized to `cvctok_…`. */
  CvcUpdateElement: 'tokenframe-cvc-update',
  /** `<tokenframe-pii>`: an ID number (SSN, ITIN, …), tokenized to `pii_…`. */
  PiiElement: 'tokenframe-pii',
} as const;

/** The name of one of the components (`CardElement`, …). */
export type ComponentName = keyof typeof componentTags;

/** The tag of the element a component renders. */
export type ComponentTag = (typeof componentTags)[ComponentName];

/** The tag of one component's element (`tokenframe-card` for `CardElement`). */
export type TagOf<Name extends ComponentName> = (typeof componentTags)[Name];

/** The options each component takes, by its element's tag. */
export interface ComponentOptions {
  'tokenframe-card': Options.CardElementOptions;
  'tokenframe-card-number': Options.CardNumberOptions;
  'tokenframe-card-expiry': Options.ElementOptions;
  'tokenframe-card-cvc': Options.ElementOptions;
  'tokenframe-bank-account': Options.BankAccountElementOptions;
  'tokenframe-cvc-update': Options.CvcUpdateElementOptions;
  'tokenframe-pii': Options.PiiElementOptions;
}

/** The element class of a tag (`TokenframeCard` for `tokenframe-card`). */
export type ElementOfTag<Tag extends ComponentTag> = HTMLElementTagNameMap[Tag] & TokenframeElement;

/**
 * Every component, made by a framework's `make` from its tag and name. `Components` is the framework's mapped
 * type over `componentTags` (what `make` returns for each tag), which types each component on its own.
 */
export function makeComponents<Components extends Record<ComponentName, unknown>>(
  make: (tag: ComponentTag, name: ComponentName) => unknown,
): Components {
  const entries = Object.entries(componentTags) as [ComponentName, ComponentTag][];
  return Object.fromEntries(entries.map(([name, tag]) => [name, make(tag, name)])) as Components;
}
