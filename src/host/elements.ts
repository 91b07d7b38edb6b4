import type { FrameOptions } from '../protocol/messages';
import { TokenframeElement } from './tokenframe-element';

/**
 * `<tokenframe-card key="pk_test_…">`: card number, expiry, CVC and postal
 * code in one cross-origin frame.
 *
 * @attr hide-postal-code - Leave the postal code out (when the merchant collects the address itself).
 */
export class TokenframeCard extends TokenframeElement {
  protected readonly kind = 'card';
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'hide-postal-code'];
  }
  protected override frameOptions(): FrameOptions {
    return { ...super.frameOptions(), hidePostalCode: this.hasAttribute('hide-postal-code') };
  }
}

/**
 * `<tokenframe-bank-account key="pk_test_…" country="US">`: routing and account
 * number (US) or IBAN, holder name and type. Tokenizes to a `btok_` token.
 *
 * @attr country - The account's country (default `US`); IBAN countries show an IBAN field.
 * @attr currency - The account's currency, when not the country's own.
 */
export class TokenframeBankAccount extends TokenframeElement {
  protected readonly kind = 'bank-account';
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'country', 'currency'];
  }
  protected override frameOptions(): FrameOptions {
    return {
      ...super.frameOptions(),
      country: this.getAttribute('country') ?? undefined,
      currency: this.getAttribute('currency') ?? undefined,
    };
  }
}

/**
 * `<tokenframe-cvc-update key="pk_test_…" brand="amex">`: one CVC field to
 * re-confirm a saved card. Tokenizes to a `cvctok_` token.
 *
 * @attr brand - The saved card's brand (`visa`, `amex`, …); American Express expects 4 digits.
 */
export class TokenframeCvcUpdate extends TokenframeElement {
  protected readonly kind = 'cvc-update';
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'brand'];
  }
  protected override frameOptions(): FrameOptions {
    return { ...super.frameOptions(), brand: this.getAttribute('brand') ?? undefined };
  }
}

/**
 * `<tokenframe-pii key="pk_test_…" country="US">`: an ID number (US SSN or
 * ITIN, or another country's ID), masked with a show/hide toggle. Tokenizes to
 * a `pii_` token.
 *
 * @attr country - The ID's country (default `US`).
 * @attr id-type - `ssn` (default) or `itin`, for US numbers.
 */
export class TokenframePii extends TokenframeElement {
  protected readonly kind = 'pii';
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'country', 'id-type'];
  }
  protected override frameOptions(): FrameOptions {
    return {
      ...super.frameOptions(),
      country: this.getAttribute('country') ?? undefined,
      idType: this.getAttribute('id-type') ?? undefined,
    };
  }
}
