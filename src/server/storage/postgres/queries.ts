import type { Pool, PoolClient, QueryResultRow } from 'pg';

export async function allRows<Row extends QueryResultRow>(pool: Pool, text: string, values: unknown[] = []) {
  return (await pool.query<Row>(text, values)).rows;
}

export async function firstRow<Row extends QueryResultRow>(pool: Pool, text: string, values: unknown[] = []) {
  return (await pool.query<Row>(text, values)).rows[0] as Row | undefined;
}

/** How many rows the statement changed. */
export async function rowCount(pool: Pool, text: string, values: unknown[] = []): Promise<number> {
  return (await pool.query(text, values)).rowCount ?? 0;
}

/** Runs `work` on one connection inside BEGIN … COMMIT; an error rolls it back and is rethrown. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
