import { LitElement, css, html } from 'lit';
import { customElement, property, queryAll, state } from 'lit/decorators.js';
import type { ChangeDetail, TokenError } from '../protocol/messages';
import { checkCardNumber, checkCvc, checkExpiry, checkPostalCode, fullYear, type FieldCheck } from '../validation/card';
import { digitsOnly, formatCardNumber, formatExpiry, parseExpiry } from './format';
import type { FieldInputDetail, TextField } from './fields/text-field';
import './fields/text-field';

type CardField = 'number' | 'expiry' | 'cvc' | 'postalCode';

const MAX_CARD_DIGITS = 19;

/**
 * The card fields: number (formatted by brand, brand shown), expiry, CVC
 * (length by brand) and postal code. Errors for a field show as soon as it
 * cannot become valid, and otherwise once the customer leaves it.
 *
 * @event form-change - `detail: ChangeDetail` after every edit or blur.
 */
@customElement('tf-card-form')
export class CardForm extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .row {
      display: flex;
      gap: 0.75rem;
    }
  `;

  @property({ type: Boolean }) hidePostalCode = false;
  @property({ type: Boolean }) disabled = false;

  @state() private number = '';
  @state() private expiry = '';
  @state() private cvc = '';
  @state() private postalCode = '';
  @state() private touched = new Set<CardField>();

  @queryAll('tf-text-field') private fields!: NodeListOf<TextField>;

  private get fieldNames(): CardField[] {
    return this.hidePostalCode ? ['number', 'expiry', 'cvc'] : ['number', 'expiry', 'cvc', 'postalCode'];
  }

  private checks(): Record<CardField, FieldCheck> & { brand: ReturnType<typeof checkCardNumber>['brand'] } {
    const number = checkCardNumber(this.number);
    const expiry = parseExpiry(this.expiry);
    return {
      brand: number.brand,
      number,
      expiry: checkExpiry(expiry.month, expiry.year),
      cvc: checkCvc(this.cvc, number.brand),
      postalCode: checkPostalCode(this.postalCode),
    };
  }

  private errorFor(field: CardField, check: FieldCheck): string {
    const judged = check.state === 'invalid' || (this.touched.has(field) && check.state !== 'complete');
    return judged ? (check.error?.message ?? '') : '';
  }

  /** What the host may know: emptiness, completeness, brand and the visible error. Never a value. */
  summary(): ChangeDetail {
    const checks = this.checks();
    const states = this.fieldNames.map((field) => checks[field].state);
    const firstError = this.fieldNames
      .map((field) => [field, checks[field]] as const)
      .find(([field, check]) => this.errorFor(field, check));
    return {
      empty: states.every((s) => s === 'empty'),
      complete: states.every((s) => s === 'complete'),
      brand: checks.brand?.type ?? 'unknown',
      error: firstError?.[1].error
        ? { code: firstError[1].error.code, message: firstError[1].error.message }
        : undefined,
    };
  }

  /** Marks every field as judged; returns the first problem, or null when the card can be tokenized. */
  validateAll(): TokenError | null {
    this.touched = new Set(this.fieldNames);
    this.announce();
    const checks = this.checks();
    const failing = this.fieldNames.find((field) => checks[field].state !== 'complete');
    const error = failing && checks[failing].error;
    return error ? { type: 'validation_error', code: error.code, message: error.message, param: error.param } : null;
  }

  /** The `card[...]` parameters for `POST /v1/tokens`. Call only after validateAll() passed. */
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

  clear(): void {
    this.number = this.expiry = this.cvc = this.postalCode = '';
    this.touched = new Set();
    this.announce();
  }

  focusFirst(): void {
    this.fields[0]?.focus();
  }

  override render() {
    const checks = this.checks();
    const maxDigits = checks.brand ? Math.max(...checks.brand.lengths) : MAX_CARD_DIGITS;
    return html`
      <tf-text-field
        label="Card number"
        .suffix=${checks.brand?.name ?? ''}
        .value=${this.number}
        .error=${this.errorFor('number', checks.number)}
        autocomplete="cc-number"
        inputmode="numeric"
        placeholder="1234 1234 1234 1234"
        maxlength=${maxDigits + 4}
        ?disabled=${this.disabled}
        @field-input=${(e: CustomEvent<FieldInputDetail>) => this.handleNumberInput(e.detail)}
        @field-blur=${() => this.handleBlur('number')}
      ></tf-text-field>
      <div class="row">
        <tf-text-field
          label="Expiration"
          .value=${this.expiry}
          .error=${this.errorFor('expiry', checks.expiry)}
          autocomplete="cc-exp"
          inputmode="numeric"
          placeholder="MM / YY"
          maxlength="7"
          ?disabled=${this.disabled}
          @field-input=${(e: CustomEvent<FieldInputDetail>) => this.handleExpiryInput(e.detail)}
          @field-blur=${() => this.handleBlur('expiry')}
        ></tf-text-field>
        <tf-text-field
          label="CVC"
          .value=${this.cvc}
          .error=${this.errorFor('cvc', checks.cvc)}
          autocomplete="cc-csc"
          inputmode="numeric"
          placeholder=${checks.brand?.cvcLength === 4 ? '1234' : 'CVC'}
          maxlength=${checks.brand?.cvcLength ?? 4}
          ?disabled=${this.disabled}
          @field-input=${(e: CustomEvent<FieldInputDetail>) => this.handleCvcInput(e.detail)}
          @field-blur=${() => this.handleBlur('cvc')}
        ></tf-text-field>
        ${
          this.hidePostalCode
            ? null
            : html`<tf-text-field
                label="Postal code"
                .value=${this.postalCode}
                .error=${this.errorFor('postalCode', checks.postalCode)}
                autocomplete="postal-code"
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

  private handleNumberInput({ value }: FieldInputDetail): void {
    const brand = checkCardNumber(digitsOnly(value)).brand;
    const maxDigits = brand ? Math.max(...brand.lengths) : MAX_CARD_DIGITS;
    this.number = formatCardNumber(digitsOnly(value).slice(0, maxDigits), brand?.gaps ?? [4, 8, 12]);
    this.announce();
  }

  private handleExpiryInput({ value, deleting }: FieldInputDetail): void {
    this.expiry = formatExpiry(parseExpiry(value), deleting);
    this.announce();
  }

  private handleCvcInput({ value }: FieldInputDetail): void {
    this.cvc = digitsOnly(value).slice(0, 4);
    this.announce();
  }

  private handlePostalCodeInput({ value }: FieldInputDetail): void {
    this.postalCode = value.slice(0, 10);
    this.announce();
  }

  private handleBlur(field: CardField): void {
    this.touched = new Set(this.touched).add(field);
    this.announce();
  }

  private announce(): void {
    this.dispatchEvent(new CustomEvent<ChangeDetail>('form-change', { detail: this.summary() }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tf-card-form': CardForm;
  }
}
