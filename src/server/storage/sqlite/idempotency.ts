import type BetterSqlite3 from 'better-sqlite3';
import { sqliteGroupCommit } from '../group-commit';
import { claimedStatusCode, idempotencyFromRow, type IdempotencyRow } from '../rows';
import type { IdempotencyRecord, IdempotencyStore } from '../types';

export function sqliteIdempotencyStore(db: BetterSqlite3.Database): IdempotencyStore {
  const statements = {
    get: db.prepare('SELECT * FROM idempotency_records WHERE scope = ? AND idempotency_key = ? AND created >= ?'),
    getAnyAge: db.prepare('SELECT * FROM idempotency_records WHERE scope = ? AND idempotency_key = ?'),
    claim: db.prepare(
      `INSERT INTO idempotency_records (scope, idempotency_key, request_hash, status_code, response_body, created)
       VALUES (@scope, @key, @requestHash, @claimed, '', @created)
       ON CONFLICT (scope, idempotency_key) DO UPDATE
         SET request_hash = excluded.request_hash, status_code = excluded.status_code,
             response_body = '', created = excluded.created
         WHERE idempotency_records.created < @notBefore
            OR (idempotency_records.status_code = @claimed AND idempotency_records.created < @abandonedBefore)`,
    ),
    put: db.prepare(
      `INSERT INTO idempotency_records (scope, idempotency_key, request_hash, status_code, response_body, created)
       VALUES (@scope, @key, @requestHash, @statusCode, @responseBody, @created)
       ON CONFLICT (scope, idempotency_key) DO UPDATE
         SET status_code = excluded.status_code, response_body = excluded.response_body
         WHERE idempotency_records.status_code = @claimed`,
    ),
    release: db.prepare(
      `DELETE FROM idempotency_records
       WHERE scope = ? AND idempotency_key = ? AND request_hash = ? AND status_code = ?`,
    ),
    deleteBefore: db.prepare('DELETE FROM idempotency_records WHERE created < ?'),
  };
  // Claims and answers are on every POST the frame sends: they share the token inserts' commits and fsyncs.
  const write = sqliteGroupCommit<unknown>(db);
  return {
    async getIdempotencyRecord(scope, key, notBefore) {
      const row = statements.get.get(scope, key, notBefore) as IdempotencyRow | undefined;
      return row ? idempotencyFromRow(row) : null;
    },
    async claimIdempotencyKey(claim, notBefore, abandonedBefore) {
      const claimed = await write(
        () => statements.claim.run({ ...claim, claimed: claimedStatusCode, notBefore, abandonedBefore }).changes === 1,
      );
      return claimed as boolean;
    },
    async putIdempotencyRecord(record) {
      const row = (await write(() => {
        statements.put.run({ ...record, claimed: claimedStatusCode });
        return statements.getAnyAge.get(record.scope, record.key);
      })) as IdempotencyRow;
      // After the upsert the row holds an answer: a claim was completed, a finished record left alone.
      return idempotencyFromRow(row) as IdempotencyRecord;
    },
    async releaseIdempotencyKey(claim) {
      await write(() => statements.release.run(claim.scope, claim.key, claim.requestHash, claimedStatusCode));
    },
    async deleteIdempotencyRecords(before) {
      return statements.deleteBefore.run(before).changes;
    },
  };
}
