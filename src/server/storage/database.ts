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
export type Database = (SqliteDatabase | PostgresDatabase) & DatabaseHealthCheck;

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

/** What `ping()` found; `/readyz` gives it as its reason. */
export type DatabaseHealth = 'ok' | 'database unreachable' | 'database migrations missing';

interface DatabaseHealthCheck {
  /**
   * One cheap query: whether the database answers and still holds every
   * schema step it had when this process opened it (a database restored from
   * an older backup, or an empty one put in its place, does not).
   */
  ping(): Promise<DatabaseHealth>;
}

type SchemaVersions = { component: string; version: number }[];

const schemaVersionsQuery = 'SELECT component, max(version) AS version FROM schema_migrations GROUP BY component';

async function schemaVersions(database: SqliteDatabase | PostgresDatabase): Promise<SchemaVersions> {
  if (database.engine === 'sqlite') return database.connection.prepare(schemaVersionsQuery).all() as SchemaVersions;
  return (await database.pool.query<SchemaVersions[number]>(schemaVersionsQuery)).rows;
}

function holdsEvery(applied: SchemaVersions, expected: SchemaVersions): boolean {
  return expected.every(({ component, version }) =>
    applied.some((row) => row.component === component && row.version >= version),
  );
}

/** PostgreSQL when a database URL is configured, else the embedded SQLite file. */
export async function openDatabase({ databaseUrl, databasePath, maxConnections }: OpenStoreOptions): Promise<Database> {
  let connected: SqliteDatabase | PostgresDatabase;
  if (databaseUrl) {
    // Loaded only when used: the embedded default never needs the PostgreSQL driver.
    const { openPostgresDatabase } = await import('./postgres/database');
    connected = openPostgresDatabase(databaseUrl, maxConnections);
  } else {
    connected = openSqliteDatabase(databasePath);
  }
  let expected: SchemaVersions = [];
  const database: Database = Object.assign(connected, {
    async ping(): Promise<DatabaseHealth> {
      let applied: SchemaVersions;
      try {
        applied = await schemaVersions(connected);
      } catch {
        return 'database unreachable';
      }
      return holdsEvery(applied, expected) ? 'ok' : 'database migrations missing';
    },
  });
  try {
    await migrate(database, coreSchema);
    expected = await schemaVersions(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
