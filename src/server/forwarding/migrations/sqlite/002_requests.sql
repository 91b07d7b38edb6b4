-- Forwarded requests as the API returns them (`forwarding.request`): their
-- request_details are redacted before they are written here, so this table
-- holds no card number and no CVC.

CREATE TABLE forwarding_requests (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  livemode INTEGER NOT NULL,
  request_json TEXT NOT NULL,
  created INTEGER NOT NULL
);
CREATE INDEX forwarding_requests_by_account ON forwarding_requests (account_id, livemode);
-- Lists follow rowid, the insertion order: ids are random and many share a second.
