import { StripeError } from '../errors';

/**
 * Stripe's published test cards and test tokens. Test mode accepts them (the
 * tokens without being created, as often as wanted); live mode refuses every
 * one with Stripe's own answer, so a checkout that goes live with test data
 * still in it fails loudly instead of storing cards that can never be charged.
 */

/** The test tokens and the card each stands for. */
export const testTokenCards: Readonly<Record<string, string>> = {
  tok_visa: '4242424242424242',
  tok_visa_debit: '4000056655665556',
  tok_mastercard: '5555555555554444',
  tok_amex: '378282246310005',
  tok_discover: '6011111111111117',
  tok_jcb: '3566002020360505',
  tok_unionpay: '6200000000000005',
  tok_chargeDeclined: '4000000000000002',
};

/** Stripe's test card numbers (https://docs.stripe.com/testing): by brand, by country, and the declines. */
const knownTestCardNumbers = new Set([
  ...Object.values(testTokenCards),
  // Brands
  '4000002500001001',
  '5200828282828210',
  '5105105105105100',
  '2223003122003222',
  '371449635398431',
  '6011000990139424',
  '6011111111111117',
  '6011981111111113',
  '3056930009020004',
  '36227206271667',
  '6555900000604105',
  '3566002020360505',
  '6200000000000005',
  '6200000000000047',
  '6205500000000000004',
  // Countries
  '4000000760000002',
  '4000001240000000',
  '4000004840008001',
  '4000000400000008',
  '4000002500000003',
  '4000002760000016',
  '4000008260000000',
  '4000000560000004',
  '4000003560000008',
  '4000003920000003',
  '4000000360000006',
  // Declines and checks
  '4000000000000077',
  '4000000000000093',
  '4000000000000010',
  '4000000000000028',
  '4000000000000036',
  '4000000000000044',
  '4000000000000101',
  '4000000000000341',
  '4000000000009995',
  '4000000000009987',
  '4000000000009979',
  '4000000000000069',
  '4000000000000127',
  '4000000000000119',
  '4242424242424241',
  '4100000000000019',
  '4000002500003155',
  '4000002760003184',
  '4000000000003220',
]);

export function isKnownTestCard(number: string): boolean {
  return knownTestCardNumbers.has(number);
}

/** Stripe's answer to a test card or test token sent with a live key. */
export function liveModeTestCard(param?: string): StripeError {
  return new StripeError(
    402,
    'card_error',
    'Your card was declined. Your request was in live mode, but used a known test card.',
    'card_declined',
    param,
  );
}
