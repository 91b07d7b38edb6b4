// The records the contract suites store: valid, distinct on every call, and
// overridable field by field.
import { boundFormatPrefix, type EncryptedValue } from '../../src/server/crypto';
import type {
  AccountRecord,
  ApiKeyRecord,
  CustomerRecord,
  IdempotencyRecord,
  ModeScope,
  PlaidItemRecord,
  SourceRecord,
  TokenRecord,
} from '../../src/server/storage/types';

export const now = 1_760_000_000;
export const accountA: AccountRecord = { id: 'acct_A', allowedOrigins: ['https://shop.example'] };
export const accountB: AccountRecord = { id: 'acct_B', allowedOrigins: ['https://other.example'] };
/** Account A in test mode, where records are unless a test says otherwise; and in live mode. */
export const testA: ModeScope = { accountId: accountA.id, livemode: false };
export const liveA: ModeScope = { accountId: accountA.id, livemode: true };
export const testB: ModeScope = { accountId: accountB.id, livemode: false };

let serial = 0;
const nextId = (prefix: string) => `${prefix}_${++serial}`;

/** A stand-in for a value bound to its row (format 2): the suites check what is stored, not the cipher. */
export function encrypted(keyId = 'enc_1', data = `ciphertext-${++serial}`): EncryptedValue {
  return { keyId, iv: `iv-${data}`, tag: `tag-${data}`, data: `${boundFormatPrefix}${data}` };
}

export function tokenRecord(overrides: Partial<TokenRecord> = {}): TokenRecord {
  const id = overrides.id ?? nextId('tok');
  const created = overrides.created ?? now;
  return {
    id,
    accountId: accountA.id,
    livemode: false,
    type: 'card',
    token: { id, object: 'token', type: 'card', used: false, created, card: { brand: 'Visa', last4: '4242' } },
    secret: encrypted(),
    fingerprint: 'fp_visa',
    used: false,
    created,
    expiresAt: created + 3600,
    ...overrides,
  };
}

export function apiKey(overrides: Partial<ApiKeyRecord> = {}): ApiKeyRecord {
  return {
    id: nextId('key'),
    accountId: accountA.id,
    kind: 'secret',
    livemode: false,
    display: 'sk_test_****abcd',
    created: now,
    revokedAt: null,
    ...overrides,
  };
}

export function customerRecord(overrides: Partial<CustomerRecord> = {}): CustomerRecord {
  const id = overrides.id ?? nextId('cus');
  return {
    id,
    accountId: accountA.id,
    livemode: false,
    customer: { id, object: 'customer', sources: { object: 'list', data: [], total_count: 0 } },
    created: now,
    ...overrides,
  };
}

export function sourceRecord(customerId: string, overrides: Partial<SourceRecord> = {}): SourceRecord {
  const id = overrides.id ?? nextId('card');
  return {
    id,
    customerId,
    accountId: accountA.id,
    livemode: false,
    source: { id, object: 'card', brand: 'Visa', last4: '4242', customer: customerId },
    secret: encrypted(),
    fingerprint: 'fp_visa',
    created: now,
    cvcExpiresAt: null,
    ...overrides,
  };
}

export function idempotencyRecord(overrides: Partial<IdempotencyRecord> = {}): IdempotencyRecord {
  return {
    scope: 'key_1',
    key: 'order-1',
    requestHash: 'hash-1',
    statusCode: 200,
    responseBody: '{"id":"tok_1"}',
    created: now,
    ...overrides,
  };
}

export function plaidItem(overrides: Partial<PlaidItemRecord> = {}): PlaidItemRecord {
  return {
    itemId: nextId('item'),
    accountId: accountA.id,
    accessTokenHash: null,
    institutionId: 'ins_109508',
    accounts: [{ account_id: 'acc_1', mask: '0000', name: 'Plaid Checking', type: 'depository' }],
    products: ['auth', 'transactions'],
    secret: encrypted(),
    created: now,
    ...overrides,
  };
}
