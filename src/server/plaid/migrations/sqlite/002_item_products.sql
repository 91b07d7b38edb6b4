-- The products an Item was created with (`initial_products`), which
-- `/accounts/get` reports as Plaid does. Items from before were made for the
-- Stripe processor flow, the one the sandbox serves, which needs `auth`.

ALTER TABLE plaid_items ADD COLUMN products_json TEXT NOT NULL DEFAULT '["auth"]';
