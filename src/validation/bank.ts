import { countrySpecs, electronicFormatIBAN, extractIBAN, isSEPACountry } from 'ibantools';
import type { FieldCheck } from './card';
import { validationError } from './errors';

/**
 * Bank account rules, shared by the frame and the service. US accounts are a
 * routing number (ABA checksum) and a 4–17 digit account number; IBAN
 * countries use the IBAN as the account number, as Stripe does.
 */

/** Routing numbers whose bank we can name. Test mode knows Stripe's test bank. */
const bankNames: Record<string, string> = {
  '110000000': 'STRIPE TEST BANK',
};

/** 3·d1 + 7·d2 + 1·d3 + 3·d4 + 7·d5 + 1·d6 + 3·d7 + 7·d8 + 1·d9 ≡ 0 (mod 10). */
export function isRoutingNumberValid(routingNumber: string): boolean {
  if (!/^\d{9}$/.test(routingNumber)) return false;
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(routingNumber[i]), 0);
  return sum % 10 === 0;
}

export function bankNameFor(routingNumber: string): string | null {
  return bankNames[routingNumber] ?? null;
}

export function checkRoutingNumber(value: string): FieldCheck & { bankName: string | null } {
  const param = 'bank_account[routing_number]';
  if (value === '')
    return { state: 'empty', bankName: null, error: validationError('incomplete_routing_number', param) };
  if (!/^\d+$/.test(value) || value.length > 9) {
    return { state: 'invalid', bankName: null, error: validationError('routing_number_invalid', param) };
  }
  if (value.length < 9) {
    return { state: 'incomplete', bankName: null, error: validationError('incomplete_routing_number', param) };
  }
  return isRoutingNumberValid(value)
    ? { state: 'complete', bankName: bankNameFor(value) }
    : { state: 'invalid', bankName: null, error: validationError('routing_number_invalid', param) };
}

export function checkAccountNumber(value: string): FieldCheck {
  const param = 'bank_account[account_number]';
  if (value === '') return { state: 'empty', error: validationError('incomplete_account_number', param) };
  if (!/^\d+$/.test(value) || value.length > 17) {
    return { state: 'invalid', error: validationError('account_number_invalid', param) };
  }
  if (value.length < 4) return { state: 'incomplete', error: validationError('incomplete_account_number', param) };
  return { state: 'complete' };
}

export function checkAccountNumberConfirmation(accountNumber: string, confirmation: string): FieldCheck {
  const param = 'bank_account[account_number]';
  if (confirmation === '') return { state: 'empty', error: validationError('account_number_mismatch', param) };
  if (confirmation === accountNumber) return { state: 'complete' };
  return accountNumber.startsWith(confirmation)
    ? { state: 'incomplete', error: validationError('account_number_mismatch', param) }
    : { state: 'invalid', error: validationError('account_number_mismatch', param) };
}

export function checkAccountHolderName(value: string): FieldCheck {
  return value.trim() === ''
    ? { state: 'empty', error: validationError('incomplete_account_holder_name', 'bank_account[account_holder_name]') }
    : { state: 'complete' };
}

/** Countries whose accounts are identified by an IBAN (every country ibantools knows an IBAN format for). */
export function usesIban(country: string): boolean {
  return Boolean(countrySpecs[country.toUpperCase()]?.chars);
}

/** Accepts spaces and lower case as people type them; the country comes from the IBAN itself. */
export function checkIban(value: string): FieldCheck & { country: string | null; iban: string | null } {
  const param = 'bank_account[account_number]';
  const iban = electronicFormatIBAN(value) ?? '';
  if (iban === '')
    return { state: 'empty', country: null, iban: null, error: validationError('incomplete_iban', param) };
  const country = iban.slice(0, 2);
  const spec = countrySpecs[country];
  if (!/^[A-Z]{2}\d{0,2}[A-Z0-9]*$/.test(iban) || (iban.length >= 2 && !spec?.chars)) {
    return { state: 'invalid', country: null, iban: null, error: validationError('iban_invalid', param) };
  }
  if (spec?.chars && iban.length < spec.chars) {
    return { state: 'incomplete', country, iban: null, error: validationError('incomplete_iban', param) };
  }
  const extracted = extractIBAN(iban);
  return extracted.valid
    ? { state: 'complete', country, iban: extracted.iban }
    : { state: 'invalid', country, iban: null, error: validationError('iban_invalid', param) };
}

/** The currency a bank account in `country` holds unless the merchant says otherwise. */
export function defaultCurrency(country: string): string {
  const upper = country.toUpperCase();
  if (upper === 'US') return 'usd';
  if (upper === 'GB') return 'gbp';
  if (upper === 'CH' || upper === 'LI') return 'chf';
  return isSEPACountry(upper) ? 'eur' : 'usd';
}

/** Last four characters of an account number or IBAN, the only part shown back. */
export function last4(accountNumber: string): string {
  return accountNumber.slice(-4);
}
