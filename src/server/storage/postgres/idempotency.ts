import type { Pool } from 'pg';
import { idempotencyFromRow, type IdempotencyRow } from '../rows';
import type { IdempotencyStore } from '../types';
import { firstRow, rowCount } from './queries';

export function postgresIdempotencyStore(pool: Pool): IdempotencyStore {
  return {
    async getIdempotencyRecord(scope, key, notBefore) {
      const row = await firstRow<IdempotencyRow>(
        pool,
        'SELECT * FROM idempotency_records WHERE scope = $1 AND idempotency_key = $2 AND created >= $3',
        [scope, key, notBefore],
      );
      return row ? idempotencyFromRow(row) : null;
    },
    async putIdempotencyRecord(record) {
      // DO NOTHING waits for a concurrent insert of the same key to commit,
      // so the SELECT after it always finds the winner's row.
      await pool.query(
        `INSERT INTO idempotency_records (scope, idempotency_key, request_hash, status_code, response_body, created)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [record.scope, record.key, record.requestHash, record.statusCode, record.responseBody, record.created],
      );
      const row = await firstRow<IdempotencyRow>(
        pool,
        'SELECT * FROM idempotency_records WHERE scope = $1 AND idempotency_key = $2',
        [record.scope, record.key],
      );
      if (!row) throw new Error('The idempotency record was deleted as it was saved');
      return idempotencyFromRow(row);
    },
    async deleteIdempotencyRecords(before) {
      return rowCount(pool, 'DELETE FROM idempotency_records WHERE created < $1', [before]);
    },
  };
}
