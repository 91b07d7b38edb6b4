-- The whole schema as of the first PostgreSQL release. Times are seconds
-- since the epoch; JSON documents are text, so objects keep their key order.
-- (The Plaid sandbox's tables, which databases of this version also have,
-- are its own component now: src/server/plaid/migrations.)

CREATE TABLE accounts (
  id text PRIMARY KEY,
  allowed_origins text NOT NULL
);

CREATE TABLE api_keys (
  key_hash text PRIMARY KEY,
  id text NOT NULL UNIQUE,
  account_id text NOT NULL REFERENCES accounts (id),
  kind text NOT NULL CHECK (kind IN ('publishable', 'secret')),
  display text NOT NULL,
  created bigint NOT NULL,
  revoked_at bigint
);

-- An unused token's encrypted value is wiped (all four columns NULL) once it expires.
CREATE TABLE tokens (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  type text NOT NULL,
  token_json text NOT NULL,
  secret_key_id text,
  secret_iv text,
  secret_tag text,
  secret_data text,
  fingerprint text,
  used boolean NOT NULL DEFAULT false,
  created bigint NOT NULL,
  expires_at bigint NOT NULL,
  CHECK (num_nulls(secret_key_id, secret_iv, secret_tag, secret_data) IN (0, 4))
);
CREATE INDEX tokens_by_account ON tokens (account_id, created);
CREATE INDEX tokens_to_wipe ON tokens (expires_at) WHERE NOT used AND secret_data IS NOT NULL;
CREATE INDEX tokens_by_secret_key ON tokens (secret_key_id);

CREATE TABLE idempotency_records (
  scope text NOT NULL,
  idempotency_key text NOT NULL,
  request_hash text NOT NULL,
  status_code integer NOT NULL,
  response_body text NOT NULL,
  created bigint NOT NULL,
  PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_records_by_created ON idempotency_records (created);

CREATE TABLE customers (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  customer_json text NOT NULL,
  created bigint NOT NULL
);
CREATE INDEX customers_by_account ON customers (account_id, created);

-- No foreign key to customers: a new customer's first source is stored before the customer itself.
CREATE TABLE sources (
  id text PRIMARY KEY,
  customer_id text NOT NULL,
  account_id text NOT NULL REFERENCES accounts (id),
  source_json text NOT NULL,
  secret_key_id text NOT NULL,
  secret_iv text NOT NULL,
  secret_tag text NOT NULL,
  secret_data text NOT NULL,
  fingerprint text,
  created bigint NOT NULL
);
CREATE INDEX sources_by_customer ON sources (customer_id);
CREATE INDEX sources_by_secret_key ON sources (secret_key_id);
