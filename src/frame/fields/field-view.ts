import type { SelectOption } from './select-field';
import type { FieldInputDetail } from './text-field';

/**
 * How one text field looks and what it keeps of what is typed. A form
 * declares this per field; its base adds the value, error, disabled state and
 * events, the same for every field.
 */
export interface TextFieldView {
  /** Visible label, also the input's accessible name. */
  label: string;
  /** The value to keep for what was typed (digits spaced by brand, `MM / YY`, capitals); what was typed when absent. */
  format?(typed: FieldInputDetail): string;
  maxlength: number;
  autocomplete?: string;
  inputmode?: 'numeric' | 'text';
  placeholder?: string;
  /** Shown after the label: the card's brand, the bank's name. */
  suffix?: string;
  /** Numbers and codes read left to right, even in a right-to-left language. */
  ltr?: boolean;
  /** The frame's last field: the mobile keyboard's Enter key says `done`, not `next`. */
  last?: boolean;
  /** The card number's brand icon, or the error icon while the field shows an error; `solid` in one colour. */
  icon?(error: boolean, solid: boolean): unknown;
  /** Masked as typed (an ID number, until the customer asks to see it). */
  masked?: boolean;
}

/** A choice among a few options (individual or company), kept as the option's value. */
interface ChoiceFieldView {
  label: string;
  choices: SelectOption[];
}

export type FieldView = TextFieldView | ChoiceFieldView;
