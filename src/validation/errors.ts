/**
 * Error codes shared by the frame (instant feedback) and the service (the
 * authority). The codes a client can see from the API follow Stripe's names;
 * the `incomplete_*` codes only ever appear in the frame while typing.
 */
export type ValidationCode =
  | 'incomplete_number'
  | 'incorrect_number'
  | 'card_brand_not_accepted'
  | 'incomplete_expiry'
  | 'invalid_expiry_month'
  | 'invalid_expiry_year'
  | 'incomplete_cvc'
  | 'invalid_cvc'
  | 'incomplete_zip'
  | 'incomplete_routing_number'
  | 'routing_number_invalid'
  | 'incomplete_account_number'
  | 'account_number_invalid'
  | 'account_number_mismatch'
  | 'incomplete_account_holder_name'
  | 'incomplete_iban'
  | 'iban_invalid'
  | 'incomplete_id_number'
  | 'id_number_invalid'
  | 'parameter_missing';

export interface ValidationError {
  code: ValidationCode;
  /** The API parameter at fault, in Stripe's bracket syntax (`card[number]`). */
  param: string;
  message: string;
}

export const messages: Record<ValidationCode, string> = {
  incomplete_number: 'Your card number is incomplete.',
  incorrect_number: 'Your card number is incorrect.',
  card_brand_not_accepted: "Your card's brand is not accepted.",
  incomplete_expiry: "Your card's expiration date is incomplete.",
  invalid_expiry_month: "Your card's expiration month is invalid.",
  invalid_expiry_year: "Your card's expiration year is invalid.",
  incomplete_cvc: "Your card's security code is incomplete.",
  invalid_cvc: "Your card's security code is invalid.",
  incomplete_zip: 'Your postal code is incomplete.',
  incomplete_routing_number: 'Your routing number is incomplete.',
  routing_number_invalid: 'Your routing number is invalid.',
  incomplete_account_number: 'Your account number is incomplete.',
  account_number_invalid: 'Your account number is invalid.',
  account_number_mismatch: 'The account numbers do not match.',
  incomplete_account_holder_name: "Enter the account holder's name.",
  incomplete_iban: 'Your IBAN is incomplete.',
  iban_invalid: 'Your IBAN is invalid.',
  incomplete_id_number: 'Your ID number is incomplete.',
  id_number_invalid: 'Your ID number is invalid.',
  parameter_missing: 'A required parameter is missing.',
};

export function validationError(code: ValidationCode, param: string): ValidationError {
  return { code, param, message: messages[code] };
}
