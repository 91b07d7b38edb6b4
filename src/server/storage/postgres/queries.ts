import type { Pool, QueryResultRow } from 'pg';

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
