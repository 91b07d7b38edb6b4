import type { EncryptedValue, SealedAt } from '../crypto';

export type ApiKeyKind = 'publishable' | 'secret';

/**
 * Where a record lives: its account, and live or test mode. Every lookup of
 * vault data is scoped by both, so live and test data never mix; an
 * authenticated key is one.
 */
export interface ModeScope {
  accountId: string;
  /** True for `pk_live_`/`sk_live_` keys and what they make. */
  livemode: boolean;
}

export interface ApiKeyRecord {
  /** `key_…`: how the CLI names a key without showing it. */
  id: string;
  accountId: string;
  kind: ApiKeyKind;
  livemode: boolean;
  /** A publishable key in full (it is public); a secret key redacted (`sk_test_****abcd`). */
  display: string;
  created: number;
  /** Seconds since the epoch, or null while the key works. */
  revokedAt: number | null;
}

export interface AccountRecord {
  id: string;
  /** Origins that may embed this account's frames (CSP `frame-ancestors`, `init` check). */
  allowedOrigins: string[];
  /** Origins the frames may load `fonts` from (CSP `font-src` and `style-src`); none when absent. */
  fontOrigins?: string[];
}

/** The public token object as the API returns it: no raw values in here. */
export type PublicToken = Record<string, unknown> & { id: string; type: string; used: boolean; created: number };

export interface TokenRecord extends ModeScope {
  id: string;
  type: string;
  token: PublicToken;
  /** The raw values as one encrypted JSON document; null once wiped (used, or expired unused). */
  secret: EncryptedValue | null;
  fingerprint: string | null;
  used: boolean;
  created: number;
  /** After this (seconds since the epoch) an unused token can no longer be used, and the sweeper wipes it. */
  expiresAt: number;
}

export type ConsumeResult = { ok: true; token: TokenRecord } | { ok: false; reason: 'missing' | 'used' | 'expired' };

export interface IdempotencyRecord {
  /** The API key (by its id) the record belongs to: keys are scoped to the key that sent them. */
  scope: string;
  key: string;
  /** A keyed hash of method, path and parameters: tells a replay from a reuse. */
  requestHash: string;
  statusCode: number;
  responseBody: string;
  created: number;
}

/**
 * A customer and its sources. Sources keep the raw values they were created
 * from (encrypted, same format as tokens), so a token's data outlives the
 * single-use token itself.
 */
export interface CustomerRecord extends ModeScope {
  id: string;
  /** The customer object as the API returns it, sources included. */
  customer: Record<string, unknown> & { id: string };
  created: number;
}

export interface SourceRecord extends ModeScope {
  id: string;
  customerId: string;
  /** The `card` or `bank_account` object as the API returns it. */
  source: Record<string, unknown> & { id: string; object: string };
  secret: EncryptedValue;
  fingerprint: string | null;
  created: number;
  /**
   * Until when (seconds since the epoch) `secret` holds the card's CVC for
   * its first charge: the expiry of the token it was saved from. Null once
   * the CVC was taken or wiped, and for sources saved without one.
   */
  cvcExpiresAt: number | null;
}

/** Re-seals a saved card's value without its CVC: the service's keys, which stores do not hold. */
export type SealWithoutCvc = (source: SourceRecord) => EncryptedValue;

/** A Plaid sandbox Item: one login at one institution, with its accounts. */
export interface PlaidItemRecord {
  itemId: string;
  /** The tokenframe account whose vault the Item's bank tokens go to. */
  accountId: string;
  /** SHA-256 of the access token; the token itself is shown once, at exchange. */
  accessTokenHash: string | null;
  institutionId: string;
  /** Plaid's account objects (masks, names, types) — public data. */
  accounts: Record<string, unknown>[];
  /** The Plaid products the Item was created with (`initial_products`). */
  products: string[];
  /** Routing and account numbers per Plaid account id, encrypted. */
  secret: EncryptedValue;
  created: number;
}

export interface PlaidPublicTokenRecord {
  /** SHA-256 of the public token. */
  tokenHash: string;
  itemId: string;
  expiresAt: number;
}

/** An encrypted value stored in some table, with the row it is bound to, for re-encryption. */
export interface SecretEntry {
  sealedAt: SealedAt;
  secret: EncryptedValue;
}

/**
 * A store that holds encrypted values. `tokenframe keys rotate-encryption`
 * and the pass on start that binds old values to their rows walk every such
 * store: read a page, re-encrypt, write back.
 */
export interface EncryptedRows {
  /**
   * Values to re-encrypt, by row id after `after`, at most `limit`: those not
   * under `keyId` (null: under any key) or not yet bound to their row. Rows
   * whose value was wiped have none.
   */
  listSecretsToReseal(keyId: string | null, after: string, limit: number): Promise<SecretEntry[]>;
  /**
   * Replaces one encrypted value if it is still `previous`, and says whether
   * it was: a value wiped or replaced meanwhile is left as it is.
   */
  replaceSecret(id: string, previous: EncryptedValue, secret: EncryptedValue): Promise<boolean>;
}

/** Accounts and their API keys. */
export interface KeyStore {
  /** Creates the account or replaces its allowed origins. */
  saveAccount(account: AccountRecord): Promise<void>;
  getAccount(id: string): Promise<AccountRecord | null>;
  listAccounts(): Promise<AccountRecord[]>;
  /**
   * Stores an API key by its SHA-256 hash; the key itself is never stored.
   * Insert only: the same hash again for the same account keeps the stored
   * record (a revoked key stays revoked); for another account it throws.
   */
  saveApiKey(hash: string, record: ApiKeyRecord): Promise<void>;
  /** Null for unknown and for revoked keys. */
  findKeyByHash(hash: string): Promise<ApiKeyRecord | null>;
  listApiKeys(): Promise<ApiKeyRecord[]>;
  /** Returns false when no key has that id. */
  revokeApiKey(id: string, at: number): Promise<boolean>;
}

