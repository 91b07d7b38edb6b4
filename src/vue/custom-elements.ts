import type { DefineComponent } from 'vue';
import type {
  Appearance,
  ChangeDetail,
  TokenError,
  TokenframeBankAccount,
  TokenframeCard,
  TokenframeCardCvc,
  TokenframeCardExpiry,
  TokenframeCardNumber,
  TokenframeCvcUpdate,
  TokenframePii,
} from '../host/index';

/**
 * The attributes and events of every tokenframe element, for Vue templates that use the elements themselves
 * (`<tokenframe-card :publishable-key="key" @change="…">`, with `isCustomElement` set for `tokenframe-` tags).
 * Vue keeps `key` for itself: pass the key as `publishable-key`.
 */
export interface TokenframeElementAttributes {
  'publishable-key'?: string;
  /** The tokenization service's origin; needed when the elements come from a bundle rather than the loader script. */
  origin?: string;
  /** Submits the token ID under this name with its form; on submit the element tokenizes first. */
  name?: string;
  required?: boolean;
  disabled?: boolean;
  readonly?: boolean;
  /** Milliseconds the frame may take to load before `loaderror` (default 10000). */
  'load-timeout'?: number | string;
  /** `auto` (default: the page's `lang`, then the browser's) or a language tag. */
  locale?: string;
  /** `{theme, variables, rules}`, as JSON text or as an object (set as the element's property). */
  appearance?: string | Appearance;
  placeholder?: string;
  'hide-labels'?: boolean;
  onChange?: (event: CustomEvent<ChangeDetail>) => void;
  onReady?: (event: CustomEvent) => void;
  onFocus?: (event: FocusEvent | CustomEvent) => void;
  onBlur?: (event: FocusEvent | CustomEvent) => void;
  onEscape?: (event: CustomEvent) => void;
  onLoaderror?: (event: CustomEvent<{ error: TokenError }>) => void;
}

/** The card number's attributes (on the card and the split card's number). */
interface CardNumberAttributes {
  'hide-icon'?: boolean;
  /** `default` or `solid`. */
  'icon-style'?: 'default' | 'solid';
  /** Accepted brands, comma-separated: `visa,mastercard`. */
  brands?: string;
}

/** A custom element as a Vue template sees it: its attributes as props, its element as the template ref. */
type CustomElement<Element, Attributes> = DefineComponent<TokenframeElementAttributes & Attributes> & {
  new (): { $el: Element };
};

declare module 'vue' {
  interface GlobalComponents {
    'tokenframe-card': CustomElement<
      TokenframeCard,
      CardNumberAttributes & { 'hide-postal-code'?: boolean; layout?: 'stacked' | 'single-line' }
    >;
    'tokenframe-bank-account': CustomElement<TokenframeBankAccount, { country?: string; currency?: string }>;
    'tokenframe-cvc-update': CustomElement<TokenframeCvcUpdate, { brand?: string }>;
    'tokenframe-pii': CustomElement<TokenframePii, { country?: string; 'id-type'?: 'ssn' | 'itin' }>;
    'tokenframe-card-number': CustomElement<TokenframeCardNumber, CardNumberAttributes & { group?: string }>;
    'tokenframe-card-expiry': CustomElement<TokenframeCardExpiry, { group?: string }>;
    'tokenframe-card-cvc': CustomElement<TokenframeCardCvc, { group?: string }>;
  }
}
