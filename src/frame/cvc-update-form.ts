import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { FrameOptions } from '../protocol/messages';
import { brandByName, checkCvc, type CardBrand, type FieldCheck } from '../validation/card';
import { FieldsForm } from './fields-form';
import { digitsOnly } from './format';
import { cvcDigitsMessage } from './i18n/card-messages';
import type { FieldInputDetail } from './fields/text-field';
import './fields/text-field';

/** One CVC field for re-confirming a saved card; its length follows the card's brand. */
@customElement('tf-cvc-update-form')
export class CvcUpdateForm extends FieldsForm<'cvc'> {
  readonly extraFields = [] as const;

  @state() private cvc = '';
  @state() private cardBrand: CardBrand | null = null;

  applyOptions(options: FrameOptions): void {
    this.cardBrand = options.brand ? brandByName(options.brand) : null;
    this.disabled = Boolean(options.disabled);
  }

  protected fieldNames(): 'cvc'[] {
    return ['cvc'];
  }

  protected checks(): Record<'cvc', FieldCheck> {
    const check = checkCvc(this.cvc, this.cardBrand);
    if (!check.error) return { cvc: check };
    return { cvc: { ...check, error: { ...check.error, param: 'cvc_update[cvc]' } } };
  }

  protected override message(field: 'cvc', check: FieldCheck): string {
    const { t, format } = this.localize;
    return cvcDigitsMessage(check, this.cardBrand, t, format) ?? super.message(field, check);
  }

  override documentTitle(): string {
    return this.localize.t.titles.cvcUpdate;
  }

  protected override brand(): string | undefined {
    return this.cardBrand?.type;
  }

  tokenParams(): Record<string, string> {
    return { 'cvc_update[cvc]': this.cvc };
  }

  protected resetValues(): void {
    this.cvc = '';
  }

  override render() {
    const length = this.cardBrand?.cvcLength;
    const t = this.localize.t;
    return html`<tf-text-field
      label=${this.cardBrand ? t.cvcUpdate.brandSecurityCode(this.cardBrand.name) : t.cvcUpdate.securityCode}
      ltr
      .value=${this.cvc}
      .error=${this.errorFor('cvc', this.checks().cvc)}
      autocomplete="cc-csc"
      inputmode="numeric"
      enterkeyhint="done"
      placeholder=${length === 4 ? '1234' : t.card.cvcPlaceholder}
      maxlength=${length ?? 4}
      ?disabled=${this.disabled}
      @field-input=${(e: CustomEvent<FieldInputDetail>) => this.handleInput(e.detail)}
      @field-blur=${() => this.handleBlur('cvc')}
    ></tf-text-field>`;
  }

  private handleInput({ value }: FieldInputDetail): void {
    this.cvc = digitsOnly(value).slice(0, this.cardBrand?.cvcLength ?? 4);
    this.announce(true);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tf-cvc-update-form': CvcUpdateForm;
  }
}
