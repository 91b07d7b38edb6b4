import {
  bankNameFor,
  checkAccountNumber,
  checkIban,
  checkRoutingNumber,
  defaultCurrency,
  last4,
  usesIban,
} from '../../validation/bank';
import { messages } from '../../validation/errors';
import { StripeError } from '../errors';
import { newId } from '../ids';
import { checkKnownParams, readDictionary, readEnum, readRequiredString, readString } from './params';
import type { TokenBuilder } from './types';

const bankAccountParamNames = [
  'country',
  'currency',
  'account_holder_name',
  'account_holder_type',
  'routing_number',
  'account_number',
  'account_type',
] as const;

const accountHolderTypes = ['individual', 'company'] as const;
const bankAccountTypes = ['checking', 'savings', 'futsu', 'toza'] as const;

export type BankAccountObject = {
  id: string;
  object: 'bank_account';
  account_holder_name: string | null;
  account_holder_type: (typeof accountHolderTypes)[number] | null;
  account_type: (typeof bankAccountTypes)[number] | null;
  bank_name: string | null;
  country: string;
  currency: string;
  fingerprint: string;
  last4: string;
  /** Public, as in Stripe: it names the bank, not the account. Null for IBAN accounts. */
  routing_number: string | null;
  status: 'new';
};

export type BankAccountToken = {
  id: string;
  object: 'token';
  bank_account: BankAccountObject;
  client_ip: string | null;
  created: number;
  livemode: boolean;
  redaction: null;
  type: 'bank_account';
  used: boolean;
};

const param = (name: (typeof bankAccountParamNames)[number]) => `bank_account[${name}]`;

function invalidBankValue(code: 'routing_number_invalid' | 'account_number_invalid', message = messages[code]) {
  const name = code === 'routing_number_invalid' ? 'routing_number' : 'account_number';
  return new StripeError(400, 'invalid_request_error', message, code, param(name));
}

interface BankDetails {
  routingNumber: string | null;
  accountNumber: string;
}

/** US: ABA routing number plus a 4–17 digit account number. */
function readUsAccount(routing: string | undefined, account: string): BankDetails {
  const routingNumber = readRequiredString(routing, param('routing_number'));
  if (checkRoutingNumber(routingNumber).state !== 'complete') throw invalidBankValue('routing_number_invalid');
  if (checkAccountNumber(account).state !== 'complete') throw invalidBankValue('account_number_invalid');
  return { routingNumber, accountNumber: account };
}

/** IBAN countries: the account number is the IBAN, and it must belong to `country`. */
function readIbanAccount(country: string, routing: string | undefined, account: string): BankDetails {
  if (routing !== undefined && routing !== '') {
    throw invalidBankValue('routing_number_invalid', 'Accounts identified by an IBAN take no routing number.');
  }
  const iban = checkIban(account);
  if (iban.state !== 'complete' || !iban.iban) throw invalidBankValue('account_number_invalid');
  if (iban.country !== country) {
    throw invalidBankValue('account_number_invalid', `The IBAN does not belong to ${param('country')}.`);
  }
  return { routingNumber: null, accountNumber: iban.iban };
}

/**
 * Other countries have their own bank codes (transit numbers, BSBs, …) which
 * are not checked yet; the account number still follows the digit rules.
 */
function readOtherAccount(routing: string | undefined, account: string): BankDetails {
  const routingNumber = routing === undefined || routing === '' ? null : routing;
  if (routingNumber !== null && !/^[0-9A-Za-z -]{1,20}$/.test(routingNumber)) {
    throw invalidBankValue('routing_number_invalid');
  }
  if (checkAccountNumber(account).state !== 'complete') throw invalidBankValue('account_number_invalid');
  return { routingNumber, accountNumber: account };
}

/** Refuses anything but `length` letters (`US`, `usd`), naming the parameter, never quoting the value. */
function letterCode(value: string, what: 'country' | 'currency'): string {
  const [pattern, words] = what === 'country' ? [/^[A-Za-z]{2}$/, 'two-letter'] : [/^[A-Za-z]{3}$/, 'three-letter'];
  if (!pattern.test(value)) {
    const name = param(what);
    throw new StripeError(
      400,
      'invalid_request_error',
      `Invalid ${name}: must be a ${words} ${what} code.`,
      undefined,
      name,
    );
  }
  return value;
}

/** `bank_account[...]` → a `btok_…` token holding a `ba_…` bank account; the account number is the secret. */
export const tokenizeBankAccount: TokenBuilder = (value, context) => {
  const params = readDictionary(value, 'bank_account');
  checkKnownParams(params, bankAccountParamNames, 'bank_account');
  for (const name of bankAccountParamNames) readString(params[name], param(name));

  const country = letterCode(readRequiredString(params.country, param('country')), 'country').toUpperCase();
  const currencyText = letterCode(
    readString(params.currency, param('currency')) || defaultCurrency(country),
    'currency',
  );
  const holderName = readString(params.account_holder_name, param('account_holder_name')) || null;
  const holderType = readEnum(params.account_holder_type, param('account_holder_type'), accountHolderTypes) ?? null;
  const accountType = readEnum(params.account_type, param('account_type'), bankAccountTypes) ?? null;

  const accountNumber = readRequiredString(params.account_number, param('account_number'));
  const routing = readString(params.routing_number, param('routing_number'));
  const details =
    country === 'US'
      ? readUsAccount(routing, accountNumber)
      : usesIban(country)
        ? readIbanAccount(country, routing, accountNumber)
        : readOtherAccount(routing, accountNumber);

  // The routing number is part of the identity: the same account number at two banks is two accounts.
  const bankFingerprint = context.fingerprint(
    `bank_account\u0000${details.routingNumber ?? ''}\u0000${details.accountNumber}`,
  );
  const token: BankAccountToken = {
    id: newId('btok'),
    object: 'token',
    bank_account: {
      id: newId('ba'),
      object: 'bank_account',
      account_holder_name: holderName,
      account_holder_type: holderType,
      account_type: accountType,
      bank_name: details.routingNumber && country === 'US' ? bankNameFor(details.routingNumber) : null,
      country,
      currency: currencyText.toLowerCase(),
      fingerprint: bankFingerprint,
      last4: last4(details.accountNumber),
      routing_number: details.routingNumber,
      status: 'new',
    },
    client_ip: context.clientIp,
    created: context.created,
    livemode: context.livemode,
    redaction: null,
    type: 'bank_account',
    used: false,
  };
  return {
    token,
    secret: { country, routing_number: details.routingNumber, account_number: details.accountNumber },
    fingerprint: bankFingerprint,
  };
};
