-- The schema as it was before versioning; files written then have
-- user_version 0 and these tables already, so every statement is IF NOT EXISTS.

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
