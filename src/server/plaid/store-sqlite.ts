import type BetterSqlite3 from 'better-sqlite3';
import { plaidItemFromRow, secretToColumns, type PlaidItemRow } from '../storage/rows';
import { sqliteEncryptedRows } from '../storage/sqlite/encrypted-rows';
import type { PlaidStore } from '../storage/types';

export function sqlitePlaidStore(db: BetterSqlite3.Database): PlaidStore {
  const statements = {
    saveItem: db.prepare(
      `INSERT INTO plaid_items (item_id, account_id, access_token_hash, institution_id, accounts_json, products_json,
                                secret_key_id, secret_iv, secret_tag, secret_data, created)
       VALUES (@item_id, @account_id, @access_token_hash, @institution_id, @accounts_json, @products_json,
               @secret_key_id, @secret_iv, @secret_tag, @secret_data, @created)
       ON CONFLICT (item_id) DO UPDATE SET
         account_id = excluded.account_id, access_token_hash = excluded.access_token_hash,
         institution_id = excluded.institution_id, accounts_json = excluded.accounts_json,
         products_json = excluded.products_json,
         secret_key_id = excluded.secret_key_id, secret_iv = excluded.secret_iv, secret_tag = excluded.secret_tag,
         secret_data = excluded.secret_data, created = excluded.created`,
    ),
    getItem: db.prepare('SELECT * FROM plaid_items WHERE item_id = ?'),
    findItemByAccessToken: db.prepare('SELECT * FROM plaid_items WHERE access_token_hash = ?'),
    savePublicToken: db.prepare('INSERT INTO plaid_public_tokens (token_hash, item_id, expires_at) VALUES (?, ?, ?)'),
    // Deleted whether or not it has expired: an expired public token is of no further use.
    takePublicToken: db.prepare('DELETE FROM plaid_public_tokens WHERE token_hash = ? RETURNING item_id, expires_at'),
  };
  return {
    // Sandbox Items are test data: no mode column.
    ...sqliteEncryptedRows(db, 'plaid_items', 'item_id', '0'),
    async savePlaidItem(item) {
      statements.saveItem.run({
        item_id: item.itemId,
        account_id: item.accountId,
        access_token_hash: item.accessTokenHash,
        institution_id: item.institutionId,
        accounts_json: JSON.stringify(item.accounts),
        products_json: JSON.stringify(item.products),
        ...secretToColumns(item.secret),
        created: item.created,
      });
    },
    async getPlaidItem(itemId) {
      const row = statements.getItem.get(itemId) as PlaidItemRow | undefined;
      return row ? plaidItemFromRow(row) : null;
    },
    async findPlaidItemByAccessToken(accessTokenHash) {
      const row = statements.findItemByAccessToken.get(accessTokenHash) as PlaidItemRow | undefined;
      return row ? plaidItemFromRow(row) : null;
    },
    async savePlaidPublicToken(record) {
      statements.savePublicToken.run(record.tokenHash, record.itemId, record.expiresAt);
    },
    async takePlaidPublicToken(tokenHash, now) {
      const row = statements.takePublicToken.get(tokenHash) as { item_id: string; expires_at: number } | undefined;
      return row && row.expires_at > now ? row.item_id : null;
    },
  };
}
