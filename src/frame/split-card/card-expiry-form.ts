import { checkExpiry, fullYear, type FieldCheck } from '../../validation/card';
import { expiryInput } from '../fields/card-inputs';
import { parseExpiry } from '../format';
import { expiredMessage } from '../i18n/card-messages';
import { CardSiblingForm } from './card-sibling-form';
import { cardExpiry as cardExpiryKind } from '../../kinds/element-kinds';

/** The expiry of a split card, `MM / YY`. */
export class CardExpiryForm extends CardSiblingForm<'expiry'> {
  protected readonly field = 'expiry';
  protected readonly kind = cardExpiryKind;

  protected emptyValues(): Record<'expiry', string> {
    return { expiry: '' };
  }

  protected check(): Record<'expiry', FieldCheck> {
    const { month, year } = parseExpiry(this.values.expiry);
    return { expiry: checkExpiry(month, year) };
  }

  protected override message(field: 'expiry', check: FieldCheck): string {
    const { t, format } = this.localize;
    return expiredMessage(parseExpiry(this.values.expiry), check, t, format) ?? super.message(field, check);
  }

  tokenParams(): Record<string, string> {
    const { month, year } = parseExpiry(this.values.expiry);
    return { 'card[exp_month]': month, 'card[exp_year]': String(fullYear(year)) };
  }

  override render() {
    const t = this.localize.t.card;
    return this.renderField('expiry', expiryInput(t.expiry, t.expiryPlaceholder));
  }
}

customElements.define('tf-card-expiry-form', CardExpiryForm);

declare global {
  interface HTMLElementTagNameMap {
    'tf-card-expiry-form': CardExpiryForm;
  }
}
