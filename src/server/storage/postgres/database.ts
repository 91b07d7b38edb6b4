import pg from 'pg';
import type { PostgresDatabase } from '../database';

/** PostgreSQL, for many stateless service instances on one shared database. */
export function openPostgresDatabase(connectionString: string, maxConnections = 10): PostgresDatabase {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // An idle connection the server drops must not crash the process: the pool
  // discards it, and the next query reports a problem that persists.
  pool.on('error', () => {});
  let closing: Promise<void> | undefined;
  return {
    engine: 'postgres',
    pool,
    close() {
      closing ??= pool.end();
      return closing;
    },
  };
}
