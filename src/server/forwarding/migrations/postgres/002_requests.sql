-- Forwarded requests as the API returns them (`forwarding.request`): their
-- request_details are redacted before they are written here, so this table
-- holds no card number and no CVC.

CREATE TABLE forwarding_requests (
  -- Insertion order, which lists follow: ids are random and many share a second.
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  livemode boolean NOT NULL,
  request_json text NOT NULL,
  created bigint NOT NULL
);
CREATE INDEX forwarding_requests_by_account ON forwarding_requests (account_id, livemode, seq);
