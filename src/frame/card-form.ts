import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FrameOptions } from '../protocol/messages';
import {
  cardExtraFields,
  checkCardNumber,
  checkCvc,
  checkExpiry,
  checkPostalCode,
  fullYear,
  type FieldCheck,
} from '../validation/card';
import { FieldsForm } from './fields-form';
import { cardNumberField, expiryField } from './fields/card-inputs';
import { digitsOnly, normalizeTyped, parseExpiry } from './format';
import { cvcDigitsMessage, expiredMessage } from './i18n/card-messages';
import type { FieldInputDetail } from './fields/text-field';
import './fields/text-field';

type CardField = 'number' | 'expiry' | 'cvc' | 'postalCode';

/**
 * The card fields: number (formatted by brand, brand shown), expiry, CVC
 * (length by brand) and postal code.
 */
@customElement('tf-card-form')
export class CardForm extends FieldsForm<CardField> {
  readonly extraFields = cardExtraFields;

  @property({ type: Boolean }) hidePostalCode = false;

  @state() private number = '';
  @state() private expiry = '';
  @state() private cvc = '';
  @state() private postalCode = '';

  applyOptions(options: FrameOptions): void {
    this.hidePostalCode = Boolean(options.hidePostalCode);
    this.disabled = Boolean(options.disabled);
  }

  protected fieldNames(): CardField[] {
    return this.hidePostalCode ? ['number', 'expiry', 'cvc'] : ['number', 'expiry', 'cvc', 'postalCode'];
  }

  protected checks(): Record<CardField, FieldCheck> {
    const number = checkCardNumber(this.number);
    const expiry = parseExpiry(this.expiry);
    return {
      number,
      expiry: checkExpiry(expiry.month, expiry.year),
      cvc: checkCvc(this.cvc, number.brand),
      postalCode: checkPostalCode(this.postalCode),
    };
  }

  protected override message(field: CardField, check: FieldCheck): string {
    const { t, format } = this.localize;
    const precise =
      field === 'expiry'
        ? expiredMessage(parseExpiry(this.expiry), check, t, format)
        : field === 'cvc'
          ? cvcDigitsMessage(check, checkCardNumber(this.number).brand, t, format)
          : null;
    return precise ?? super.message(field, check);
  }

  protected override brand(): string {
    return checkCardNumber(this.number).brand?.type ?? 'unknown';
  }

  tokenParams(extra: Record<string, string>): Record<string, string> {
    const { month, year } = parseExpiry(this.expiry);
    const params: Record<string, string> = {};
    for (const [field, value] of Object.entries(extra)) params[`card[${field}]`] = value;
    params['card[number]'] = digitsOnly(this.number);
    params['card[exp_month]'] = month;
    params['card[exp_year]'] = String(fullYear(year));
    params['card[cvc]'] = this.cvc;
    if (!this.hidePostalCode) params['card[address_zip]'] = this.postalCode.trim();
    return params;
  }

  protected resetValues(): void {
    this.number = this.expiry = this.cvc = this.postalCode = '';
  }

  override render() {
    const checks = this.checks();
    const brand = checkCardNumber(this.number).brand;
    const t = this.localize.t.card;
    return html`
      ${cardNumberField({
        label: t.number,
        value: this.number,
        error: this.errorFor('number', checks.number),
        brand,
        disabled: this.disabled,
        onInput: (number) => this.setField('number', number),
        onBlur: () => this.handleBlur('number'),
      })}
      <div class="row">
        ${expiryField({
          label: t.expiry,
          value: this.expiry,
          error: this.errorFor('expiry', checks.expiry),
          placeholder: t.expiryPlaceholder,
          disabled: this.disabled,
          onInput: (expiry) => this.setField('expiry', expiry),
          onBlur: () => this.handleBlur('expiry'),
        })}
        <tf-text-field
          label=${t.cvc}
          ltr
          enterkeyhint=${this.hidePostalCode ? 'done' : 'next'}
          .value=${this.cvc}
          .error=${this.errorFor('cvc', checks.cvc)}
          autocomplete="cc-csc"
          inputmode="numeric"
          placeholder=${brand?.cvcLength === 4 ? '1234' : t.cvcPlaceholder}
          maxlength=${brand?.cvcLength ?? 4}
          ?disabled=${this.disabled}
          @field-input=${(e: CustomEvent<FieldInputDetail>) => this.handleCvcInput(e.detail)}
          @field-blur=${() => this.handleBlur('cvc')}
        ></tf-text-field>
        ${
          this.hidePostalCode
            ? null
            : html`<tf-text-field
                label=${t.postalCode}
                ltr
                enterkeyhint="done"
                .value=${this.postalCode}
                .error=${this.errorFor('postalCode', checks.postalCode)}
                autocomplete="postal-code"
                inputmode="text"
                placeholder="12345"
                maxlength="10"
                ?disabled=${this.disabled}
                @field-input=${(e: CustomEvent<FieldInputDetail>) => this.handlePostalCodeInput(e.detail)}
                @field-blur=${() => this.handleBlur('postalCode')}
              ></tf-text-field>`
        }
      </div>
    `;
  }

  private setField(field: 'number' | 'expiry', value: string): void {
    this[field] = value;
    this.announce(true);
  }

  private handleCvcInput({ value }: FieldInputDetail): void {
    this.cvc = digitsOnly(value).slice(0, 4);
    this.announce(true);
  }

  private handlePostalCodeInput({ value }: FieldInputDetail): void {
    this.postalCode = normalizeTyped(value).slice(0, 10);
    this.announce(true);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tf-card-form': CardForm;
  }
}
