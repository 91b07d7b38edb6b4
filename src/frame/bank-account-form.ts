import { html, type PropertyValues } from 'lit';
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
import type { TextFieldView } from './fields/field-view';
import { digitsOnly, normalizeTyped } from './format';
import './fields/select-field';
import { bankAccount as bankAccountKind } from '../kinds/element-kinds';

type BankField = 'routingNumber' | 'accountNumber' | 'confirmation' | 'iban' | 'holderName' | 'holderType';
type BankChecks = Record<BankField, FieldCheck> & {
  routingNumber: ReturnType<typeof checkRoutingNumber>;
  /** `fromOtherCountry`: a valid IBAN, but from another country than the account's, so not for this form. */
  iban: FieldCheck & { iban?: string | null; fromOtherCountry?: boolean };
};

/** A field of digits only, at most `maxlength` of them. */
const digitsInput = (label: string, maxlength: number, suffix = ''): TextFieldView => ({
  label,
  ltr: true,
  suffix,
  inputmode: 'numeric',
  maxlength,
  format: ({ value }) => digitsOnly(value).slice(0, maxlength),
});

/**
 * A bank account: for US accounts the routing number (ABA checksum, bank name
 * shown once recognised), the account number and its confirmation; for IBAN
 * countries the IBAN. Then the holder's name and type.
 */
export class BankAccountForm extends FieldsForm<BankField, BankChecks> {
  readonly extraFields = [] as const;
  protected readonly kind = bankAccountKind;

  /** The account's country, from the options. */
  private country = 'US';

  protected emptyValues(): Record<BankField, string> {
    return {
      routingNumber: '',
      accountNumber: '',
      confirmation: '',
      iban: '',
      holderName: '',
      holderType: 'individual',
    };
  }

  private get isIban(): boolean {
    return this.country !== 'US' && usesIban(this.country);
  }

  protected fieldNames(): BankField[] {
    return this.isIban
      ? ['iban', 'holderName', 'holderType']
      : ['routingNumber', 'accountNumber', 'confirmation', 'holderName', 'holderType'];
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.country = (this.options.country || 'US').toUpperCase();
    super.willUpdate(changed);
  }

  protected check(): BankChecks {
    const { values } = this;
    const iban = checkIban(values.iban);
    return {
      routingNumber: checkRoutingNumber(values.routingNumber),
      accountNumber: checkAccountNumber(values.accountNumber),
      confirmation: checkAccountNumberConfirmation(values.accountNumber, values.confirmation),
      iban:
        iban.state === 'complete' && iban.country !== this.country
          ? {
              state: 'invalid',
              error: validationError('iban_invalid', 'bank_account[account_number]'),
              fromOtherCountry: true,
            }
          : iban,
      holderName: checkAccountHolderName(values.holderName),
      holderType: { state: 'complete' },
    };
  }

  protected override message(field: BankField, check: FieldCheck): string {
    const { t, format } = this.localize;
    return field === 'iban' && this.checks.iban.fromOtherCountry
      ? t.messages.ibanFromCountry(this.country, format)
      : super.message(field, check);
  }

  tokenParams(): Record<string, string> {
    const { values } = this;
    const params: Record<string, string> = {
      'bank_account[country]': this.country,
      'bank_account[currency]': (this.options.currency || '').toLowerCase() || defaultCurrency(this.country),
      'bank_account[account_holder_name]': values.holderName.trim(),
      'bank_account[account_holder_type]': values.holderType,
    };
    if (this.isIban) {
      params['bank_account[account_number]'] = this.checks.iban.iban ?? '';
    } else {
      params['bank_account[routing_number]'] = values.routingNumber;
      params['bank_account[account_number]'] = values.accountNumber;
    }
    return params;
  }

  override render() {
    const t = this.localize.t.bank;
    const accountFields = this.isIban
      ? this.renderField('iban', {
          label: t.iban,
          ltr: true,
          placeholder: `${this.country}00 0000 0000 0000 0000 00`,
          maxlength: 42,
          format: ({ value }) => normalizeTyped(value).toUpperCase(),
        })
      : html`${this.renderField(
            'routingNumber',
            digitsInput(t.routingNumber, 9, this.checks.routingNumber.bankName ?? ''),
          )}
          <div class="row">
            ${this.renderField('accountNumber', digitsInput(t.accountNumber, 17))}
            ${this.renderField('confirmation', digitsInput(t.confirmAccountNumber, 17))}
          </div>`;
    return html`
      ${accountFields}
      <div class="row">
        ${this.renderField('holderName', { label: t.holderName, last: true, autocomplete: 'name', maxlength: 100 })}
        ${this.renderField('holderType', {
          label: t.holderType,
          choices: [
            { value: 'individual', label: t.individual },
            { value: 'company', label: t.company },
          ],
        })}
      </div>
    `;
  }
}

customElements.define('tf-bank-account-form', BankAccountForm);

declare global {
  interface HTMLElementTagNameMap {
    'tf-bank-account-form': BankAccountForm;
  }
}
