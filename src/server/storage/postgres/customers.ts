import type { Pool, PoolClient } from 'pg';
import { customerFromRow, secretToColumns, sourceFromRow, type CustomerRow, type SourceRow } from '../rows';
import type { CustomerStore, SealWithoutCvc, SourceRecord } from '../types';
import { postgresEncryptedRows } from './encrypted-rows';
import { allRows, firstRow, inTransaction, rowCount } from './queries';

async function insertSource(db: Pool | PoolClient, source: SourceRecord): Promise<void> {
  const secret = secretToColumns(source.secret);
  await db.query(
    `INSERT INTO sources (id, customer_id, account_id, livemode, source_json, secret_key_id, secret_iv,
                          secret_tag, secret_data, fingerprint, created, cvc_expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      source.id,
      source.customerId,
      source.accountId,
      source.livemode,
      JSON.stringify(source.source),
      secret.secret_key_id,
      secret.secret_iv,
      secret.secret_tag,
      secret.secret_data,
      source.fingerprint,
      source.created,
      source.cvcExpiresAt,
    ],
  );
}

/**
 * The compare-and-swap that drops a CVC: of concurrent writers (in any
 * process) one changes the row. `window` says whether the CVC is taken
 * within its time (`>`) or wiped after it (`<=`).
 */
async function dropCvc(
  pool: Pool,
  window: '>' | '<=',
  source: SourceRecord,
  now: number,
  withoutCvc: SealWithoutCvc,
): Promise<boolean> {
  const secret = secretToColumns(withoutCvc(source));
  const changed = await rowCount(
    pool,
    `UPDATE sources
     SET secret_key_id = $3, secret_iv = $4, secret_tag = $5, secret_data = $6, cvc_expires_at = NULL
     WHERE id = $1 AND secret_data = $2 AND cvc_expires_at ${window} $7`,
    [source.id, source.secret.data, secret.secret_key_id, secret.secret_iv, secret.secret_tag, secret.secret_data, now],
  );
  return changed === 1;
}

export function postgresCustomerStore(pool: Pool): CustomerStore {
  return {
    // Sources hold the raw values; customers only public objects.
    ...postgresEncryptedRows(pool, 'sources', 'id'),
    async saveCustomer(customer) {
      await pool.query(
        `INSERT INTO customers (id, account_id, livemode, customer_json, created) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET customer_json = excluded.customer_json`,
        [customer.id, customer.accountId, customer.livemode, JSON.stringify(customer.customer), customer.created],
      );
    },
    async getCustomer(id, { accountId, livemode }) {
      const row = await firstRow<CustomerRow>(
        pool,
        'SELECT * FROM customers WHERE id = $1 AND account_id = $2 AND livemode = $3',
        [id, accountId, livemode],
      );
      return row ? customerFromRow(row) : null;
    },
    async insertSource(source) {
      await insertSource(pool, source);
    },
    async addSource(source, addTo) {
      return inTransaction(pool, async (client) => {
        // FOR UPDATE queues a concurrent addition behind this one until COMMIT; it then reads this one's result.
        const { rows } = await client.query<CustomerRow>(
          'SELECT * FROM customers WHERE id = $1 AND account_id = $2 AND livemode = $3 FOR UPDATE',
          [source.customerId, source.accountId, source.livemode],
        );
        if (rows.length === 0) return null;
        const record = customerFromRow(rows[0]);
        addTo(record.customer);
        await insertSource(client, source);
        await client.query('UPDATE customers SET customer_json = $2 WHERE id = $1', [
          record.id,
          JSON.stringify(record.customer),
        ]);
        return record;
      });
    },
    async getSource(id, { accountId, livemode }) {
      const row = await firstRow<SourceRow>(
        pool,
        'SELECT * FROM sources WHERE id = $1 AND account_id = $2 AND livemode = $3',
        [id, accountId, livemode],
      );
      return row ? sourceFromRow(row) : null;
    },
    async takeSourceCvc(id, { accountId, livemode }, now, withoutCvc) {
      for (;;) {
        const row = await firstRow<SourceRow>(
          pool,
          'SELECT * FROM sources WHERE id = $1 AND account_id = $2 AND livemode = $3',
          [id, accountId, livemode],
        );
        if (!row || row.cvc_expires_at === null || Number(row.cvc_expires_at) <= now) return null;
        const source = sourceFromRow(row);
        if (await dropCvc(pool, '>', source, now, withoutCvc)) return source;
        // Changed meanwhile: taken by another caller (the next read says so) or re-encrypted by a rotation.
      }
    },
    async wipeExpiredSourceCvcs(now, withoutCvc) {
      let wiped = 0;
      let after = '';
      for (;;) {
        const rows = await allRows<SourceRow>(
          pool,
          `SELECT * FROM sources WHERE cvc_expires_at <= $1 AND id COLLATE "C" > $2 ORDER BY id COLLATE "C" LIMIT 200`,
          [now, after],
        );
        if (rows.length === 0) return wiped;
        for (const row of rows) {
          after = row.id;
          // One that changed meanwhile was taken, or is picked up by the next sweep.
          if (await dropCvc(pool, '<=', sourceFromRow(row), now, withoutCvc)) wiped++;
        }
      }
    },
  };
}
