import { openSqliteStore } from './sqlite';
import type { TokenStore } from './types';

export interface OpenStoreOptions {
  /** A PostgreSQL connection string; when set, PostgreSQL is used. */
  databaseUrl?: string | null;
  /** The embedded SQLite file, used when there is no `databaseUrl`. */
  databasePath: string;
}

/** PostgreSQL when a database URL is configured, else the embedded SQLite file. */
export async function openStore({ databaseUrl, databasePath }: OpenStoreOptions): Promise<TokenStore> {
  if (databaseUrl) {
    // Loaded only when used: the embedded default never needs the PostgreSQL driver.
    const { openPostgresStore } = await import('./postgres');
    return openPostgresStore(databaseUrl);
  }
  return openSqliteStore(databasePath);
}
