import type BetterSqlite3 from 'better-sqlite3';
import { customerFromRow, secretToColumns, sourceFromRow, type CustomerRow, type SourceRow } from '../rows';
import type { CustomerRecord, CustomerStore, SealWithoutCvc, SourceRecord } from '../types';
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
                            secret_tag, secret_data, fingerprint, created, cvc_expires_at)
       VALUES (@id, @customer_id, @account_id, @livemode, @source_json, @secret_key_id, @secret_iv,
               @secret_tag, @secret_data, @fingerprint, @created, @cvc_expires_at)`,
    ),
    updateCustomer: db.prepare('UPDATE customers SET customer_json = ? WHERE id = ?'),
    getSource: db.prepare('SELECT * FROM sources WHERE id = ? AND account_id = ? AND livemode = ?'),
    // The compare-and-swap that drops a CVC: of concurrent writers (in any process) one changes the row.
    takeCvc: db.prepare(
      `UPDATE sources
       SET secret_key_id = @secret_key_id, secret_iv = @secret_iv, secret_tag = @secret_tag,
           secret_data = @secret_data, cvc_expires_at = NULL
       WHERE id = @id AND secret_data = @previous AND cvc_expires_at > @now`,
    ),
    wipeCvc: db.prepare(
      `UPDATE sources
       SET secret_key_id = @secret_key_id, secret_iv = @secret_iv, secret_tag = @secret_tag,
           secret_data = @secret_data, cvc_expires_at = NULL
       WHERE id = @id AND secret_data = @previous AND cvc_expires_at <= @now`,
    ),
    listExpiredCvcs: db.prepare(
      'SELECT * FROM sources WHERE cvc_expires_at <= @now AND id > @after ORDER BY id LIMIT @limit',
    ),
  };
  const dropCvc = (statement: BetterSqlite3.Statement, source: SourceRecord, now: number, withoutCvc: SealWithoutCvc) =>
    statement.run({ id: source.id, previous: source.secret.data, now, ...secretToColumns(withoutCvc(source)) })
      .changes === 1;
  const insertSource = (source: SourceRecord) =>
    statements.insertSource.run({
      id: source.id,
      customer_id: source.customerId,
      account_id: source.accountId,
      livemode: source.livemode ? 1 : 0,
      source_json: JSON.stringify(source.source),
      ...secretToColumns(source.secret),
      fingerprint: source.fingerprint,
      created: source.created,
      cvc_expires_at: source.cvcExpiresAt,
    });
  const addSource = db.transaction(
    (source: SourceRecord, addTo: (customer: CustomerRecord['customer']) => void): CustomerRecord | null => {
      const row = statements.getCustomer.get(source.customerId, source.accountId, source.livemode ? 1 : 0) as
        CustomerRow | undefined;
      if (!row) return null;
      const record = customerFromRow(row);
      addTo(record.customer);
      insertSource(source);
      statements.updateCustomer.run(JSON.stringify(record.customer), record.id);
      return record;
    },
  );
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
      insertSource(source);
    },
    async addSource(source, addTo) {
      // IMMEDIATE takes the write lock before the read: another process on the same file waits its turn.
      return addSource.immediate(source, addTo);
    },
    async getSource(id, { accountId, livemode }) {
      const row = statements.getSource.get(id, accountId, livemode ? 1 : 0) as SourceRow | undefined;
      return row ? sourceFromRow(row) : null;
    },
    async takeSourceCvc(id, { accountId, livemode }, now, withoutCvc) {
      for (;;) {
        const row = statements.getSource.get(id, accountId, livemode ? 1 : 0) as SourceRow | undefined;
        if (!row || row.cvc_expires_at === null || Number(row.cvc_expires_at) <= now) return null;
        const source = sourceFromRow(row);
        if (dropCvc(statements.takeCvc, source, now, withoutCvc)) return source;
        // Changed meanwhile: taken by another caller (the next read says so) or re-encrypted by a rotation.
      }
    },
    async wipeExpiredSourceCvcs(now, withoutCvc) {
      let wiped = 0;
      let after = '';
      for (;;) {
        const rows = statements.listExpiredCvcs.all({ now, after, limit: 200 }) as SourceRow[];
        if (rows.length === 0) return wiped;
        for (const row of rows) {
          after = row.id;
          // One that changed meanwhile was taken, or is picked up by the next sweep.
          if (dropCvc(statements.wipeCvc, sourceFromRow(row), now, withoutCvc)) wiped++;
        }
      }
    },
  };
}
