-- The URLs an operator allows an account to forward card details to
-- (`tokenframe forwarding add`). The service reads them on every forward, so
-- one added or removed here counts at once, without a restart.

CREATE TABLE forwarding_destinations (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  url text NOT NULL,
  method text NOT NULL,
  mappings_json text NOT NULL,
  headers_json text NOT NULL,
  allow_private_network boolean NOT NULL,
  created bigint NOT NULL,
  UNIQUE (account_id, url)
);
