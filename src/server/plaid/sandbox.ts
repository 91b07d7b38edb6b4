import { createHash, randomUUID } from 'node:crypto';
import { randomBase62 } from '../ids';

/**
 * What Plaid's sandbox knows: its test institutions, the one test login, and
 * the two accounts every sandbox Item holds. The numbers are Stripe's test
 * bank, so the bank tokens made from them behave as in Stripe's test mode.
 */

/** Plaid's sandbox institutions (non-OAuth, US), by id. */
export const sandboxInstitutions: Readonly<Record<string, string>> = {
  ins_109508: 'First Platypus Bank',
  ins_109509: 'First Gingham Credit Union',
  ins_109510: 'Tattersall Federal Credit Union',
  ins_109511: 'Tartan Bank',
  ins_109512: 'Houndstooth Bank',
};

export const sandboxLogin = { username: 'user_good', password: 'pass_good' } as const;

/**
 * The Plaid products a sandbox Item at these institutions can have (Plaid's
 * `Products` names). `initial_products` may name only these.
 */
export const sandboxProducts = [
  'assets',
  'auth',
  'balance',
  'identity',
  'identity_match',
  'income_verification',
  'investments',
  'liabilities',
  'recurring_transactions',
  'signal',
  'statements',
  'transactions',
  'transfer',
] as const;

/** Billed per call, never per Item: Plaid leaves it out of `billed_products`. */
const perCallProducts: readonly string[] = ['balance'];

/** An Item's product lists as `/accounts/get` reports them, from the products it was created with. */
export function itemProducts(products: readonly string[]) {
  const added = [...new Set(products)].sort();
  return {
    available_products: sandboxProducts.filter((product) => !added.includes(product)),
    billed_products: added.filter((product) => !perCallProducts.includes(product)),
    // Creating the Item is the consent: the sandbox's Link flow is the user agreeing to these.
    consented_products: added,
    products: added,
  };
}

/** Stripe's test bank (`STRIPE TEST BANK`). */
const sandboxRoutingNumber = '110000000';

/** How long a public token can be exchanged, as in Plaid. */
export const publicTokenTtlSeconds = 30 * 60;

/** An account as `/accounts/get` returns it: masks and names only, never the numbers. */
export type PlaidAccount = {
  account_id: string;
  balances: {
    available: number | null;
    current: number | null;
    iso_currency_code: string | null;
    limit: number | null;
    unofficial_currency_code: string | null;
  };
  mask: string;
  name: string;
  official_name: string | null;
  subtype: 'checking' | 'savings';
  type: 'depository';
};

/** The raw numbers behind one account; stored encrypted in the Item's secret. */
export interface BankNumbers {
  routing: string;
  account: string;
}

const sandboxAccountTemplates = [
  {
    name: 'Plaid Checking',
    officialName: 'Plaid Gold Standard 0% Interest Checking',
    subtype: 'checking',
    available: 100,
    current: 110,
    accountNumber: '000123456789',
  },
  {
    name: 'Plaid Saving',
    officialName: 'Plaid Silver Standard 0.1% Interest Saving',
    subtype: 'savings',
    available: 200,
    current: 210,
    accountNumber: '000987654321',
  },
] as const;

/** A new Item's accounts, with fresh account ids, and the numbers behind each id. */
export function openSandboxAccounts(): { accounts: PlaidAccount[]; numbers: Record<string, BankNumbers> } {
  const accounts: PlaidAccount[] = [];
  const numbers: Record<string, BankNumbers> = {};
  for (const template of sandboxAccountTemplates) {
    const accountId = randomBase62(37);
    accounts.push({
      account_id: accountId,
      balances: {
        available: template.available,
        current: template.current,
        iso_currency_code: 'USD',
        limit: null,
        unofficial_currency_code: null,
      },
      mask: template.accountNumber.slice(-4),
      name: template.name,
      official_name: template.officialName,
      subtype: template.subtype,
      type: 'depository',
    });
    numbers[accountId] = { routing: sandboxRoutingNumber, account: template.accountNumber };
  }
  return { accounts, numbers };
}

export const newItemId = () => randomBase62(37);
export const newPublicToken = () => `public-sandbox-${randomUUID()}`;
export const newAccessToken = () => `access-sandbox-${randomUUID()}`;

/**
 * Public and access tokens are stored only as this hash. Unkeyed is enough:
 * they are random UUIDs, not guessable values like card numbers.
 */
export function hashPlaidToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
