import { html } from 'lit';
import type { CardBrand } from '../../validation/card';
import { digitsOnly, formatCardNumberInput, formatExpiry, maxCardDigits, parseExpiry } from '../format';
import type { FieldInputDetail } from './text-field';
import './text-field';

/**
 * The card's number, expiry and CVC inputs, written once for the card form and
 * the split card and CVC-update frames. Each formats what was typed and hands
 * the form the value to keep.
 */
interface CardFieldOptions {
  label: string;
  value: string;
  error: string;
  disabled: boolean;
  onInput(value: string): void;
  onBlur(): void;
}

/** The number, spaced by its brand's gaps, with the brand's name beside the label. */
export function cardNumberField(options: CardFieldOptions & { brand: CardBrand | null }) {
  return html`<tf-text-field
    label=${options.label}
    ltr
    .suffix=${options.brand?.name ?? ''}
    .value=${options.value}
    .error=${options.error}
    autocomplete="cc-number"
    inputmode="numeric"
    placeholder="1234 1234 1234 1234"
    maxlength=${maxCardDigits(options.brand) + 4}
    ?disabled=${options.disabled}
    @field-input=${(e: CustomEvent<FieldInputDetail>) => options.onInput(formatCardNumberInput(e.detail.value))}
    @field-blur=${options.onBlur}
  ></tf-text-field>`;
}

/** The expiry as `MM / YY`. */
export function expiryField(options: CardFieldOptions & { placeholder: string }) {
  return html`<tf-text-field
    label=${options.label}
    ltr
    .value=${options.value}
    .error=${options.error}
    autocomplete="cc-exp"
    inputmode="numeric"
    placeholder=${options.placeholder}
    maxlength="7"
    ?disabled=${options.disabled}
    @field-input=${(e: CustomEvent<FieldInputDetail>) =>
      options.onInput(formatExpiry(parseExpiry(e.detail.value), e.detail.deleting))}
    @field-blur=${options.onBlur}
  ></tf-text-field>`;
}

export interface CvcFieldOptions extends CardFieldOptions {
  /** The card's brand, which sets the length (4 digits for American Express); null while unknown. */
  brand: CardBrand | null;
  /** The placeholder while the length is 3 or unknown (`CVC` in the customer's language). */
  placeholder: string;
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
