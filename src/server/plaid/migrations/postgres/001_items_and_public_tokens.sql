-- The Plaid sandbox's Items and public tokens. Databases from before the
-- sandbox had its own migrations got these tables from the core schema (its
-- 001_initial), so every statement is IF NOT EXISTS.

CREATE TABLE IF NOT EXISTS plaid_items (
  item_id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  access_token_hash text UNIQUE,
  institution_id text NOT NULL,
  accounts_json text NOT NULL,
  secret_key_id text NOT NULL,
  secret_iv text NOT NULL,
  secret_tag text NOT NULL,
  secret_data text NOT NULL,
  created bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS plaid_items_by_secret_key ON plaid_items (secret_key_id);

CREATE TABLE IF NOT EXISTS plaid_public_tokens (
  token_hash text PRIMARY KEY,
  item_id text NOT NULL REFERENCES plaid_items (item_id) ON DELETE CASCADE,
  expires_at bigint NOT NULL
);
