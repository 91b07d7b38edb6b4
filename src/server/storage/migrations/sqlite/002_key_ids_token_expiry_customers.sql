-- Key ids and revocation, token expiry, customers and sources. (The Plaid
-- sandbox's tables, which files of this version also have, are its own
-- component now: src/server/plaid/migrations.)

CREATE TABLE api_keys_v2 (
  key_hash TEXT PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  kind TEXT NOT NULL CHECK (kind IN ('publishable', 'secret')),
  display TEXT NOT NULL,
  created INTEGER NOT NULL,
  revoked_at INTEGER
);
-- Only the hash of an existing key is known: it gets a fresh id and a display without its last four.
INSERT INTO api_keys_v2 (key_hash, id, account_id, kind, display, created, revoked_at)
  SELECT key_hash, 'key_' || lower(hex(randomblob(12))), account_id, kind,
         CASE kind WHEN 'publishable' THEN 'pk_test_****' ELSE 'sk_test_****' END,
         CAST(strftime('%s', 'now') AS INTEGER), NULL
  FROM api_keys;
DROP TABLE api_keys;
ALTER TABLE api_keys_v2 RENAME TO api_keys;

-- An unused token's encrypted value is wiped (all four columns NULL) once it expires.
CREATE TABLE tokens_v2 (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  type TEXT NOT NULL,
  token_json TEXT NOT NULL,
  secret_key_id TEXT,
  secret_iv TEXT,
  secret_tag TEXT,
  secret_data TEXT,
  fingerprint TEXT,
  used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1)),
  created INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  CHECK ((secret_key_id IS NULL) = (secret_data IS NULL)
     AND (secret_iv IS NULL) = (secret_data IS NULL)
     AND (secret_tag IS NULL) = (secret_data IS NULL))
);
-- Tokens from before expiry existed get the default lifetime, one hour.
INSERT INTO tokens_v2 (id, account_id, type, token_json, secret_key_id, secret_iv, secret_tag, secret_data,
                       fingerprint, used, created, expires_at)
  SELECT id, account_id, type, token_json, secret_key_id, secret_iv, secret_tag, secret_data,
         fingerprint, used, created, created + 3600
  FROM tokens;
DROP TABLE tokens;
ALTER TABLE tokens_v2 RENAME TO tokens;
CREATE INDEX tokens_by_account ON tokens (account_id, created);
CREATE INDEX tokens_to_wipe ON tokens (expires_at) WHERE used = 0 AND secret_data IS NOT NULL;
CREATE INDEX tokens_by_secret_key ON tokens (secret_key_id);

-- Idempotency keys now belong to the API key that sent them, not the
-- account; old records (kept a day at most) cannot be mapped, so they go.
DROP TABLE idempotency_keys;
CREATE TABLE idempotency_records (
  scope TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  response_body TEXT NOT NULL,
  created INTEGER NOT NULL,
  PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_records_by_created ON idempotency_records (created);

CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  customer_json TEXT NOT NULL,
  created INTEGER NOT NULL
);
CREATE INDEX customers_by_account ON customers (account_id, created);

-- No foreign key to customers: a new customer's first source is stored before the customer itself.
CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  source_json TEXT NOT NULL,
  secret_key_id TEXT NOT NULL,
  secret_iv TEXT NOT NULL,
  secret_tag TEXT NOT NULL,
  secret_data TEXT NOT NULL,
  fingerprint TEXT,
  created INTEGER NOT NULL
);
CREATE INDEX sources_by_customer ON sources (customer_id);
CREATE INDEX sources_by_secret_key ON sources (secret_key_id);
