import type BetterSqlite3 from 'better-sqlite3';
import type { Pool } from 'pg';
import { coreSchema } from './core-schema';
import { migrate } from './migrate';
import { openSqliteDatabase } from './sqlite/database';
import { connectTimeoutMs, unreachableCodes } from './unreachable';

export interface OpenStoreOptions {
  /** A PostgreSQL connection string; when set, PostgreSQL is used. */
  databaseUrl?: string | null;
  /** The embedded SQLite file, used when there is no `databaseUrl`. */
  databasePath: string;
  /** Most connections the PostgreSQL pool opens (default 10). */
  maxConnections?: number;
  /** Tries to reach PostgreSQL before giving up (default 5, about 10 s). */
  databaseConnectAttempts?: number;
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
export async function openDatabase({
  databaseUrl,
  databasePath,
  maxConnections,
  databaseConnectAttempts = 5,
}: OpenStoreOptions): Promise<Database> {
  let connected: SqliteDatabase | PostgresDatabase;
  if (databaseUrl) {
    await waitForPostgres(databaseUrl, databaseConnectAttempts);
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

/** The pause before the second try; it doubles after each, so five tries span about 10 s. */
const firstRetryDelayMs = 625;

/** `host:port/database`, never the user or password, for messages an operator reads. */
function describePostgres(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.hostname || 'localhost'}:${url.port || 5432}${url.pathname}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * At start the database may not be up yet (containers start together): try
 * a connection a few times with a growing pause, then fail with a message
 * naming the host. Retries are logged as warnings so the operator sees the
 * wait.
 */
async function waitForPostgres(databaseUrl: string, attempts: number): Promise<void> {
  const { default: pg } = await import('pg');
  const where = describePostgres(databaseUrl);
  const { password } = new URL(databaseUrl);
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: connectTimeoutMs });
    // A refused connection also emits 'error'; the rejected connect() reports it.
    client.on('error', () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      const { code, message } = error as { code?: string; message: string };
      // Driver messages name the host and user; this removes the password should one ever echo it.
      const cause = [password, safeDecode(password)]
        .filter(Boolean)
        .reduce((text, secret) => text.split(secret).join('***'), message);
      const transient = (code !== undefined && unreachableCodes.has(code)) || /timeout|terminated/i.test(message);
      if (!transient)
        throw new Error(`The PostgreSQL database at ${where} refused the connection: ${cause}`, { cause: error });
      if (attempt >= attempts) {
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        throw new Error(
          `Cannot reach the PostgreSQL database at ${where} after ${attempts} attempt${attempts === 1 ? '' : 's'} ` +
            `over ${seconds} s (${cause}). Check DATABASE_URL and that the database is running; ` +
            'TOKENFRAME_DATABASE_CONNECT_ATTEMPTS sets how many times to try.',
          { cause: error },
        );
      }
      const delay = firstRetryDelayMs * 2 ** (attempt - 1);
      console.warn(
        `PostgreSQL at ${where} is unreachable (${code ?? cause}); retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt} of ${attempts}).`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
