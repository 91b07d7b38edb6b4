-- A card saved from a token keeps its CVC for its first charge only: until
-- the first forward that sends it, or until the token would have expired,
-- whichever comes first. Null when the source holds no CVC (bank accounts,
-- cards whose CVC was sent or wiped, and every source saved before this).

ALTER TABLE sources ADD COLUMN cvc_expires_at bigint;
CREATE INDEX sources_cvc_to_wipe ON sources (cvc_expires_at) WHERE cvc_expires_at IS NOT NULL;
