import { chmodSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from '../database';
import { closeSqliteGroupCommit } from '../group-commit';

/** The embedded default: one file, nothing to install or start. */
export function openSqliteDatabase(path: string): SqliteDatabase {
  const connection = new BetterSqlite3(path);
  try {
    // SQLite gives the -wal and -shm files the database file's mode.
    if (path !== ':memory:') chmodSync(path, 0o600);
    // Another process may be opening (and migrating) the same file.
    connection.pragma('busy_timeout = 5000');
    connection.pragma('journal_mode = WAL');
    // A token the API has handed out must survive a power cut.
    connection.pragma('synchronous = FULL');
    // Deleted and overwritten values (wiped raw values) are zeroed, not just unlinked.
    connection.pragma('secure_delete = ON');
  } catch (error) {
    connection.close();
    throw error;
  }
  return {
    engine: 'sqlite',
    connection,
    async close() {
      closeSqliteGroupCommit(connection);
      if (connection.open) connection.close();
    },
  };
}
