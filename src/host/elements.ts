import { bankAccount, card, cvcUpdate, pii } from '../kinds/element-kinds';
import { TokenframeElement } from './tokenframe-element';

/**
 * `<tokenframe-card key="pk_test_…">`: card number, expiry, CVC and postal
 * code in one cross-origin frame.
 *
 * @tagname tokenframe-card
 * @attr hide-postal-code - Leave the postal code out (when the merchant collects the address itself).
 * @attr postal-code - Prefills the postal code (Stripe's `value.postalCode`).
 * @attr layout - `stacked` (the default: two rows) or `single-line` (one row, like Stripe's Card Element).
 * @attr brands - The brands accepted, space- or comma-separated in Stripe's words (`visa mastercard`); others
 *   get an error before any request. All by default.
 * @attr icon-style - `default` (colored) or `solid` brand icons.
 * @attr hide-icon - No brand icon in the number field.
 */
export class TokenframeCard extends TokenframeElement {
  /** @internal */
  static override readonly kind = card;
  declare protected readonly kind: typeof card;
}

/**
 * `<tokenframe-bank-account key="pk_test_…" country="US">`: routing and account
 * number (US) or IBAN, holder name and type. Tokenizes to a `btok_` token.
 *
 * @tagname tokenframe-bank-account
 * @attr country - The account's country (default `US`); IBAN countries show an IBAN field.
 * @attr currency - The account's currency, when not the country's own.
 */
export class TokenframeBankAccount extends TokenframeElement {
  /** @internal */
  static override readonly kind = bankAccount;
  declare protected readonly kind: typeof bankAccount;
}

/**
 * `<tokenframe-cvc-update key="pk_test_…" brand="amex">`: one CVC field to
 * re-confirm a saved card. Tokenizes to a `cvctok_` token.
 *
 * @tagname tokenframe-cvc-update
 * @attr brand - The saved card's brand (`visa`, `amex`, …); American Express expects 4 digits.
 * @attr placeholder - The CVC field's placeholder.
 */
export class TokenframeCvcUpdate extends TokenframeElement {
  /** @internal */
  static override readonly kind = cvcUpdate;
  declare protected readonly kind: typeof cvcUpdate;
}

/**
 * `<tokenframe-pii key="pk_test_…" country="US">`: an ID number (US SSN or
 * ITIN, or another country's ID), masked with a show/hide toggle. Tokenizes to
 * a `pii_` token.
 *
 * @tagname tokenframe-pii
 * @attr country - The ID's country (default `US`).
 * @attr id-type - `ssn` (default) or `itin`, for US numbers.
 * @attr placeholder - The ID number field's placeholder.
 */
export class TokenframePii extends TokenframeElement {
  /** @internal */
  static override readonly kind = pii;
  declare protected readonly kind: typeof pii;
}
