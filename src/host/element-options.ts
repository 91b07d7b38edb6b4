import type { Appearance, ChangeDetail, FontSource, StripeStyle, TokenError } from '../protocol/messages';

/**
 * Class names the element puts on itself (Stripe's `classes` option), so the merchant's CSS for the box around
 * the fields follows its state. Each replaces one default: `TokenframeElement`, `TokenframeElement--complete`,
 * `--empty`, `--focus`, `--invalid`. One class name each.
 */
export interface ElementClasses {
  base?: string;
  complete?: string;
  empty?: string;
  focus?: string;
  invalid?: string;
  /** Accepted so Stripe's `classes` object type-checks; never applied (autofill stays inside the frame). */
  webkitAutofill?: string;
}

/**
 * What `update(options)` takes: Stripe's element options, merged over the previous ones (a key left out keeps
 * its value; `style`, `classes` and `fonts` are each replaced whole). Options that have an attribute are set
 * as that attribute (`hidePostalCode` → `hide-postal-code`, `readOnly` → `readonly`, `value.postalCode` →
 * `postal-code`), so the element's attributes always show its configuration.
 */
export interface ElementOptions {
  /** Single-field elements (split card fields, CVC update, PII): the field's placeholder. */
  placeholder?: string;
  /** Multi-field elements: placeholders by field (`number`, `expiry`, `cvc`, `postalCode`, …). */
  placeholders?: Record<string, string>;
  /** Labels by field, instead of the catalog's. */
  labels?: Record<string, string>;
  /** Hide the labels visually (they stay as the fields' accessible names). */
  hideLabels?: boolean;
  /** Card: leave the postal code out. */
  hidePostalCode?: boolean;
  /** Card: `postalCode` prefills the postal code. */
  value?: { postalCode?: string };
  /** Card and card number: `default` (colored) or `solid` brand icons. */
  iconStyle?: 'default' | 'solid';
  /** Card and card number: no brand icon. */
  hideIcon?: boolean;
  disabled?: boolean;
  readOnly?: boolean;
  /** Card and card number: the brands accepted, in Stripe's vocabulary (`visa`, `mastercard`, `amex`, …). */
  brands?: string[];
  /** Card: `stacked` (the default) or `single-line`, like Stripe's Card Element. */
  layout?: 'stacked' | 'single-line';
  /** Stripe's `style` object, mapped onto the allow-listed appearance inside the frame. */
  style?: StripeStyle;
  classes?: ElementClasses;
  /** Stripe's `fonts`: loaded inside the frame from origins the operator allowed for the key. */
  fonts?: FontSource[];
  /** The language; `auto` follows the page. */
  locale?: string;
  appearance?: Appearance;
  /** Bank account, PII: the country. Bank account: `currency`. CVC update: the saved card's `brand`. PII: `idType`. */
  country?: string;
  currency?: string;
  brand?: string;
  idType?: string;
}

/**
 * The `change` event's detail, in Stripe's shape. `empty`, `complete`, `brand` and `error.code`/`error.message`
 * are the names the element had before; `error.type`, `elementType` and `value` are Stripe's additions.
 */
export interface ElementChangeDetail extends Omit<ChangeDetail, 'postalCode'> {
  /** Stripe's name of the element: `card`, `cardNumber`, `cardExpiry`, `cardCvc`, `bankAccount`, `cvcUpdate`, `pii`. */
  elementType: string;
  /** Card: the postal code as typed. */
  value?: { postalCode?: string };
}

/** The `loaderror` event's detail, as Stripe's. */
export interface ElementLoadErrorDetail {
  elementType: string;
  error: TokenError;
}
