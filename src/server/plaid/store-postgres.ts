import type { Pool } from 'pg';
import { postgresEncryptedRows } from '../storage/postgres/encrypted-rows';
import { firstRow } from '../storage/postgres/queries';
import { plaidItemFromRow, secretToColumns, type PlaidItemRow } from '../storage/rows';
import type { PlaidStore } from '../storage/types';

export function postgresPlaidStore(pool: Pool): PlaidStore {
  return {
    // Sandbox Items are test data: no mode column.
    ...postgresEncryptedRows(pool, 'plaid_items', 'item_id', 'false'),
    async savePlaidItem(item) {
      const secret = secretToColumns(item.secret);
      await pool.query(
        `INSERT INTO plaid_items (item_id, account_id, access_token_hash, institution_id, accounts_json,
                                  products_json, secret_key_id, secret_iv, secret_tag, secret_data, created)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (item_id) DO UPDATE SET
           account_id = excluded.account_id, access_token_hash = excluded.access_token_hash,
           institution_id = excluded.institution_id, accounts_json = excluded.accounts_json,
           products_json = excluded.products_json,
           secret_key_id = excluded.secret_key_id, secret_iv = excluded.secret_iv, secret_tag = excluded.secret_tag,
           secret_data = excluded.secret_data, created = excluded.created`,
        [
          item.itemId,
          item.accountId,
          item.accessTokenHash,
          item.institutionId,
          JSON.stringify(item.accounts),
          JSON.stringify(item.products),
          secret.secret_key_id,
          secret.secret_iv,
          secret.secret_tag,
          secret.secret_data,
          item.created,
        ],
      );
    },
    async getPlaidItem(itemId) {
      const row = await firstRow<PlaidItemRow>(pool, 'SELECT * FROM plaid_items WHERE item_id = $1', [itemId]);
      return row ? plaidItemFromRow(row) : null;
    },
    async findPlaidItemByAccessToken(accessTokenHash) {
      const row = await firstRow<PlaidItemRow>(pool, 'SELECT * FROM plaid_items WHERE access_token_hash = $1', [
        accessTokenHash,
      ]);
      return row ? plaidItemFromRow(row) : null;
    },
    async savePlaidPublicToken(record) {
      await pool.query('INSERT INTO plaid_public_tokens (token_hash, item_id, expires_at) VALUES ($1, $2, $3)', [
        record.tokenHash,
        record.itemId,
        record.expiresAt,
      ]);
    },
    async takePlaidPublicToken(tokenHash, now) {
      // Deleted whether or not it has expired: an expired public token is of no further use.
      const row = await firstRow<{ item_id: string; expires_at: string }>(
        pool,
        'DELETE FROM plaid_public_tokens WHERE token_hash = $1 RETURNING item_id, expires_at',
        [tokenHash],
      );
      return row && Number(row.expires_at) > now ? row.item_id : null;
    },
  };
}
