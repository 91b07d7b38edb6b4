-- The Plaid sandbox's Items and public tokens. Files from before the sandbox
-- had its own migrations got these tables from the core schema (its step 2),
-- so every statement is IF NOT EXISTS.

CREATE TABLE IF NOT EXISTS plaid_items (
  item_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  access_token_hash TEXT UNIQUE,
  institution_id TEXT NOT NULL,
  accounts_json TEXT NOT NULL,
  secret_key_id TEXT NOT NULL,
  secret_iv TEXT NOT NULL,
  secret_tag TEXT NOT NULL,
  secret_data TEXT NOT NULL,
  created INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS plaid_items_by_secret_key ON plaid_items (secret_key_id);

CREATE TABLE IF NOT EXISTS plaid_public_tokens (
  token_hash TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES plaid_items(item_id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL
);
