import type { PropertyDeclarations } from 'lit';
import { brandByName } from '../../validation/brand-lookup';
import { checkCvc, type CardBrand, type FieldCheck } from '../../validation/card';
import { cvcInput } from '../fields/card-inputs';
import { cvcDigitsMessage } from '../i18n/card-messages';
import { CardSiblingForm } from './card-sibling-form';
import { cardCvc as cardCvcKind } from '../../kinds/element-kinds';

/** The CVC of a split card; its length follows the brand its group's number frame detected. */
export class CardCvcForm extends CardSiblingForm<'cvc'> {
  static override properties: PropertyDeclarations = {
    cardBrand: { state: true },
  };

  protected readonly field = 'cvc';
  protected readonly kind = cardCvcKind;

  private cardBrand: CardBrand | null = null;

  protected emptyValues(): Record<'cvc', string> {
    return { cvc: '' };
  }

  protected check(): Record<'cvc', FieldCheck> {
    return { cvc: checkCvc(this.values.cvc, this.cardBrand) };
  }

  protected override message(field: 'cvc', check: FieldCheck): string {
    const { t, format } = this.localize;
    return cvcDigitsMessage(check, this.cardBrand, t, format) ?? super.message(field, check);
  }

  tokenParams(): Record<string, string> {
    return { 'card[cvc]': this.values.cvc };
  }

  protected override useBrand(brand: string): void {
    const next = brand ? brandByName(brand) : null;
    if (next?.type === this.cardBrand?.type) return;
    this.cardBrand = next;
    // Completeness may have changed with the expected length: tell the host, without dropping its token.
    this.announce();
  }

  override render() {
    const t = this.localize.t.card;
    return this.renderField('cvc', cvcInput(t.cvc, this.cardBrand, t.cvcPlaceholder));
  }
}

customElements.define('tf-card-cvc-form', CardCvcForm);

declare global {
  interface HTMLElementTagNameMap {
    'tf-card-cvc-form': CardCvcForm;
  }
}
