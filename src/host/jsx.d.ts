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
 * Listen to the elements' events (`ready`, `change`, `focus`, `blur`, `escape`,
 * `loaderror`) with `addEventListener` on the ref; Stripe's options that have no
 * attribute (`style`, `classes`, `fonts`) go through `ref.current.update({…})`.
 * The components of `tokenframe/react` do both.
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
  /** The language of labels and messages (`en`, `fr`, …); `auto` (the default) follows the page's `lang`. */
  locale?: string;
  /** How the fields look: an object (set as the `appearance` property) or its JSON. */
  appearance?: Appearance | string;
  /** The fields show their values but cannot be edited (Stripe's `readOnly`). */
  readonly?: boolean;
  /** Hides the field labels visually; they stay the fields' accessible names. */
  'hide-labels'?: boolean;
  /** Labels by field, as JSON: `{"number": "Card"}`. */
  labels?: string;
  /** Placeholders by field, as JSON: `{"number": "1234 1234 1234 1234"}`. */
  placeholders?: string;
}

/** Elements with one field: `placeholder` is that field's. */
interface SingleFieldAttributes<E extends HTMLElement> extends TokenframeAttributes<E> {
  /** The field's placeholder. */
  placeholder?: string;
}

/** The card's brand options (card and card number). */
interface BrandIconAttributes {
  /** The brands accepted, space- or comma-separated in Stripe's words (`visa mastercard amex`). */
  brands?: string;
  /** `default` (colored) or `solid` brand icons. */
  'icon-style'?: 'default' | 'solid';
  /** No brand icon. */
  'hide-icon'?: boolean;
}

/** The split card fields: one card per group (random id per page), laid out freely. */
interface CardFieldAttributes<E extends HTMLElement> extends SingleFieldAttributes<E> {
  /** Which card the element belongs to, when a page holds several; elements without one form one card. */
  group?: string;
}

declare module 'react' {
  // React 19 reads intrinsic elements from the `JSX` namespace of the 'react' module.
  namespace JSX {
    interface IntrinsicElements {
      'tokenframe-card': TokenframeAttributes<TokenframeCard> &
        BrandIconAttributes & {
          /** Leave the postal code out (when the merchant collects the address itself). */
          'hide-postal-code'?: boolean;
          /** Prefills the postal code (Stripe's `value.postalCode`). */
          'postal-code'?: string;
          /** `stacked` (two rows, the default) or `single-line` (one row, like Stripe's Card Element). */
          layout?: 'stacked' | 'single-line';
        };
      'tokenframe-bank-account': TokenframeAttributes<TokenframeBankAccount> & {
        /** The account's country (default `US`); IBAN countries show an IBAN field. */
        country?: string;
        /** The account's currency, when not the country's own. */
        currency?: string;
      };
      'tokenframe-cvc-update': SingleFieldAttributes<TokenframeCvcUpdate> & {
        /** The saved card's brand (`visa`, `amex`, …); American Express expects 4 digits. */
        brand?: string;
      };
      'tokenframe-pii': SingleFieldAttributes<TokenframePii> & {
        /** The ID's country (default `US`). */
        country?: string;
        /** `ssn` (default) or `itin`, for US numbers. */
        'id-type'?: 'ssn' | 'itin';
      };
      'tokenframe-card-number': CardFieldAttributes<TokenframeCardNumber> & BrandIconAttributes;
      'tokenframe-card-expiry': CardFieldAttributes<TokenframeCardExpiry>;
      'tokenframe-card-cvc': CardFieldAttributes<TokenframeCardCvc>;
    }
  }
}
