-- Live and test modes: each key, token, customer and source says which mode
-- it belongs to, and lookups match on it, so the two modes' data never mix.
-- Everything stored before live keys existed was made with test keys.

ALTER TABLE api_keys ADD COLUMN livemode INTEGER NOT NULL DEFAULT 0 CHECK (livemode IN (0, 1));
ALTER TABLE tokens ADD COLUMN livemode INTEGER NOT NULL DEFAULT 0 CHECK (livemode IN (0, 1));
ALTER TABLE customers ADD COLUMN livemode INTEGER NOT NULL DEFAULT 0 CHECK (livemode IN (0, 1));
ALTER TABLE sources ADD COLUMN livemode INTEGER NOT NULL DEFAULT 0 CHECK (livemode IN (0, 1));
