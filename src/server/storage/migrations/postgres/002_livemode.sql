-- Live and test modes: each key, token, customer and source says which mode
-- it belongs to, and lookups match on it, so the two modes' data never mix.
-- Everything stored before live keys existed was made with test keys.
-- (Adding a column with a constant default rewrites no rows.)

ALTER TABLE api_keys ADD COLUMN livemode boolean NOT NULL DEFAULT false;
ALTER TABLE tokens ADD COLUMN livemode boolean NOT NULL DEFAULT false;
ALTER TABLE customers ADD COLUMN livemode boolean NOT NULL DEFAULT false;
ALTER TABLE sources ADD COLUMN livemode boolean NOT NULL DEFAULT false;
