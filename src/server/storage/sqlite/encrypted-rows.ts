import type BetterSqlite3 from 'better-sqlite3';
import { boundFormatPrefix } from '../../crypto';
import { secretEntryFromRow, secretToColumns, type SecretEntryRow } from '../rows';
import type { EncryptedRows } from '../types';

/**
 * Re-encryption over one table's four encrypted-value columns; rows whose
 * value was wiped are skipped. `livemode` is the table's mode column, or a
 * constant for a table of one mode.
 */
export function sqliteEncryptedRows(
  db: BetterSqlite3.Database,
  table: string,
  idColumn: string,
  livemode = 'livemode',
): EncryptedRows {
  // `secret_key_id <> NULL` is never true: with no key id, only unbound values are listed.
  const list = db.prepare(
    `SELECT ${idColumn} AS id, account_id, ${livemode} AS livemode, secret_key_id, secret_iv, secret_tag, secret_data
     FROM ${table}
     WHERE secret_data IS NOT NULL AND ${idColumn} > @after
       AND (substr(secret_data, 1, ${boundFormatPrefix.length}) <> '${boundFormatPrefix}' OR secret_key_id <> @keyId)
     ORDER BY ${idColumn} LIMIT @limit`,
  );
  const replace = db.prepare(
    `UPDATE ${table}
     SET secret_key_id = @secret_key_id, secret_iv = @secret_iv, secret_tag = @secret_tag, secret_data = @secret_data
     WHERE ${idColumn} = @id AND secret_data = @previous`,
  );
  return {
    async listSecretsToReseal(keyId, after, limit) {
      return (list.all({ keyId, after, limit }) as SecretEntryRow[]).map((row) => secretEntryFromRow(row, table));
    },
    async replaceSecret(id, previous, secret) {
      return replace.run({ id, previous: previous.data, ...secretToColumns(secret) }).changes === 1;
    },
  };
}
