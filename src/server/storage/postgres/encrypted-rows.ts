import type { Pool } from 'pg';
import { boundFormatPrefix } from '../../crypto';
import { secretEntryFromRow, secretToColumns, type SecretEntryRow } from '../rows';
import type { EncryptedRows } from '../types';
import { allRows, rowCount } from './queries';

/**
 * Re-encryption over one table's four encrypted-value columns; rows whose
 * value was wiped are skipped. `livemode` is the table's mode column, or a
 * constant for a table of one mode.
 */
export function postgresEncryptedRows(
  pool: Pool,
  table: string,
  idColumn: string,
  livemode = 'livemode',
): EncryptedRows {
  return {
    async listSecretsToReseal(keyId, after, limit) {
      // `secret_key_id <> NULL` is never true: with no key id, only unbound values are listed.
      const rows = await allRows<SecretEntryRow>(
        pool,
        `SELECT ${idColumn} AS id, account_id, ${livemode} AS livemode, secret_key_id, secret_iv, secret_tag, secret_data
         FROM ${table}
         WHERE secret_data IS NOT NULL AND ${idColumn} COLLATE "C" > $2
           AND (left(secret_data, ${boundFormatPrefix.length}) <> '${boundFormatPrefix}' OR secret_key_id <> $1::text)
         ORDER BY ${idColumn} COLLATE "C" LIMIT $3`,
        [keyId, after, limit],
      );
      return rows.map((row) => secretEntryFromRow(row, table));
    },
    async replaceSecret(id, previous, secret) {
      const columns = secretToColumns(secret);
      const replaced = await rowCount(
        pool,
        `UPDATE ${table} SET secret_key_id = $2, secret_iv = $3, secret_tag = $4, secret_data = $5
         WHERE ${idColumn} = $1 AND secret_data = $6`,
        [id, columns.secret_key_id, columns.secret_iv, columns.secret_tag, columns.secret_data, previous.data],
      );
      return replaced === 1;
    },
  };
}
