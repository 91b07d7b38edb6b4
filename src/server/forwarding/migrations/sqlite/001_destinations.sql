-- The URLs an operator allows an account to forward card details to
-- (`tokenframe forwarding add`). The service reads them on every forward, so
-- one added or removed here counts at once, without a restart.

CREATE TABLE forwarding_destinations (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  url TEXT NOT NULL,
  method TEXT NOT NULL,
  mappings_json TEXT NOT NULL,
  headers_json TEXT NOT NULL,
  allow_private_network INTEGER NOT NULL,
  created INTEGER NOT NULL,
  UNIQUE (account_id, url)
);
