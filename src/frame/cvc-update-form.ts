import { customElement, state } from 'lit/decorators.js';
import type { FrameOptions } from '../protocol/messages';
import { brandByName, checkCvc, type CardBrand, type FieldCheck } from '../validation/card';
import { FieldsForm } from './fields-form';
import { cvcDigitsMessage } from './i18n/card-messages';
import { cvcField } from './fields/card-inputs';

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
    return cvcField({
      label: this.cardBrand
        ? this.localize.t.cvcUpdate.brandSecurityCode(this.cardBrand.name)
        : this.localize.t.cvcUpdate.securityCode,
      value: this.cvc,
      error: this.errorFor('cvc', this.checks().cvc),
      brand: this.cardBrand,
      placeholder: this.localize.t.card.cvcPlaceholder,
      disabled: this.disabled,
      onInput: (cvc) => {
        this.cvc = cvc;
        this.announce(true);
      },
      onBlur: () => this.handleBlur('cvc'),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tf-cvc-update-form': CvcUpdateForm;
  }
}
