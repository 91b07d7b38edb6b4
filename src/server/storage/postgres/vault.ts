import type { Pool } from 'pg';
import { consumeFailure, secretToColumns, tokenFromRow, type TokenRow } from '../rows';
import type { VaultStore } from '../types';
import { postgresEncryptedRows } from './encrypted-rows';
import { firstRow, rowCount } from './queries';

export function postgresVaultStore(pool: Pool): VaultStore {
  return {
    ...postgresEncryptedRows(pool, 'tokens', 'id'),
    async insertToken(token) {
      const secret = secretToColumns(token.secret);
      await pool.query(
        `INSERT INTO tokens (id, account_id, livemode, type, token_json, secret_key_id, secret_iv, secret_tag,
                             secret_data, fingerprint, used, created, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          token.id,
          token.accountId,
          token.livemode,
          token.type,
          JSON.stringify(token.token),
          secret.secret_key_id,
          secret.secret_iv,
          secret.secret_tag,
          secret.secret_data,
          token.fingerprint,
          token.used,
          token.created,
          token.expiresAt,
        ],
      );
    },
    async getToken(id, { accountId, livemode }) {
      const row = await firstRow<TokenRow>(
        pool,
        'SELECT * FROM tokens WHERE id = $1 AND account_id = $2 AND livemode = $3',
        [id, accountId, livemode],
      );
      return row ? tokenFromRow(row) : null;
    },
    async consumeToken(id, { accountId, livemode }, now) {
      // Concurrent UPDATEs of one row queue on its lock, and each re-checks
      // `NOT used` against the winner's committed row: only one matches. The
      // raw values are wiped in the same UPDATE; RETURNING hands the caller
      // the row as it was locked, so it gets them once and the table keeps none.
      const row = await firstRow<TokenRow>(
        pool,
        `WITH locked AS (
           SELECT * FROM tokens
           WHERE id = $1 AND account_id = $2 AND livemode = $3 AND NOT used AND expires_at > $4
           FOR UPDATE
         )
         UPDATE tokens SET used = true, secret_key_id = NULL, secret_iv = NULL, secret_tag = NULL, secret_data = NULL
         FROM locked WHERE tokens.id = locked.id AND NOT tokens.used
         RETURNING locked.*`,
        [id, accountId, livemode, now],
      );
      if (row) return { ok: true, token: tokenFromRow({ ...row, used: true }) };
      const state = await firstRow<{ used: boolean }>(
        pool,
        'SELECT used FROM tokens WHERE id = $1 AND account_id = $2 AND livemode = $3',
        [id, accountId, livemode],
      );
      return { ok: false, reason: consumeFailure(state) };
    },
    async wipeExpiredTokens(now) {
      return rowCount(
        pool,
        `UPDATE tokens SET secret_key_id = NULL, secret_iv = NULL, secret_tag = NULL, secret_data = NULL
         WHERE (used OR expires_at < $1) AND secret_data IS NOT NULL`,
        [now],
      );
    },
  };
}
