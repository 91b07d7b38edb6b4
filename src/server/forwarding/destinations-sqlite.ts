import type BetterSqlite3 from 'better-sqlite3';
import { destinationColumns, destinationFromRow, type DestinationRow } from './destination-row';
import type { DestinationStore } from './destinations-store';

export function sqliteDestinationStore(db: BetterSqlite3.Database): DestinationStore {
  const statements = {
    add: db.prepare(
      `INSERT INTO forwarding_destinations
         (id, account_id, url, method, mappings_json, headers_json, created, allow_private_network)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, url) DO NOTHING`,
    ),
    find: db.prepare('SELECT * FROM forwarding_destinations WHERE account_id = ? AND url = ?'),
    list: db.prepare('SELECT * FROM forwarding_destinations ORDER BY account_id, created, id'),
    remove: db.prepare('DELETE FROM forwarding_destinations WHERE id = ?'),
  };
  return {
    async addDestination(destination) {
      const columns = [...destinationColumns(destination), destination.allowPrivateNetwork ? 1 : 0];
      return statements.add.run(...columns).changes === 1;
    },
    async findDestination(accountId, url) {
      const row = statements.find.get(accountId, url) as DestinationRow | undefined;
      return row ? destinationFromRow(row) : null;
    },
    async listDestinations() {
      return (statements.list.all() as DestinationRow[]).map(destinationFromRow);
    },
    async removeDestination(id) {
      return statements.remove.run(id).changes === 1;
    },
  };
}
