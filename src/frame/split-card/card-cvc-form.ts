import { customElement, state } from 'lit/decorators.js';
import { brandByName, checkCvc, type CardBrand, type FieldCheck } from '../../validation/card';
import { CardSiblingForm } from './card-sibling-form';
import { cvcDigitsMessage } from '../i18n/card-messages';
import { cvcField } from '../fields/card-inputs';

/** The CVC of a split card; its length follows the brand its group's number frame detected. */
@customElement('tf-card-cvc-form')
export class CardCvcForm extends CardSiblingForm<'cvc'> {
  protected readonly field = 'cvc';

  @state() private cvc = '';
  @state() private cardBrand: CardBrand | null = null;

  protected fieldNames(): 'cvc'[] {
    return ['cvc'];
  }

  protected checks(): Record<'cvc', FieldCheck> {
    return { cvc: checkCvc(this.cvc, this.cardBrand) };
  }

  protected override message(field: 'cvc', check: FieldCheck): string {
    const { t, format } = this.localize;
    return cvcDigitsMessage(check, this.cardBrand, t, format) ?? super.message(field, check);
  }

  tokenParams(): Record<string, string> {
    return { 'card[cvc]': this.cvc };
  }

  protected resetValues(): void {
    this.cvc = '';
  }

  protected override useBrand(brand: string): void {
    const next = brand ? brandByName(brand) : null;
    if (next?.type === this.cardBrand?.type) return;
    this.cardBrand = next;
    // Completeness may have changed with the expected length: tell the host, without dropping its token.
    this.announce();
  }

  override documentTitle(): string {
    return this.localize.t.titles.cardCvc;
  }

  override render() {
    return cvcField({
      label: this.localize.t.card.cvc,
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
    'tf-card-cvc-form': CardCvcForm;
  }
}
