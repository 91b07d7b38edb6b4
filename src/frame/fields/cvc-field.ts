import { html } from 'lit';
import type { CardBrand } from '../../validation/card';
import { digitsOnly } from '../format';
import type { FieldInputDetail } from './text-field';
import './text-field';

export interface CvcFieldOptions {
  label: string;
  value: string;
  error: string;
  /** The card's brand, which sets the length (4 digits for American Express); null while unknown. */
  brand: CardBrand | null;
  /** The placeholder while the length is 3 or unknown (`CVC` in the customer's language). */
  placeholder: string;
  disabled: boolean;
  /** The digits typed, cut to the brand's length. */
  onInput(cvc: string): void;
  onBlur(): void;
}

/** A lone CVC input, last in its frame: the split card's CVC and the saved card's CVC update. */
export function cvcField(options: CvcFieldOptions) {
  const length = options.brand?.cvcLength;
  return html`<tf-text-field
    label=${options.label}
    ltr
    enterkeyhint="done"
    .value=${options.value}
    .error=${options.error}
    autocomplete="cc-csc"
    inputmode="numeric"
    placeholder=${length === 4 ? '1234' : options.placeholder}
    maxlength=${length ?? 4}
    ?disabled=${options.disabled}
    @field-input=${(e: CustomEvent<FieldInputDetail>) => options.onInput(digitsOnly(e.detail.value).slice(0, length ?? 4))}
    @field-blur=${options.onBlur}
  ></tf-text-field>`;
}