/** The vault: tokens and their encrypted raw values. */
export interface VaultStore extends EncryptedRows {
  insertToken(token: TokenRecord): Promise<void>;
  /** Scoped to the account and mode: another account's token, or the other mode's, is "not found". */
  getToken(id: string, scope: ModeScope): Promise<TokenRecord | null>;
  /**
   * Marks the token used if, and only if, it exists for the account and mode, is
   * unused and has not expired — atomically: of any number of concurrent
   * calls for one token, exactly one gets `ok: true`. That one gets the raw
   * values; the stored token keeps none (a used token's CVC must not outlive its use).
   */
  consumeToken(id: string, scope: ModeScope, now: number): Promise<ConsumeResult>;
  /**
   * Wipes the raw values of unused tokens that expired before `now`, and of
   * used tokens still holding some (consumed before consuming wiped them); returns how many.
   */
  wipeExpiredTokens(now: number): Promise<number>;
}

/** Customers and the sources saved on them. */
export interface CustomerStore extends EncryptedRows {
  /** Creates or replaces the customer (the object carries its sources). */
  saveCustomer(customer: CustomerRecord): Promise<void>;
  /** Scoped like tokens: another account's customer, or the other mode's, is "not found". */
  getCustomer(id: string, scope: ModeScope): Promise<CustomerRecord | null>;
  insertSource(source: SourceRecord): Promise<void>;
  /**
   * Saves a source on an existing customer and rewrites the customer with
   * `addTo` applied, in one transaction that holds the customer's row, so of
   * concurrent additions to one customer (in any process) none is lost. Null,
   * with nothing saved, when the customer is not in the source's account and mode.
   */
  addSource(
    source: SourceRecord,
    addTo: (customer: CustomerRecord['customer']) => void,
  ): Promise<CustomerRecord | null>;
  /** A saved card or bank account, scoped like customers: forwarding and saved-source tokens read it. */
  getSource(id: string, scope: ModeScope): Promise<SourceRecord | null>;
  /**
   * Takes a saved card's CVC for its first charge, at most once across
   * processes: while `now` is before `cvcExpiresAt`, replaces the value by
   * `withoutCvc`'s, only if unchanged, clearing `cvcExpiresAt` in the same
   * write. The one caller that did gets the source as it was (its value
   * still holding the CVC); every other caller, and any after the window, null.
   */
  takeSourceCvc(id: string, scope: ModeScope, now: number, withoutCvc: SealWithoutCvc): Promise<SourceRecord | null>;
  /** Wipes the CVC of saved cards whose window passed before `now` unused (the sweeper); returns how many. */
  wipeExpiredSourceCvcs(now: number, withoutCvc: SealWithoutCvc): Promise<number>;
}

/** An `Idempotency-Key` taken by a request that is still running: no response yet. */
export type IdempotencyClaim = Omit<IdempotencyRecord, 'statusCode' | 'responseBody'>;

/**
 * Stored responses for `Idempotency-Key` replays, and the claims of requests
 * still running, so that of several processes sent one key at once only one
 * runs the request.
 */
export interface IdempotencyStore {
  /** The finished request's record, the claim of one still running, or null when the key is free. */
  getIdempotencyRecord(
    scope: string,
    key: string,
    notBefore: number,
  ): Promise<IdempotencyRecord | IdempotencyClaim | null>;
  /**
   * Takes the key for a request about to run — atomically: of any number of
   * concurrent claims exactly one gets true. A record created before
   * `notBefore`, or a claim before `abandonedBefore` (its process died), no
   * longer holds the key.
   */
  claimIdempotencyKey(claim: IdempotencyClaim, notBefore: number, abandonedBefore: number): Promise<boolean>;
  /**
   * Saves the record unless a finished one exists for the same scope and key
   * (the claim of the same request is completed); returns the record that is
   * now stored, so the loser of a race can replay the winner.
   */
  putIdempotencyRecord(record: IdempotencyRecord): Promise<IdempotencyRecord>;
  /** Gives up the claim of a request that failed (a 500 may be retried for real). */
  releaseIdempotencyKey(claim: IdempotencyClaim): Promise<void>;
  /** Deletes idempotency records created before `before`; returns how many. */
  deleteIdempotencyRecords(before: number): Promise<number>;
}

/** The Plaid sandbox's Items and public tokens; opened by the sandbox plugin, with its own migrations. */
export interface PlaidStore extends EncryptedRows {
  savePlaidItem(item: PlaidItemRecord): Promise<void>;
  getPlaidItem(itemId: string): Promise<PlaidItemRecord | null>;
  findPlaidItemByAccessToken(accessTokenHash: string): Promise<PlaidItemRecord | null>;
  savePlaidPublicToken(record: PlaidPublicTokenRecord): Promise<void>;
  /**
   * Exchanges a public token once: deletes it and returns its Item id, or
   * null when unknown, already exchanged or expired.
   */
  takePlaidPublicToken(tokenHash: string, now: number): Promise<string | null>;
}

/**
 * The service's stores, one per concern, over one database connection (the
 * embedded SQLite file or a PostgreSQL pool). The service decorates its
 * Fastify app with this once; each route plugin uses only the stores it needs.
 */
export interface Stores {
  keys: KeyStore;
  vault: VaultStore;
  customers: CustomerStore;
  idempotency: IdempotencyStore;
  close(): Promise<void>;
}
