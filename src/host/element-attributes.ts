/**
 * The attributes of the tokenframe elements, as a page writes them (`publishable-key`, `hide-postal-code`, …), for
 * the frameworks' template types: React's JSX (jsx.d.ts) and Vue's templates (src/vue/custom-elements.ts) are both
 * made from `ElementAttributes`, so an attribute is added here, once. Types only: nothing of it runs.
 */
import type { Appearance } from './index';

/** The attributes every tokenframe element takes. */
export interface TokenframeAttributes {
  /**
   * The publishable key (`pk_test_…`). React and Vue keep the `key` prop for themselves and never pass it to the
   * element, so the element also reads it from `publishable-key` (or from `configure({ publishableKey })`).
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
interface SingleFieldAttributes extends TokenframeAttributes {
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
interface CardFieldAttributes extends SingleFieldAttributes {
  /** Which card the element belongs to, when a page holds several; elements without one form one card. */
  group?: string;
}

/** Each element's attributes, by its tag. */
export interface ElementAttributes {
  'tokenframe-card': TokenframeAttributes &
    BrandIconAttributes & {
      /** Leave the postal code out (when the merchant collects the address itself). */
      'hide-postal-code'?: boolean;
      /** Prefills the postal code (Stripe's `value.postalCode`). */
      'postal-code'?: string;
      /** `stacked` (two rows, the default) or `single-line` (one row, like Stripe's Card Element). */
      layout?: 'stacked' | 'single-line';
    };
  'tokenframe-bank-account': TokenframeAttributes & {
    /** The account's country (default `US`); IBAN countries show an IBAN field. */
    country?: string;
    /** The account's currency, when not the country's own. */
    currency?: string;
  };
  'tokenframe-cvc-update': SingleFieldAttributes & {
    /** The saved card's brand (`visa`, `amex`, …); American Express expects 4 digits. */
    brand?: string;
  };
  'tokenframe-pii': SingleFieldAttributes & {
    /** The ID's country (default `US`). */
    country?: string;
    /** `ssn` (default) or `itin`, for US numbers. */
    'id-type'?: 'ssn' | 'itin';
  };
  'tokenframe-card-number': CardFieldAttributes & BrandIconAttributes;
  'tokenframe-card-expiry': CardFieldAttributes;
  'tokenframe-card-cvc': CardFieldAttributes;
}
