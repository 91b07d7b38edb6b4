import type BetterSqlite3 from 'better-sqlite3';
import { idempotencyFromRow, type IdempotencyRow } from '../rows';
import type { IdempotencyStore } from '../types';

export function sqliteIdempotencyStore(db: BetterSqlite3.Database): IdempotencyStore {
  const statements = {
    get: db.prepare('SELECT * FROM idempotency_records WHERE scope = ? AND idempotency_key = ? AND created >= ?'),
    getAnyAge: db.prepare('SELECT * FROM idempotency_records WHERE scope = ? AND idempotency_key = ?'),
    put: db.prepare(
      `INSERT INTO idempotency_records (scope, idempotency_key, request_hash, status_code, response_body, created)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    deleteBefore: db.prepare('DELETE FROM idempotency_records WHERE created < ?'),
  };
  return {
    async getIdempotencyRecord(scope, key, notBefore) {
      const row = statements.get.get(scope, key, notBefore) as IdempotencyRow | undefined;
      return row ? idempotencyFromRow(row) : null;
    },
    async putIdempotencyRecord(record) {
      statements.put.run(
        record.scope,
        record.key,
        record.requestHash,
        record.statusCode,
        record.responseBody,
        record.created,
      );
      const row = statements.getAnyAge.get(record.scope, record.key) as IdempotencyRow;
      return idempotencyFromRow(row);
    },
    async deleteIdempotencyRecords(before) {
      return statements.deleteBefore.run(before).changes;
    },
  };
}
