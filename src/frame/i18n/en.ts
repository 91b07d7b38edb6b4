import { messages } from '../../validation/errors';

/** How the active locale writes what a message quotes; catalogs stay free of Intl calls. */
export interface Formatters {
  /** `4` as the locale writes numbers (`٤` in some Arabic locales). */
  number(value: number): string;
  /** A card's expiry month as the locale names it: `March 2024`, `mars 2024`, `2024年3月`. */
  monthYear(month: number, year: number): string;
  /** A country's name from its ISO code: `DE` → `Germany`, `Allemagne`, `ドイツ`. */
  region(code: string): string;
}

/**
 * Every word the frame shows or announces, in English: the source catalog.
 * Other languages are typed `Catalog`, so TypeScript refuses one that misses
 * or adds a key. Group by what the customer sees, not by form, so the split
 * card fields reuse `card.*` as they are.
 */
const en = {
  /** The frame document's `<title>`, read by screen readers inside the iframe. */
  titles: {
    card: 'Secure card input',
    'bank-account': 'Secure bank account input',
    'cvc-update': 'Secure security code input',
    pii: 'Secure ID number input',
    'card-number': 'Secure card number input',
    'card-expiry': 'Secure expiration date input',
    'card-cvc': 'Secure CVC input',
  },
  /** What the merchant's form says while the element is empty (and required) or incomplete; the host shows it. */
  incomplete: {
    card: 'Please complete your card details.',
    'bank-account': 'Please complete your bank account details.',
    'cvc-update': "Please enter your card's security code.",
    pii: 'Please enter your ID number.',
    'card-number': 'Please enter your card number.',
    'card-expiry': "Please enter your card's expiration date.",
    'card-cvc': "Please enter your card's security code.",
  },
  card: {
    number: 'Card number',
    expiry: 'Expiration',
    expiryPlaceholder: 'MM / YY',
    cvc: 'CVC',
    cvcPlaceholder: 'CVC',
    postalCode: 'Postal code',
  },
  cvcUpdate: {
    securityCode: 'Security code',
    brandSecurityCode: (brand: string) => `${brand} security code`,
  },
  bank: {
    routingNumber: 'Routing number',
    accountNumber: 'Account number',
    confirmAccountNumber: 'Confirm account number',
    iban: 'IBAN',
    holderName: 'Account holder name',
    holderType: 'Account type',
    individual: 'Individual',
    company: 'Company',
  },
  pii: {
    ssn: 'Social Security number',
    itin: 'Individual Taxpayer Identification number',
    id: 'ID number',
    showNumber: 'Show number',
  },
  /** One message per validation code, the same English the API returns. */
  errors: messages,
  /** Messages only the frame shows, more precise than the code's own. */
  messages: {
    cvcDigits: (digits: number, f: Formatters) => `Your card's security code needs ${f.number(digits)} digits.`,
    cardExpired: (month: number, year: number, f: Formatters) => `Your card expired in ${f.monthYear(month, year)}.`,
    ibanFromCountry: (country: string, f: Formatters) => `Enter an IBAN from ${f.region(country)}.`,
  },
  /** The errors `POST /v1/tokens` can answer a customer with besides validation (by code, or type for `api_error`); others keep the service's message. */
  apiErrors: {
    network_error: 'Could not reach the payment service. Check your connection and try again.',
    rate_limit: 'Too many attempts in a short time. Please wait a moment and try again.',
    api_error: 'Something went wrong on our side. Please try again.',
    card_field_unavailable: 'Part of the card form did not respond. Reload the page and try again.',
  },
};

export type Catalog = typeof en;
export default en;
