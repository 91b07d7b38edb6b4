import type { Pool } from 'pg';
import { secretEntryFromRow, secretToColumns, type SecretEntryRow } from '../rows';
import type { EncryptedRows } from '../types';
import { allRows } from './queries';

/** Key rotation over one table's four encrypted-value columns; rows whose value was wiped are skipped. */
export function postgresEncryptedRows(pool: Pool, table: string, idColumn: string): EncryptedRows {
  return {
    async listSecretsNotUnder(keyId, limit) {
      const rows = await allRows<SecretEntryRow>(
        pool,
        `SELECT ${idColumn} AS id, secret_key_id, secret_iv, secret_tag, secret_data
         FROM ${table} WHERE secret_key_id IS NOT NULL AND secret_key_id <> $1 LIMIT $2`,
        [keyId, limit],
      );
      return rows.map((row) => secretEntryFromRow(row, table));
    },
    async replaceSecret(id, secret) {
      const columns = secretToColumns(secret);
      await pool.query(
        `UPDATE ${table} SET secret_key_id = $2, secret_iv = $3, secret_tag = $4, secret_data = $5
         WHERE ${idColumn} = $1`,
        [id, columns.secret_key_id, columns.secret_iv, columns.secret_tag, columns.secret_data],
      );
    },
  };
}
