import { sandboxProducts } from './sandbox';

/**
 * The Plaid sandbox's request and response shapes. Bodies are validated
 * against these before a handler runs, and responses are serialized through
 * them, so nothing outside a schema (an account number) can reach a response.
 * `client_id` and `secret` are allowed in every body: Plaid takes them there
 * or in headers.
 */

const credentials = {
  client_id: { type: 'string', maxLength: 256 },
  secret: { type: 'string', maxLength: 256 },
} as const;

const accessToken = { type: 'string', minLength: 1, maxLength: 256 } as const;

function requestBody(required: readonly string[], properties: Record<string, unknown>) {
  return {
    type: 'object',
    required,
    additionalProperties: false,
    properties: { ...credentials, ...properties },
  } as const;
}

function responseBody(properties: Record<string, unknown>) {
  const all = { ...properties, request_id: { type: 'string' } };
  return { 200: { type: 'object', required: Object.keys(all), properties: all } } as const;
}

const products = { type: 'array', items: { type: 'string' } } as const;
const nullableNumber = { type: ['number', 'null'] } as const;
const nullableString = { type: ['string', 'null'] } as const;

const account = {
  type: 'object',
  properties: {
    account_id: { type: 'string' },
    balances: {
      type: 'object',
      properties: {
        available: nullableNumber,
        current: nullableNumber,
        iso_currency_code: nullableString,
        limit: nullableNumber,
        unofficial_currency_code: nullableString,
      },
    },
    mask: nullableString,
    name: { type: 'string' },
    official_name: nullableString,
    subtype: nullableString,
    type: { type: 'string' },
  },
} as const;

const item = {
  type: 'object',
  properties: {
    available_products: products,
    billed_products: products,
    consent_expiration_time: nullableString,
    consented_products: products,
    error: { type: 'null' },
    institution_id: { type: 'string' },
    institution_name: { type: 'string' },
    item_id: { type: 'string' },
    products,
    update_type: { type: 'string' },
    webhook: nullableString,
  },
} as const;

export interface PublicTokenCreateBody {
  institution_id: string;
  initial_products: string[];
  options?: { override_username?: string; override_password?: string };
}

export const publicTokenCreateSchema = {
  body: requestBody(['institution_id', 'initial_products'], {
    institution_id: { type: 'string', minLength: 1, maxLength: 64 },
    initial_products: { type: 'array', minItems: 1, maxItems: 20, items: { enum: sandboxProducts } },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        override_username: { type: 'string', maxLength: 256 },
        override_password: { type: 'string', maxLength: 256 },
      },
    },
  }),
  response: responseBody({ public_token: { type: 'string' } }),
};

export interface PublicTokenExchangeBody {
  public_token: string;
}

export const publicTokenExchangeSchema = {
  body: requestBody(['public_token'], { public_token: { type: 'string', minLength: 1, maxLength: 256 } }),
  response: responseBody({ access_token: { type: 'string' }, item_id: { type: 'string' } }),
};

export interface AccountsGetBody {
  access_token: string;
}

export const accountsGetSchema = {
  body: requestBody(['access_token'], { access_token: accessToken }),
  response: responseBody({ accounts: { type: 'array', items: account }, item }),
};

export interface ProcessorTokenBody {
  access_token: string;
  account_id: string;
}

export const stripeProcessorTokenSchema = {
  body: requestBody(['access_token', 'account_id'], {
    access_token: accessToken,
    account_id: { type: 'string', minLength: 1, maxLength: 256 },
  }),
  response: responseBody({ stripe_bank_account_token: { type: 'string' } }),
};
