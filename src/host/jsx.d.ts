/**
 * JSX types for the tokenframe elements in React 19 (TSX). Reference this file
 * once, e.g. `/// <reference path="…/tokenframe/src/host/jsx.d.ts" />`, after
 * `import 'tokenframe'` has defined the elements:
 *
 * ```tsx
 * const card = useRef<TokenframeCard>(null);
 * <tokenframe-card ref={card} publishable-key="pk_test_…" origin="https://vault.example" />;
 * ```
 *
 * React 19 sets a prop as a property when the element has one of that name and
 * as an attribute otherwise; `true` sets an empty attribute, `false` removes it.
 * Listen to the elements' events (`ready`, `change`, `focus`, `blur`,
 * `loaderror`) with `addEventListener` on the ref, or use the components of
 * `tokenframe/react`, which do.
 */
import type { ClassAttributes, HTMLAttributes } from 'react';
import type {
  Appearance,
  TokenframeBankAccount,
  TokenframeCard,
  TokenframeCardCvc,
  TokenframeCardExpiry,
  TokenframeCardNumber,
  TokenframeCvcUpdate,
  TokenframePii,
} from './index';

/** The attributes every tokenframe element takes. */
interface TokenframeAttributes<E extends HTMLElement> extends ClassAttributes<E>, HTMLAttributes<E> {
  /**
   * The publishable key (`pk_test_…`). React keeps the `key` prop for itself
   * and never passes it to the element, so the element also reads it from
   * `publishable-key` (or from `configure({ publishableKey })`).
   */
  'publishable-key'?: string;
  /** The tokenization service's origin; needed when the elements come from a bundle rather than the loader script. */
  origin?: string;
  /** Submits the token ID under this name with its form; on submit the element tokenizes first. */
  name?: string;
  /** The form cannot be submitted while the element is empty. */
  required?: boolean;
  /** Disables every field. */
  disabled?: boolean;
  /** Milliseconds the frame may take to load before `loaderror` (default 10000). */
  'load-timeout'?: number | string;
  /** The language: `auto` (default: the page's `lang`, then the browser's) or a tag such as `fr`, `he`. */
  locale?: string;
  /** How the fields look: `{theme, variables, rules}`, as an object (set as the property) or JSON text. */
  appearance?: Appearance | string;
  /** The fields show their values but cannot be edited. */
  readonly?: boolean;
  /** The placeholder instead of the default one. */
  placeholder?: string;
  /** Hide the labels visually (they stay as the fields' accessible names). */
  'hide-labels'?: boolean;
}

/** The card number's brand icon and accepted brands (the card and the split card's number). */
interface CardNumberAttributes {
  /** No brand icon in the number field. */
  'hide-icon'?: boolean;
  /** `default` (colored) or `solid` brand icons. */
  'icon-style'?: 'default' | 'solid';
  /** The accepted brands, comma-separated in Stripe's names: `visa,mastercard`. */
  brands?: string;
}

/** The split card fields: one card per group (random id per page), laid out freely. */
interface CardFieldAttributes<E extends HTMLElement> extends TokenframeAttributes<E> {
  /** Which card the element belongs to, when a page holds several; elements without one form one card. */
  group?: string;
}

declare module 'react' {
  // React 19 reads intrinsic elements from the `JSX` namespace of the 'react' module.
  namespace JSX {
    interface IntrinsicElements {
      'tokenframe-card': TokenframeAttributes<TokenframeCard> &
        CardNumberAttributes & {
          /** Leave the postal code out (when the merchant collects the address itself). */
          'hide-postal-code'?: boolean;
          /** `stacked` (two rows, the default) or `single-line` (one row, like Stripe's Card Element). */
          layout?: 'stacked' | 'single-line';
        };
      'tokenframe-bank-account': TokenframeAttributes<TokenframeBankAccount> & {
        /** The account's country (default `US`); IBAN countries show an IBAN field. */
        country?: string;
        /** The account's currency, when not the country's own. */
        currency?: string;
      };
      'tokenframe-cvc-update': TokenframeAttributes<TokenframeCvcUpdate> & {
        /** The saved card's brand (`visa`, `amex`, …); American Express expects 4 digits. */
        brand?: string;
      };
      'tokenframe-pii': TokenframeAttributes<TokenframePii> & {
        /** The ID's country (default `US`). */
        country?: string;
        /** `ssn` (default) or `itin`, for US numbers. */
        'id-type'?: 'ssn' | 'itin';
      };
      'tokenframe-card-number': CardFieldAttributes<TokenframeCardNumber> & CardNumberAttributes;
      'tokenframe-card-expiry': CardFieldAttributes<TokenframeCardExpiry>;
      'tokenframe-card-cvc': CardFieldAttributes<TokenframeCardCvc>;
    }
  }
}
