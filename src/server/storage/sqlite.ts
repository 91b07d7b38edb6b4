import { chmodSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { EncryptedValue } from '../crypto';
import type { AccountRecord, ApiKeyRecord, IdempotencyRecord, TokenRecord, TokenStore } from './types';

const schema = `
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY,
  allowed_origins TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS api_keys (
  key_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  kind TEXT NOT NULL CHECK (kind IN ('publishable', 'secret'))
);
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  type TEXT NOT NULL,
  token_json TEXT NOT NULL,
  secret_key_id TEXT NOT NULL,
  secret_iv TEXT NOT NULL,
  secret_tag TEXT NOT NULL,
  secret_data TEXT NOT NULL,
  fingerprint TEXT,
  used INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS tokens_by_account ON tokens (account_id, created);
CREATE TABLE IF NOT EXISTS idempotency_keys (
  account_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  response_body TEXT NOT NULL,
  created INTEGER NOT NULL,
  PRIMARY KEY (account_id, idempotency_key)
);
`;

interface TokenRow {
  id: string;
  account_id: string;
  type: string;
  token_json: string;
  secret_key_id: string;
  secret_iv: string;
  secret_tag: string;
  secret_data: string;
  fingerprint: string | null;
  used: number;
  created: number;
}

interface IdempotencyRow {
  account_id: string;
  idempotency_key: string;
  request_hash: string;
  status_code: number;
  response_body: string;
  created: number;
}

function tokenFromRow(row: TokenRow): TokenRecord {
  const used = row.used === 1;
  const secret: EncryptedValue = {
    keyId: row.secret_key_id,
    iv: row.secret_iv,
    tag: row.secret_tag,
    data: row.secret_data,
  };
  return {
    id: row.id,
    accountId: row.account_id,
    type: row.type,
    // `used` lives in its own column so consuming a token is one UPDATE.
    token: { ...JSON.parse(row.token_json), used },
    secret,
    fingerprint: row.fingerprint,
    used,
    created: row.created,
  };
}

function idempotencyFromRow(row: IdempotencyRow): IdempotencyRecord {
  return {
    accountId: row.account_id,
    key: row.idempotency_key,
    requestHash: row.request_hash,
    statusCode: row.status_code,
    responseBody: row.response_body,
    created: row.created,
  };
}

/** The embedded default: one file, nothing to install or start. */
export function openSqliteStore(path: string): TokenStore {
  const db = new Database(path);
  // SQLite gives the -wal and -shm files the database file's mode.
  if (path !== ':memory:') chmodSync(path, 0o600);
  db.pragma('journal_mode = WAL');
  // A token the API has handed out must survive a power cut.
  db.pragma('synchronous = FULL');
  // Deleted rows (wiped raw values) are overwritten, not just unlinked.
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(schema);

  const statements = {
    saveAccount: db.prepare(
      `INSERT INTO accounts (id, allowed_origins) VALUES (?, ?)
       ON CONFLICT (id) DO UPDATE SET allowed_origins = excluded.allowed_origins`,
    ),
    getAccount: db.prepare('SELECT id, allowed_origins FROM accounts WHERE id = ?'),
    saveApiKey: db.prepare(
      `INSERT INTO api_keys (key_hash, account_id, kind) VALUES (?, ?, ?)
       ON CONFLICT (key_hash) DO UPDATE SET account_id = excluded.account_id, kind = excluded.kind`,
    ),
    findKey: db.prepare('SELECT account_id, kind FROM api_keys WHERE key_hash = ?'),
    insertToken: db.prepare(
      `INSERT INTO tokens (id, account_id, type, token_json, secret_key_id, secret_iv, secret_tag, secret_data,
                           fingerprint, used, created)
       VALUES (@id, @account_id, @type, @token_json, @secret_key_id, @secret_iv, @secret_tag, @secret_data,
               @fingerprint, @used, @created)`,
    ),
    getToken: db.prepare('SELECT * FROM tokens WHERE id = ? AND account_id = ?'),
    getIdempotency: db.prepare('SELECT * FROM idempotency_keys WHERE account_id = ? AND idempotency_key = ?'),
    putIdempotency: db.prepare(
      `INSERT INTO idempotency_keys (account_id, idempotency_key, request_hash, status_code, response_body, created)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
  };

  let closed = false;
  return {
    async saveAccount(account: AccountRecord) {
      statements.saveAccount.run(account.id, JSON.stringify(account.allowedOrigins));
    },
    async getAccount(id: string) {
      const row = statements.getAccount.get(id) as { id: string; allowed_origins: string } | undefined;
      return row ? { id: row.id, allowedOrigins: JSON.parse(row.allowed_origins) as string[] } : null;
    },
    async saveApiKey(hash: string, record: ApiKeyRecord) {
      statements.saveApiKey.run(hash, record.accountId, record.kind);
    },
    async findKeyByHash(hash: string) {
      const row = statements.findKey.get(hash) as { account_id: string; kind: ApiKeyRecord['kind'] } | undefined;
      return row ? { accountId: row.account_id, kind: row.kind } : null;
    },
    async insertToken(token: TokenRecord) {
      statements.insertToken.run({
        id: token.id,
        account_id: token.accountId,
        type: token.type,
        token_json: JSON.stringify(token.token),
        secret_key_id: token.secret.keyId,
        secret_iv: token.secret.iv,
        secret_tag: token.secret.tag,
        secret_data: token.secret.data,
        fingerprint: token.fingerprint,
        used: token.used ? 1 : 0,
        created: token.created,
      });
    },
    async getToken(id: string, accountId: string) {
      const row = statements.getToken.get(id, accountId) as TokenRow | undefined;
      return row ? tokenFromRow(row) : null;
    },
    async getIdempotencyRecord(accountId: string, key: string) {
      const row = statements.getIdempotency.get(accountId, key) as IdempotencyRow | undefined;
      return row ? idempotencyFromRow(row) : null;
    },
    async putIdempotencyRecord(record: IdempotencyRecord) {
      statements.putIdempotency.run(
        record.accountId,
        record.key,
        record.requestHash,
        record.statusCode,
        record.responseBody,
        record.created,
      );
      const row = statements.getIdempotency.get(record.accountId, record.key) as IdempotencyRow;
      return idempotencyFromRow(row);
    },
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
