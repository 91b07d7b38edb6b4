import type BetterSqlite3 from 'better-sqlite3';
import { customerFromRow, secretToColumns, sourceFromRow, type CustomerRow, type SourceRow } from '../rows';
import type { CustomerStore } from '../types';
import { sqliteEncryptedRows } from './encrypted-rows';

export function sqliteCustomerStore(db: BetterSqlite3.Database): CustomerStore {
  const statements = {
    saveCustomer: db.prepare(
      `INSERT INTO customers (id, account_id, livemode, customer_json, created) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET customer_json = excluded.customer_json`,
    ),
    getCustomer: db.prepare('SELECT * FROM customers WHERE id = ? AND account_id = ? AND livemode = ?'),
    insertSource: db.prepare(
      `INSERT INTO sources (id, customer_id, account_id, livemode, source_json, secret_key_id, secret_iv,
                            secret_tag, secret_data, fingerprint, created)
       VALUES (@id, @customer_id, @account_id, @livemode, @source_json, @secret_key_id, @secret_iv,
               @secret_tag, @secret_data, @fingerprint, @created)`,
    ),
    getSource: db.prepare('SELECT * FROM sources WHERE id = ? AND account_id = ? AND livemode = ?'),
  };
  return {
    // Sources hold the raw values; customers only public objects.
    ...sqliteEncryptedRows(db, 'sources', 'id'),
    async saveCustomer(customer) {
      statements.saveCustomer.run(
        customer.id,
        customer.accountId,
        customer.livemode ? 1 : 0,
        JSON.stringify(customer.customer),
        customer.created,
      );
    },
    async getCustomer(id, { accountId, livemode }) {
      const row = statements.getCustomer.get(id, accountId, livemode ? 1 : 0) as CustomerRow | undefined;
      return row ? customerFromRow(row) : null;
    },
    async insertSource(source) {
      statements.insertSource.run({
        id: source.id,
        customer_id: source.customerId,
        account_id: source.accountId,
        livemode: source.livemode ? 1 : 0,
        source_json: JSON.stringify(source.source),
        ...secretToColumns(source.secret),
        fingerprint: source.fingerprint,
        created: source.created,
      });
    },
    async getSource(id, { accountId, livemode }) {
      const row = statements.getSource.get(id, accountId, livemode ? 1 : 0) as SourceRow | undefined;
      return row ? sourceFromRow(row) : null;
    },
  };
}
