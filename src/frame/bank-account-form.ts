import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { FrameOptions } from '../protocol/messages';
import {
  checkAccountHolderName,
  checkAccountNumber,
  checkAccountNumberConfirmation,
  checkIban,
  checkRoutingNumber,
  defaultCurrency,
  usesIban,
} from '../validation/bank';
import { validationError } from '../validation/errors';
import type { FieldCheck } from '../validation/card';
import { FieldsForm } from './fields-form';
import { digitsOnly, normalizeTyped } from './format';
import type { FieldInputDetail } from './fields/text-field';
import './fields/select-field';
import './fields/text-field';

type BankField = 'routingNumber' | 'accountNumber' | 'confirmation' | 'iban' | 'holderName' | 'holderType';

/**
 * A bank account: for US accounts the routing number (ABA checksum, bank name
 * shown once recognised), the account number and its confirmation; for IBAN
 * countries the IBAN. Then the holder's name and type.
 */
@customElement('tf-bank-account-form')
export class BankAccountForm extends FieldsForm<BankField> {
  readonly extraFields = [] as const;

  @state() private country = 'US';
  @state() private currency = '';
  @state() private routingNumber = '';
  @state() private accountNumber = '';
  @state() private confirmation = '';
  @state() private iban = '';
  @state() private holderName = '';
  @state() private holderType = 'individual';

  applyOptions(options: FrameOptions): void {
    this.country = (options.country || 'US').toUpperCase();
    this.currency = (options.currency || '').toLowerCase();
    this.disabled = Boolean(options.disabled);
  }

  private get isIban(): boolean {
    return this.country !== 'US' && usesIban(this.country);
  }

  protected fieldNames(): BankField[] {
    return this.isIban
      ? ['iban', 'holderName', 'holderType']
      : ['routingNumber', 'accountNumber', 'confirmation', 'holderName', 'holderType'];
  }

  /** A valid IBAN from another country than the account's: valid, but not for this form. */
  private get ibanFromOtherCountry(): boolean {
    const iban = checkIban(this.iban);
    return iban.state === 'complete' && iban.country !== this.country;
  }

  protected checks(): Record<BankField, FieldCheck> {
    const iban = checkIban(this.iban);
    return {
      routingNumber: checkRoutingNumber(this.routingNumber),
      accountNumber: checkAccountNumber(this.accountNumber),
      confirmation: checkAccountNumberConfirmation(this.accountNumber, this.confirmation),
      iban: this.ibanFromOtherCountry
        ? { state: 'invalid', error: validationError('iban_invalid', 'bank_account[account_number]') }
        : iban,
      holderName: checkAccountHolderName(this.holderName),
      holderType: { state: 'complete' },
    };
  }

  protected override message(field: BankField, check: FieldCheck): string {
    const { t, format } = this.localize;
    return field === 'iban' && this.ibanFromOtherCountry
      ? t.messages.ibanFromCountry(this.country, format)
      : super.message(field, check);
  }

  override documentTitle(): string {
    return this.localize.t.titles.bankAccount;
  }

  tokenParams(): Record<string, string> {
    const params: Record<string, string> = {
      'bank_account[country]': this.country,
      'bank_account[currency]': this.currency || defaultCurrency(this.country),
      'bank_account[account_holder_name]': this.holderName.trim(),
      'bank_account[account_holder_type]': this.holderType,
    };
    if (this.isIban) {
      params['bank_account[account_number]'] = checkIban(this.iban).iban ?? '';
    } else {
      params['bank_account[routing_number]'] = this.routingNumber;
      params['bank_account[account_number]'] = this.accountNumber;
    }
    return params;
  }

  protected resetValues(): void {
    this.routingNumber = this.accountNumber = this.confirmation = this.iban = this.holderName = '';
    this.holderType = 'individual';
  }

  override render() {
    const checks = this.checks();
    const t = this.localize.t.bank;
    const digitField = (
      field: 'routingNumber' | 'accountNumber' | 'confirmation',
      label: string,
      max: number,
      suffix = '',
    ) =>
      html`<tf-text-field
        label=${label}
        ltr
        .suffix=${suffix}
        .value=${this[field]}
        .error=${this.errorFor(field, checks[field])}
        autocomplete="off"
        inputmode="numeric"
        maxlength=${max}
        ?disabled=${this.disabled}
        @field-input=${(e: CustomEvent<FieldInputDetail>) => this.setField(field, digitsOnly(e.detail.value).slice(0, max))}
        @field-blur=${() => this.handleBlur(field)}
      ></tf-text-field>`;
    const accountFields = this.isIban
      ? html`<tf-text-field
          label=${t.iban}
          ltr
          .value=${this.iban}
          .error=${this.errorFor('iban', checks.iban)}
          autocomplete="off"
          placeholder=${`${this.country}00 0000 0000 0000 0000 00`}
          maxlength="42"
          ?disabled=${this.disabled}
          @field-input=${(e: CustomEvent<FieldInputDetail>) => this.setField('iban', normalizeTyped(e.detail.value).toUpperCase())}
          @field-blur=${() => this.handleBlur('iban')}
        ></tf-text-field>`
      : html`${digitField('routingNumber', t.routingNumber, 9, checkRoutingNumber(this.routingNumber).bankName ?? '')}
          <div class="row">
            ${digitField('accountNumber', t.accountNumber, 17)}
            ${digitField('confirmation', t.confirmAccountNumber, 17)}
          </div>`;
    return html`
      ${accountFields}
      <div class="row">
        <tf-text-field
          label=${t.holderName}
          enterkeyhint="done"
          .value=${this.holderName}
          .error=${this.errorFor('holderName', checks.holderName)}
          autocomplete="name"
          maxlength="100"
          ?disabled=${this.disabled}
          @field-input=${(e: CustomEvent<FieldInputDetail>) => this.setField('holderName', e.detail.value)}
          @field-blur=${() => this.handleBlur('holderName')}
        ></tf-text-field>
        <tf-select-field
          label=${t.holderType}
          .value=${this.holderType}
          .options=${[
            { value: 'individual', label: t.individual },
            { value: 'company', label: t.company },
          ]}
          ?disabled=${this.disabled}
          @field-input=${(e: CustomEvent<FieldInputDetail>) => this.setField('holderType', e.detail.value)}
        ></tf-select-field>
      </div>
    `;
  }

  private setField(field: BankField, value: string): void {
    this[field] = value;
    this.announce(true);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tf-bank-account-form': BankAccountForm;
  }
}
