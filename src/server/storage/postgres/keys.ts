import type { Pool } from 'pg';
import {
  accountFromRow,
  accountOriginsColumn,
  apiKeyFromRow,
  checkExistingApiKey,
  type AccountRow,
  type ApiKeyRow,
} from '../rows';
import type { KeyStore } from '../types';
import { allRows, firstRow, rowCount } from './queries';

export function postgresKeyStore(pool: Pool): KeyStore {
  return {
    async saveAccount(account) {
      await pool.query(
        `INSERT INTO accounts (id, allowed_origins) VALUES ($1, $2)
         ON CONFLICT (id) DO UPDATE SET allowed_origins = excluded.allowed_origins`,
        [account.id, accountOriginsColumn(account)],
      );
    },
    async getAccount(id) {
      const row = await firstRow<AccountRow>(pool, 'SELECT id, allowed_origins FROM accounts WHERE id = $1', [id]);
      return row ? accountFromRow(row) : null;
    },
    async listAccounts() {
      return (await allRows<AccountRow>(pool, 'SELECT id, allowed_origins FROM accounts ORDER BY id')).map(
        accountFromRow,
      );
    },
    async saveApiKey(hash, record) {
      const inserted = await rowCount(
        pool,
        `INSERT INTO api_keys (key_hash, id, account_id, kind, livemode, display, created, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (key_hash) DO NOTHING`,
        [
          hash,
          record.id,
          record.accountId,
          record.kind,
          record.livemode,
          record.display,
          record.created,
          record.revokedAt,
        ],
      );
      if (inserted > 0) return;
      const existing = await firstRow<{ account_id: string }>(
        pool,
        'SELECT account_id FROM api_keys WHERE key_hash = $1',
        [hash],
      );
      checkExistingApiKey(existing!.account_id, record);
    },
    async findKeyByHash(hash) {
      const row = await firstRow<ApiKeyRow>(pool, 'SELECT * FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL', [
        hash,
      ]);
      return row ? apiKeyFromRow(row) : null;
    },
    async listApiKeys() {
      return (await allRows<ApiKeyRow>(pool, 'SELECT * FROM api_keys ORDER BY account_id, created, id')).map(
        apiKeyFromRow,
      );
    },
    async revokeApiKey(id, at) {
      // Revoking twice keeps the first time.
      const revoked = await rowCount(pool, 'UPDATE api_keys SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2', [
        at,
        id,
      ]);
      return revoked > 0;
    },
  };
}
