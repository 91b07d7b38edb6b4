// Row ↔ record mapping shared by the SQLite and PostgreSQL adapters: both
// use the same column names, so only the value types differ (SQLite gives
// integers for booleans; PostgreSQL gives bigint as text).
import type { EncryptedValue } from '../crypto';
import type {
  AccountRecord,
  ApiKeyKind,
  ApiKeyRecord,
  CustomerRecord,
  IdempotencyClaim,
  IdempotencyRecord,
  PlaidItemRecord,
  SecretEntry,
  SourceRecord,
  TokenRecord,
} from './types';

/** A time column: a number from SQLite, a string from PostgreSQL's bigint. */
type Time = number | string;

/** A boolean column: 0 or 1 from SQLite, a boolean from PostgreSQL. */
type Flag = number | boolean;

export interface SecretColumns {
  secret_key_id: string | null;
  secret_iv: string | null;
  secret_tag: string | null;
  secret_data: string | null;
}

export function secretToColumns(secret: EncryptedValue | null): SecretColumns {
  return {
    secret_key_id: secret?.keyId ?? null,
    secret_iv: secret?.iv ?? null,
    secret_tag: secret?.tag ?? null,
    secret_data: secret?.data ?? null,
  };
}

function secretFromColumns(row: SecretColumns): EncryptedValue | null {
  if (row.secret_key_id === null || row.secret_iv === null || row.secret_tag === null || row.secret_data === null) {
    return null;
  }
  return { keyId: row.secret_key_id, iv: row.secret_iv, tag: row.secret_tag, data: row.secret_data };
}

/** For the tables whose secret is never wiped (sources, Plaid items). */
function requiredSecret(row: SecretColumns, what: string): EncryptedValue {
  const secret = secretFromColumns(row);
  if (!secret) throw new Error(`${what} has no encrypted value`);
  return secret;
}

export interface AccountRow {
  id: string;
  allowed_origins: string;
}

/**
 * An account's origins column: its allowed origins as a JSON array, as always, or, once the operator allowed font
 * origins, `{"origins": […], "fontOrigins": […]}` — one column either way, so font origins needed no migration.
 */
export function accountOriginsColumn({ allowedOrigins, fontOrigins = [] }: AccountRecord): string {
  return JSON.stringify(fontOrigins.length > 0 ? { origins: allowedOrigins, fontOrigins } : allowedOrigins);
}

export function accountFromRow(row: AccountRow): AccountRecord {
  const parsed = JSON.parse(row.allowed_origins) as string[] | { origins: string[]; fontOrigins: string[] };
  return Array.isArray(parsed)
    ? { id: row.id, allowedOrigins: parsed }
    : { id: row.id, allowedOrigins: parsed.origins, fontOrigins: parsed.fontOrigins };
}

export interface ApiKeyRow {
  id: string;
  account_id: string;
  kind: ApiKeyKind;
  livemode: Flag;
  display: string;
  created: Time;
  revoked_at: Time | null;
}

export function apiKeyFromRow(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    kind: row.kind,
    livemode: Boolean(row.livemode),
    display: row.display,
    created: Number(row.created),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}

/**
 * `saveApiKey` found the key already registered: the same account keeps its
 * record as it is (a revoked key stays revoked); another account is refused,
 * since a key moved between accounts would read the other's vault.
 */
export function checkExistingApiKey(existingAccountId: string, record: ApiKeyRecord): void {
  if (existingAccountId !== record.accountId) {
    throw new Error(`API key ${record.id} is already registered to another account.`);
  }
}

export interface TokenRow extends SecretColumns {
  id: string;
  account_id: string;
  livemode: Flag;
  type: string;
  token_json: string;
  fingerprint: string | null;
  used: Flag;
  created: Time;
  expires_at: Time;
}

export function tokenFromRow(row: TokenRow): TokenRecord {
  const used = Boolean(row.used);
  return {
    id: row.id,
    accountId: row.account_id,
    livemode: Boolean(row.livemode),
    type: row.type,
    // `used` lives in its own column so consuming a token is one UPDATE.
    token: { ...JSON.parse(row.token_json), used },
    secret: secretFromColumns(row),
    fingerprint: row.fingerprint,
    used,
    created: Number(row.created),
    expiresAt: Number(row.expires_at),
  };
}

export interface CustomerRow {
  id: string;
  account_id: string;
  livemode: Flag;
  customer_json: string;
  created: Time;
}

export function customerFromRow(row: CustomerRow): CustomerRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    livemode: Boolean(row.livemode),
    customer: JSON.parse(row.customer_json) as CustomerRecord['customer'],
    created: Number(row.created),
  };
}

export interface SourceRow extends SecretColumns {
  id: string;
  customer_id: string;
  account_id: string;
  livemode: Flag;
  source_json: string;
  fingerprint: string | null;
  created: Time;
  cvc_expires_at: Time | null;
}

export function sourceFromRow(row: SourceRow): SourceRecord {
  return {
    id: row.id,
    customerId: row.customer_id,
    accountId: row.account_id,
    livemode: Boolean(row.livemode),
    source: JSON.parse(row.source_json) as SourceRecord['source'],
    secret: requiredSecret(row, `source ${row.id}`),
    fingerprint: row.fingerprint,
    created: Number(row.created),
    cvcExpiresAt: row.cvc_expires_at === null ? null : Number(row.cvc_expires_at),
  };
}

export interface IdempotencyRow {
  scope: string;
  idempotency_key: string;
  request_hash: string;
  status_code: number;
  response_body: string;
  created: Time;
}

/** The status a claim is stored with until its request finishes: no HTTP answer is 0. */
export const claimedStatusCode = 0;

export function idempotencyFromRow(row: IdempotencyRow): IdempotencyRecord | IdempotencyClaim {
  const claim = {
    scope: row.scope,
    key: row.idempotency_key,
    requestHash: row.request_hash,
    created: Number(row.created),
  };
  const statusCode = Number(row.status_code);
  return statusCode === claimedStatusCode ? claim : { ...claim, statusCode, responseBody: row.response_body };
}

export interface PlaidItemRow extends SecretColumns {
  item_id: string;
  account_id: string;
  access_token_hash: string | null;
  institution_id: string;
  accounts_json: string;
  products_json: string;
  created: Time;
}

export function plaidItemFromRow(row: PlaidItemRow): PlaidItemRecord {
  return {
    itemId: row.item_id,
    accountId: row.account_id,
    accessTokenHash: row.access_token_hash,
    institutionId: row.institution_id,
    accounts: JSON.parse(row.accounts_json) as Record<string, unknown>[],
    products: JSON.parse(row.products_json) as string[],
    secret: requiredSecret(row, `Plaid item ${row.item_id}`),
    created: Number(row.created),
  };
}

/** A row of `listSecretsToReseal`: any table's id, account, mode and encrypted value. */
export interface SecretEntryRow extends SecretColumns {
  id: string;
  account_id: string;
  livemode: Flag;
}

export function secretEntryFromRow(row: SecretEntryRow, table: string): SecretEntry {
  const sealedAt = { table, id: row.id, accountId: row.account_id, livemode: Boolean(row.livemode) };
  return { sealedAt, secret: requiredSecret(row, `${table} ${row.id}`) };
}

/** Why a token could not be consumed, from the row the failed UPDATE left alone. */
export function consumeFailure(row: { used: Flag } | undefined): 'missing' | 'used' | 'expired' {
  if (!row) return 'missing';
  return row.used ? 'used' : 'expired';
}
