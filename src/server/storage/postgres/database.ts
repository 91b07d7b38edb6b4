import pg from 'pg';
import type { PostgresDatabase } from '../database';
import { connectTimeoutMs } from '../unreachable';

/** PostgreSQL, for many stateless service instances on one shared database. */
export function openPostgresDatabase(connectionString: string, maxConnections = 10): PostgresDatabase {
  // Without a connection timeout, a request waits for ever on a database that does not answer,
  // or on a pool whose connections are all busy; with it, the request fails (503) and can be retried.
  // No statement or query timeout: one would also cut legitimate waits (the migration lock at start),
  // and a COMMIT given up on by the client may still have been applied.
  const pool = new pg.Pool({ connectionString, max: maxConnections, connectionTimeoutMillis: connectTimeoutMs });
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
