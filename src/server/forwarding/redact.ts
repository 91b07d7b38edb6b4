import type { CardValues } from './fill';

/** Headers whose values are credentials, by name: written to request_details as a placeholder. */
const credentialHeader = /authorization|cookie|secret|token|password|api[-_]?key|signature|^x-.*key$/i;

/** `4242 42** **** 4242`-style: the first six and last four digits, the rest as stars. */
export function maskCardNumber(number: string): string {
  return number.length <= 10
    ? '*'.repeat(number.length)
    : `${number.slice(0, 6)}${'*'.repeat(number.length - 10)}${number.slice(-4)}`;
}

/** The values as request_details shows them: the number masked, the CVC as `***`. */
export function redactedValues(values: CardValues): CardValues {
  return {
    ...values,
    ...(values.card_number === undefined ? {} : { card_number: maskCardNumber(values.card_number) }),
    ...(values.card_cvc === undefined ? {} : { card_cvc: '***' }),
  };
}

export function redactHeaders(headers: [string, string][]): { name: string; value: string }[] {
  return headers.map(([name, value]) => ({ name, value: credentialHeader.test(name) ? '[redacted]' : value }));
}

/**
 * What the processor answered, with the card number and the CVC wherever it
 * echoed them masked: the answer is stored and returned, and must hold
 * neither. The CVC is masked wherever its digits stand alone (not inside a
 * longer number); an unrelated value with the same digits is masked too,
 * which is the safe way to be wrong.
 */
export function redactEcho(text: string, values: CardValues): string {
  const number = values.card_number;
  const cvc = values.card_cvc;
  const masked = number ? text.split(number).join(maskCardNumber(number)) : text;
  // Validated digits when the token was made, so they are safe inside a pattern.
  return cvc && /^\d+$/.test(cvc) ? masked.replace(new RegExp(`(?<!\\d)${cvc}(?!\\d)`, 'g'), '***') : masked;
}
