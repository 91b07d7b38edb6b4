import type BetterSqlite3 from 'better-sqlite3';
import { secretEntryFromRow, secretToColumns, type SecretEntryRow } from '../rows';
import type { EncryptedRows } from '../types';

/** Key rotation over one table's four encrypted-value columns; rows whose value was wiped are skipped. */
export function sqliteEncryptedRows(db: BetterSqlite3.Database, table: string, idColumn: string): EncryptedRows {
  const list = db.prepare(
    `SELECT ${idColumn} AS id, secret_key_id, secret_iv, secret_tag, secret_data
     FROM ${table} WHERE secret_key_id IS NOT NULL AND secret_key_id <> ? LIMIT ?`,
  );
  const replace = db.prepare(
    `UPDATE ${table}
     SET secret_key_id = @secret_key_id, secret_iv = @secret_iv, secret_tag = @secret_tag, secret_data = @secret_data
     WHERE ${idColumn} = @id`,
  );
  return {
    async listSecretsNotUnder(keyId, limit) {
      return (list.all(keyId, limit) as SecretEntryRow[]).map((row) => secretEntryFromRow(row, table));
    },
    async replaceSecret(id, secret) {
      replace.run({ id, ...secretToColumns(secret) });
    },
  };
}
