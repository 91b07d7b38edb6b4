/**
 * Error codes shared by the frame (instant feedback) and the service (the
 * authority). The codes a client can see from the API follow Stripe's names;
 * the `incomplete_*` codes only ever appear in the frame while typing.
 */
export type ValidationCode =
  | 'incomplete_number'
  | 'incorrect_number'
  | 'incomplete_expiry'
  | 'invalid_expiry_month'
  | 'invalid_expiry_year'
  | 'incomplete_cvc'
  | 'invalid_cvc'
  | 'incomplete_zip'
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
  incomplete_expiry: "Your card's expiration date is incomplete.",
  invalid_expiry_month: "Your card's expiration month is invalid.",
  invalid_expiry_year: "Your card's expiration year is invalid.",
  incomplete_cvc: "Your card's security code is incomplete.",
  invalid_cvc: "Your card's security code is invalid.",
  incomplete_zip: 'Your postal code is incomplete.',
  parameter_missing: 'A required parameter is missing.',
};

export function validationError(code: ValidationCode, param: string): ValidationError {
  return { code, param, message: messages[code] };
}
