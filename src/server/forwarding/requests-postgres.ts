import type { Pool } from 'pg';
import { firstRow } from '../storage/postgres/queries';
import type { ForwardingRequestObject, ForwardingRequestRecord, RequestStore } from './requests-store';

interface RequestRow {
  id: string;
  account_id: string;
  livemode: boolean;
  request_json: string;
  created: string;
}

const fromRow = (row: RequestRow): ForwardingRequestRecord => ({
  id: row.id,
  accountId: row.account_id,
  livemode: row.livemode,
  request: JSON.parse(row.request_json) as ForwardingRequestObject,
  created: Number(row.created),
});

export function postgresRequestStore(pool: Pool): RequestStore {
  return {
    async insertRequest({ id, accountId, livemode, request, created }) {
      await pool.query(
        'INSERT INTO forwarding_requests (id, account_id, livemode, request_json, created) VALUES ($1, $2, $3, $4, $5)',
        [id, accountId, livemode, JSON.stringify(request), created],
      );
    },
    async getRequest(id, { accountId, livemode }) {
      const row = await firstRow<RequestRow>(
        pool,
        'SELECT * FROM forwarding_requests WHERE id = $1 AND account_id = $2 AND livemode = $3',
        [id, accountId, livemode],
      );
      return row ? fromRow(row) : null;
    },
    async listRequests({ accountId, livemode }, limit, startingAfter) {
      const { rows } = startingAfter
        ? await pool.query<RequestRow>(
            `SELECT * FROM forwarding_requests WHERE account_id = $1 AND livemode = $2
               AND seq < (SELECT seq FROM forwarding_requests WHERE id = $3)
             ORDER BY seq DESC LIMIT $4`,
            [accountId, livemode, startingAfter, limit],
          )
        : await pool.query<RequestRow>(
            `SELECT * FROM forwarding_requests WHERE account_id = $1 AND livemode = $2
             ORDER BY seq DESC LIMIT $3`,
            [accountId, livemode, limit],
          );
      return rows.map(fromRow);
    },
  };
}
