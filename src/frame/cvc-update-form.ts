import type { PropertyValues } from 'lit';
import { brandByName } from '../validation/brand-lookup';
import { checkCvc, type CardBrand, type FieldCheck } from '../validation/card';
import { FieldsForm } from './fields-form';
import { cvcInput } from './fields/card-inputs';
import { cvcDigitsMessage } from './i18n/card-messages';
import { cvcUpdate as cvcUpdateKind } from '../kinds/element-kinds';

/** One CVC field for re-confirming a saved card; its length follows the card's brand (the `brand` option). */
export class CvcUpdateForm extends FieldsForm<'cvc'> {
  readonly extraFields = [] as const;
  protected readonly kind = cvcUpdateKind;

  private cardBrand: CardBrand | null = null;

  protected emptyValues(): Record<'cvc', string> {
    return { cvc: '' };
  }

  protected fieldNames(): 'cvc'[] {
    return ['cvc'];
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('options')) this.cardBrand = this.options.brand ? brandByName(this.options.brand) : null;
    super.willUpdate(changed);
  }

  protected check(): Record<'cvc', FieldCheck> {
    const check = checkCvc(this.values.cvc, this.cardBrand);
    if (!check.error) return { cvc: check };
    return { cvc: { ...check, error: { ...check.error, param: 'cvc_update[cvc]' } } };
  }

  protected override message(field: 'cvc', check: FieldCheck): string {
    const { t, format } = this.localize;
    return cvcDigitsMessage(check, this.cardBrand, t, format) ?? super.message(field, check);
  }

  protected override brand(): string | undefined {
    return this.cardBrand?.type;
  }

  tokenParams(): Record<string, string> {
    return { 'cvc_update[cvc]': this.values.cvc };
  }

  override render() {
    const { t } = this.localize;
    const label = this.cardBrand ? t.cvcUpdate.brandSecurityCode(this.cardBrand.name) : t.cvcUpdate.securityCode;
    return this.renderField('cvc', cvcInput(label, this.cardBrand, t.card.cvcPlaceholder));
  }
}

customElements.define('tf-cvc-update-form', CvcUpdateForm);

declare global {
  interface HTMLElementTagNameMap {
    'tf-cvc-update-form': CvcUpdateForm;
  }
}
