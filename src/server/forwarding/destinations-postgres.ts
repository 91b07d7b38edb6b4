import type { Pool } from 'pg';
import { firstRow, rowCount } from '../storage/postgres/queries';
import { destinationColumns, destinationFromRow, type DestinationRow } from './destination-row';
import type { DestinationStore } from './destinations-store';

export function postgresDestinationStore(pool: Pool): DestinationStore {
  return {
    async addDestination(destination) {
      const added = await rowCount(
        pool,
        `INSERT INTO forwarding_destinations
           (id, account_id, url, method, mappings_json, headers_json, created, allow_private_network)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (account_id, url) DO NOTHING`,
        [...destinationColumns(destination), destination.allowPrivateNetwork],
      );
      return added === 1;
    },
    async findDestination(accountId, url) {
      const row = await firstRow<DestinationRow>(
        pool,
        'SELECT * FROM forwarding_destinations WHERE account_id = $1 AND url = $2',
        [accountId, url],
      );
      return row ? destinationFromRow(row) : null;
    },
    async listDestinations() {
      const { rows } = await pool.query<DestinationRow>(
        'SELECT * FROM forwarding_destinations ORDER BY account_id, created, id',
      );
      return rows.map(destinationFromRow);
    },
    async removeDestination(id) {
      return (await rowCount(pool, 'DELETE FROM forwarding_destinations WHERE id = $1', [id])) === 1;
    },
  };
}
