import { openSqliteStore } from './sqlite';
import type { EncryptedRows, PlaidStore, Stores, TokenStore } from './types';

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

/**
 * TRANSITIONAL (issue 11): the open database, as plugins with their own stores
 * (the Plaid sandbox) receive it. Replaced by the per-concern adapters.
 */
export interface Database {
  readonly legacy: TokenStore;
}

function rowsOf(store: TokenStore, table: 'tokens' | 'sources' | 'plaid_items'): EncryptedRows {
  return {
    async listSecretsNotUnder(keyId, limit) {
      const entries: { table: string; id: string; secret: import('../crypto').EncryptedValue }[] = [];
      // The old interface mixes tables; take this table's rows only.
      for (const entry of await store.listSecretsNotUnder(keyId, limit * 3)) {
        if (entry.table === table) entries.push(entry);
      }
      return entries.slice(0, limit).map(({ id, secret }) => ({ id, secret }));
    },
    replaceSecret: (id, secret) => store.replaceSecret(table, id, secret),
  };
}

/** TRANSITIONAL (issue 11): the per-concern stores over the old single adapter. */
export async function openStores(options: OpenStoreOptions): Promise<Stores & { database: Database }> {
  const store = await openStore(options);
  return {
    keys: store,
    vault: Object.assign(Object.create(store) as TokenStore, rowsOf(store, 'tokens')),
    customers: Object.assign(Object.create(store) as TokenStore, rowsOf(store, 'sources')),
    idempotency: store,
    database: { legacy: store },
    close: () => store.close(),
  };
}

/** TRANSITIONAL (issue 11): the Plaid sandbox's store in an open database. */
export async function openPlaidStore(database: Database): Promise<PlaidStore> {
  return Object.assign(Object.create(database.legacy) as TokenStore, rowsOf(database.legacy, 'plaid_items'));
}
