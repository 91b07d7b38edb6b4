import type { CardBrand } from '../../validation/card';
import { digitsOnly, formatCardNumberInput, formatExpiry, parseExpiry } from '../format';
import { brandIcon } from './brand-icons';
import type { TextFieldView } from './field-view';

/**
 * The card's number, expiry and CVC inputs, declared once for the card form
 * and the split card and CVC-update frames. Each formats what was typed into
 * the value the form keeps.
 */

/**
 * Room for a number or expiry pasted with any separators (`4242 - 4242 - …`,
 * ` 12 / 2030`): the browser cuts a paste at `maxlength` before the format
 * sees it, and the format keeps only what the field holds.
 */
const PASTE_ROOM = 40;

/** The number, spaced by its brand's gaps, with the brand's icon in the field and its name beside the label. */
export function cardNumberInput(label: string, brand: CardBrand | null): TextFieldView {
  return {
    label,
    ltr: true,
    suffix: brand?.name ?? '',
    autocomplete: 'cc-number',
    inputmode: 'numeric',
    placeholder: '1234 1234 1234 1234',
    maxlength: PASTE_ROOM,
    format: ({ value }) => formatCardNumberInput(value),
    icon: (error, solid) => brandIcon(error ? 'error' : brand?.type, solid),
  };
}

/** The expiry as `MM / YY`, from any form `parseExpiry` reads. */
export function expiryInput(label: string, placeholder: string): TextFieldView {
  return {
    label,
    ltr: true,
    autocomplete: 'cc-exp',
    inputmode: 'numeric',
    placeholder,
    maxlength: PASTE_ROOM,
    format: ({ value, deleting }) => formatExpiry(parseExpiry(value), deleting),
  };
}

/**
 * The CVC, last in its frame unless a postal code follows. Its length follows
 * the card's brand (4 digits for American Express; `brand` null while
 * unknown); `placeholder` shows while the length is 3 or unknown.
 */
export function cvcInput(label: string, brand: CardBrand | null, placeholder: string): TextFieldView {
  const length = brand?.cvcLength;
  return {
    label,
    ltr: true,
    last: true,
    autocomplete: 'cc-csc',
    inputmode: 'numeric',
    placeholder: length === 4 ? '1234' : placeholder,
    maxlength: length ?? 4,
    format: ({ value }) => digitsOnly(value).slice(0, length ?? 4),
  };
}
