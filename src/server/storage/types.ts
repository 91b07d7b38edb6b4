import type { EncryptedValue } from '../crypto';

export type ApiKeyKind = 'publishable' | 'secret';

export interface ApiKeyRecord {
  accountId: string;
  kind: ApiKeyKind;
}

export interface AccountRecord {
  id: string;
  /** Origins that may embed this account's frames (CSP `frame-ancestors`, `init` check). */
  allowedOrigins: string[];
}

/** The public token object as the API returns it: no raw values in here. */
export type PublicToken = Record<string, unknown> & { id: string; type: string; used: boolean; created: number };

export interface TokenRecord {
  id: string;
  accountId: string;
  type: string;
  token: PublicToken;
  /** The raw values (card number, CVC, expiry) as one encrypted JSON document. */
  secret: EncryptedValue;
  fingerprint: string | null;
  used: boolean;
  created: number;
}

export interface IdempotencyRecord {
  accountId: string;
  key: string;
  /** A keyed hash of method, path and parameters: tells a replay from a reuse. */
  requestHash: string;
  statusCode: number;
  responseBody: string;
  created: number;
}

/**
 * What the service needs from a database. Async throughout so a PostgreSQL
 * adapter can implement it as is; the embedded SQLite adapter simply resolves.
 */
export interface TokenStore {
  /** Creates the account or replaces its allowed origins. */
  saveAccount(account: AccountRecord): Promise<void>;
  getAccount(id: string): Promise<AccountRecord | null>;
  /** Stores an API key by its SHA-256 hash; the key itself is never stored. */
  saveApiKey(hash: string, record: ApiKeyRecord): Promise<void>;
  findKeyByHash(hash: string): Promise<ApiKeyRecord | null>;
  insertToken(token: TokenRecord): Promise<void>;
  /** Scoped to the account: another account's token is "not found". */
  getToken(id: string, accountId: string): Promise<TokenRecord | null>;
  getIdempotencyRecord(accountId: string, key: string): Promise<IdempotencyRecord | null>;
  /**
   * Saves the record unless one exists for the same account and key; returns
   * the record that is now stored, so the loser of a race can replay the winner.
   */
  putIdempotencyRecord(record: IdempotencyRecord): Promise<IdempotencyRecord>;
  close(): Promise<void>;
}
