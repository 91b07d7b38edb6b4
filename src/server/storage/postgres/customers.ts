import type { Pool } from 'pg';
import { customerFromRow, secretToColumns, sourceFromRow, type CustomerRow, type SourceRow } from '../rows';
import type { CustomerStore } from '../types';
import { postgresEncryptedRows } from './encrypted-rows';
import { firstRow } from './queries';

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
      const secret = secretToColumns(source.secret);
      await pool.query(
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
