import { html, type PropertyValues } from 'lit';
import type { FrameOptions } from '../protocol/messages';
import {
  cardExtraFields,
  checkCardNumber,
  checkCvc,
  checkExpiry,
  checkPostalCode,
  formatPostalCode,
  fullYear,
  type FieldCheck,
} from '../validation/card';
import { FieldsForm } from './fields-form';
import { cardNumberInput, cvcInput, expiryInput } from './fields/card-inputs';
import { digitsOnly, normalizeTyped, parseExpiry } from './format';
import { cvcDigitsMessage, expiredMessage } from './i18n/card-messages';
import { card as cardKind } from '../kinds/element-kinds';

type CardField = 'number' | 'expiry' | 'cvc' | 'postalCode';
type CardChecks = Record<CardField, FieldCheck> & { number: ReturnType<typeof checkCardNumber> };

/**
 * The card fields: number (formatted by brand, brand shown), expiry, CVC
 * (length by brand) and postal code, unless the `hidePostalCode` option hides it.
 */
export class CardForm extends FieldsForm<CardField, CardChecks> {
  readonly extraFields = cardExtraFields;
  protected readonly kind = cardKind;

  protected emptyValues(): Record<CardField, string> {
    return { number: '', expiry: '', cvc: '', postalCode: '' };
  }

  protected fieldNames(): CardField[] {
    return this.options.hidePostalCode ? ['number', 'expiry', 'cvc'] : ['number', 'expiry', 'cvc', 'postalCode'];
  }

  /** The `postalCode` option (Stripe's `value.postalCode`) fills the field, each time the merchant changes it. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    const prefill = this.options.postalCode;
    if (prefill !== undefined && prefill !== (changed.get('options') as FrameOptions | undefined)?.postalCode) {
      this.values = { ...this.values, postalCode: formatPostalCode(normalizeTyped(prefill)) };
      this.announce(true);
    }
    super.willUpdate(changed);
  }

  protected check(): CardChecks {
    const number = checkCardNumber(this.values.number, this.options.brands);
    const expiry = parseExpiry(this.values.expiry);
    return {
      number,
      expiry: checkExpiry(expiry.month, expiry.year),
      cvc: checkCvc(this.values.cvc, number.brand),
      postalCode: checkPostalCode(this.values.postalCode),
    };
  }

  protected override message(field: CardField, check: FieldCheck): string {
    const { t, format } = this.localize;
    const precise =
      field === 'expiry'
        ? expiredMessage(parseExpiry(this.values.expiry), check, t, format)
        : field === 'cvc'
          ? cvcDigitsMessage(check, this.checks.number.brand, t, format)
          : null;
    return precise ?? super.message(field, check);
  }

  protected override brand(): string {
    return this.checks.number.brand?.type ?? 'unknown';
  }

  tokenParams(extra: Record<string, string>): Record<string, string> {
    const { month, year } = parseExpiry(this.values.expiry);
    const params: Record<string, string> = {};
    for (const [field, value] of Object.entries(extra)) params[`card[${field}]`] = value;
    params['card[number]'] = digitsOnly(this.values.number);
    params['card[exp_month]'] = month;
    params['card[exp_year]'] = String(fullYear(year));
    params['card[cvc]'] = this.values.cvc;
    if (!this.options.hidePostalCode) params['card[address_zip]'] = this.values.postalCode.trim();
    return params;
  }

  /** Stacked: the number above a row of the others; single line (`layout`): all four in one row. */
  override render() {
    const brand = this.checks.number.brand;
    const t = this.localize.t.card;
    const number = this.renderField('number', cardNumberInput(t.number, brand));
    const others = html`
      ${this.renderField('expiry', expiryInput(t.expiry, t.expiryPlaceholder))}
      ${this.renderField('cvc', { ...cvcInput(t.cvc, brand, t.cvcPlaceholder), last: !this.fields.includes('postalCode') })}
      ${
        this.fields.includes('postalCode')
          ? this.renderField('postalCode', {
              label: t.postalCode,
              ltr: true,
              last: true,
              autocomplete: 'postal-code',
              inputmode: 'text',
              placeholder: '12345',
              maxlength: 10,
              format: ({ value }) => formatPostalCode(normalizeTyped(value)),
            })
          : null
      }
    `;
    return this.options.layout === 'single-line'
      ? html`<div class="row" part="single">${number}${others}</div>`
      : html`${number}
          <div class="row">${others}</div>`;
  }
}

customElements.define('tf-card-form', CardForm);

declare global {
  interface HTMLElementTagNameMap {
    'tf-card-form': CardForm;
  }
}
