import type BetterSqlite3 from 'better-sqlite3';
import type { Pool } from 'pg';
import { coreSchema } from './core-schema';
import { migrate } from './migrate';
import { openSqliteDatabase } from './sqlite/database';

export interface OpenStoreOptions {
  /** A PostgreSQL connection string; when set, PostgreSQL is used. */
  databaseUrl?: string | null;
  /** The embedded SQLite file, used when there is no `databaseUrl`. */
  databasePath: string;
  /** Most connections the PostgreSQL pool opens (default 10). */
  maxConnections?: number;
}

/**
 * An open database with its core schema up to date: what the stores, and
 * plugins with stores of their own (the Plaid sandbox), are built over.
 */
export type Database = SqliteDatabase | PostgresDatabase;

export interface SqliteDatabase {
  engine: 'sqlite';
  connection: BetterSqlite3.Database;
  close(): Promise<void>;
}

export interface PostgresDatabase {
  engine: 'postgres';
  pool: Pool;
  close(): Promise<void>;
}

/** PostgreSQL when a database URL is configured, else the embedded SQLite file. */
export async function openDatabase({ databaseUrl, databasePath, maxConnections }: OpenStoreOptions): Promise<Database> {
  let database: Database;
  if (databaseUrl) {
    // Loaded only when used: the embedded default never needs the PostgreSQL driver.
    const { openPostgresDatabase } = await import('./postgres/database');
    database = openPostgresDatabase(databaseUrl, maxConnections);
  } else {
    database = openSqliteDatabase(databasePath);
  }
  try {
    await migrate(database, coreSchema);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
