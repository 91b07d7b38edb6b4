import type { Pool, PoolClient } from 'pg';
import { customerFromRow, secretToColumns, sourceFromRow, type CustomerRow, type SourceRow } from '../rows';
import type { CustomerStore, SourceRecord } from '../types';
import { postgresEncryptedRows } from './encrypted-rows';
import { firstRow, inTransaction } from './queries';

async function insertSource(db: Pool | PoolClient, source: SourceRecord): Promise<void> {
  const secret = secretToColumns(source.secret);
  await db.query(
    `INSERT INTO sources (id, customer_id, account_id, livemode, source_json, secret_key_id, secret_iv,
                          secret_tag, secret_data, fingerprint, created)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
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
    ],
  );
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
  };
}
