import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { brandByName, checkCvc, type CardBrand, type FieldCheck } from '../validation/card';
import { CardSiblingForm } from './card-sibling-form';
import { digitsOnly } from './format';
import { cvcDigitsMessage } from './i18n/card-messages';
import type { FieldInputDetail } from './fields/text-field';
import './fields/text-field';

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
    const length = this.cardBrand?.cvcLength;
    return html`<tf-text-field
      label=${this.localize.t.card.cvc}
      ltr
      enterkeyhint="done"
      .value=${this.cvc}
      .error=${this.errorFor('cvc', this.checks().cvc)}
      autocomplete="cc-csc"
      inputmode="numeric"
      placeholder=${length === 4 ? '1234' : this.localize.t.card.cvcPlaceholder}
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
    'tf-card-cvc-form': CardCvcForm;
  }
}
