import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { checkExpiry, fullYear, type FieldCheck } from '../validation/card';
import { CardSiblingForm } from './card-sibling-form';
import { formatExpiry, parseExpiry } from './format';
import { expiredMessage } from './i18n/card-messages';
import type { FieldInputDetail } from './fields/text-field';
import './fields/text-field';

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
    return html`<tf-text-field
      label=${this.localize.t.card.expiry}
      ltr
      .value=${this.expiry}
      .error=${this.errorFor('expiry', this.checks().expiry)}
      autocomplete="cc-exp"
      inputmode="numeric"
      placeholder=${this.localize.t.card.expiryPlaceholder}
      maxlength="7"
      ?disabled=${this.disabled}
      @field-input=${(e: CustomEvent<FieldInputDetail>) => this.handleInput(e.detail)}
      @field-blur=${() => this.handleBlur('expiry')}
    ></tf-text-field>`;
  }

  private handleInput({ value, deleting }: FieldInputDetail): void {
    this.expiry = formatExpiry(parseExpiry(value), deleting);
    this.announce(true);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tf-card-expiry-form': CardExpiryForm;
  }
}
