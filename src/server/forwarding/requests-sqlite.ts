import type BetterSqlite3 from 'better-sqlite3';
import type { ForwardingRequestObject, ForwardingRequestRecord, RequestStore } from './requests-store';

interface RequestRow {
  id: string;
  account_id: string;
  livemode: number;
  request_json: string;
  created: number;
}

const fromRow = (row: RequestRow): ForwardingRequestRecord => ({
  id: row.id,
  accountId: row.account_id,
  livemode: row.livemode === 1,
  request: JSON.parse(row.request_json) as ForwardingRequestObject,
  created: row.created,
});

export function sqliteRequestStore(db: BetterSqlite3.Database): RequestStore {
  const statements = {
    insert: db.prepare(
      'INSERT INTO forwarding_requests (id, account_id, livemode, request_json, created) VALUES (?, ?, ?, ?, ?)',
    ),
    get: db.prepare('SELECT * FROM forwarding_requests WHERE id = ? AND account_id = ? AND livemode = ?'),
    first: db.prepare(
      `SELECT * FROM forwarding_requests WHERE account_id = ? AND livemode = ?
       ORDER BY rowid DESC LIMIT ?`,
    ),
    after: db.prepare(
      `SELECT * FROM forwarding_requests WHERE account_id = ? AND livemode = ?
         AND rowid < (SELECT rowid FROM forwarding_requests WHERE id = ?)
       ORDER BY rowid DESC LIMIT ?`,
    ),
  };
  return {
    async insertRequest(record) {
      const { id, accountId, livemode, request, created } = record;
      statements.insert.run(id, accountId, livemode ? 1 : 0, JSON.stringify(request), created);
    },
    async getRequest(id, { accountId, livemode }) {
      const row = statements.get.get(id, accountId, livemode ? 1 : 0) as RequestRow | undefined;
      return row ? fromRow(row) : null;
    },
    async listRequests({ accountId, livemode }, limit, startingAfter) {
      const mode = livemode ? 1 : 0;
      const rows = startingAfter
        ? statements.after.all(accountId, mode, startingAfter, limit)
        : statements.first.all(accountId, mode, limit);
      return (rows as RequestRow[]).map(fromRow);
    },
  };
}
