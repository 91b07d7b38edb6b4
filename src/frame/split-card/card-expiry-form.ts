import { customElement, state } from 'lit/decorators.js';
import { checkExpiry, fullYear, type FieldCheck } from '../../validation/card';
import { CardSiblingForm } from './card-sibling-form';
import { expiryField } from '../fields/card-inputs';
import { parseExpiry } from '../format';
import { expiredMessage } from '../i18n/card-messages';

/** The expiry of a split card, `MM / YY`. */
@customElement('tf-card-expiry-form')
export class CardExpiryForm extends CardSiblingForm<'expiry'> {
  protected readonly field = 'expiry';

  @state() private expiry = '';

  protected fieldNames(): 'expiry'[] {
    return ['expiry'];
  }

  protected checks(): Record<'expiry', FieldCheck> {
    const { month, year } = parseExpiry(this.expiry);
    return { expiry: checkExpiry(month, year) };
  }

  protected override message(field: 'expiry', check: FieldCheck): string {
    const { t, format } = this.localize;
    return expiredMessage(parseExpiry(this.expiry), check, t, format) ?? super.message(field, check);
  }

  tokenParams(): Record<string, string> {
    const { month, year } = parseExpiry(this.expiry);
    return { 'card[exp_month]': month, 'card[exp_year]': String(fullYear(year)) };
  }

  protected resetValues(): void {
    this.expiry = '';
  }

  override documentTitle(): string {
    return this.localize.t.titles.cardExpiry;
  }

  override render() {
    return expiryField({
      label: this.localize.t.card.expiry,
      value: this.expiry,
      error: this.errorFor('expiry', this.checks().expiry),
      placeholder: this.localize.t.card.expiryPlaceholder,
      disabled: this.disabled,
      onInput: (expiry) => {
        this.expiry = expiry;
        this.announce(true);
      },
      onBlur: () => this.handleBlur('expiry'),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tf-card-expiry-form': CardExpiryForm;
  }
}
