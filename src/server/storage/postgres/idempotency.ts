import type { Pool } from 'pg';
import { claimedStatusCode, idempotencyFromRow, type IdempotencyRow } from '../rows';
import type { IdempotencyRecord, IdempotencyStore } from '../types';
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
    async claimIdempotencyKey(claim, notBefore, abandonedBefore) {
      // A concurrent INSERT of the same key waits for the first to commit,
      // then re-checks the WHERE against the row it left: only one claims.
      const claimed = await rowCount(
        pool,
        `INSERT INTO idempotency_records (scope, idempotency_key, request_hash, status_code, response_body, created)
         VALUES ($1, $2, $3, $4, '', $5)
         ON CONFLICT (scope, idempotency_key) DO UPDATE
           SET request_hash = excluded.request_hash, status_code = excluded.status_code,
               response_body = '', created = excluded.created
           WHERE idempotency_records.created < $6
              OR (idempotency_records.status_code = $4 AND idempotency_records.created < $7)`,
        [claim.scope, claim.key, claim.requestHash, claimedStatusCode, claim.created, notBefore, abandonedBefore],
      );
      return claimed === 1;
    },
    async putIdempotencyRecord(record) {
      // DO UPDATE waits for a concurrent insert of the same key to commit,
      // so the SELECT after it always finds the winner's row.
      await pool.query(
        `INSERT INTO idempotency_records (scope, idempotency_key, request_hash, status_code, response_body, created)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (scope, idempotency_key) DO UPDATE
           SET status_code = excluded.status_code, response_body = excluded.response_body
           WHERE idempotency_records.status_code = $7`,
        [
          record.scope,
          record.key,
          record.requestHash,
          record.statusCode,
          record.responseBody,
          record.created,
          claimedStatusCode,
        ],
      );
      const row = await firstRow<IdempotencyRow>(
        pool,
        'SELECT * FROM idempotency_records WHERE scope = $1 AND idempotency_key = $2',
        [record.scope, record.key],
      );
      if (!row) throw new Error('The idempotency record was deleted as it was saved');
      // After the upsert the row holds an answer: a claim was completed, a finished record left alone.
      return idempotencyFromRow(row) as IdempotencyRecord;
    },
    async releaseIdempotencyKey(claim) {
      await pool.query(
        `DELETE FROM idempotency_records
         WHERE scope = $1 AND idempotency_key = $2 AND request_hash = $3 AND status_code = $4`,
        [claim.scope, claim.key, claim.requestHash, claimedStatusCode],
      );
    },
    async deleteIdempotencyRecords(before) {
      return rowCount(pool, 'DELETE FROM idempotency_records WHERE created < $1', [before]);
    },
  };
}
