import { openDatabase, type Database, type OpenStoreOptions } from './database';
import { postgresCustomerStore } from './postgres/customers';
import { postgresIdempotencyStore } from './postgres/idempotency';
import { postgresKeyStore } from './postgres/keys';
import { postgresVaultStore } from './postgres/vault';
import { sqliteCustomerStore } from './sqlite/customers';
import { sqliteIdempotencyStore } from './sqlite/idempotency';
import { sqliteKeyStore } from './sqlite/keys';
import { sqliteVaultStore } from './sqlite/vault';
import type { Stores } from './types';

export type { Database, OpenStoreOptions };

/**
 * Opens the database (PostgreSQL when a URL is configured, else the embedded
 * SQLite file), brings its core schema up to date, and builds the service's
 * stores over it. `database` is for plugins with stores of their own, such as
 * the Plaid sandbox (`openPlaidStore`); closing the stores closes it.
 */
export async function openStores(options: OpenStoreOptions): Promise<Stores & { database: Database }> {
  const database = await openDatabase(options);
  const stores =
    database.engine === 'sqlite'
      ? {
          keys: sqliteKeyStore(database.connection),
          vault: sqliteVaultStore(database.connection),
          customers: sqliteCustomerStore(database.connection),
          idempotency: sqliteIdempotencyStore(database.connection),
        }
      : {
          keys: postgresKeyStore(database.pool),
          vault: postgresVaultStore(database.pool),
          customers: postgresCustomerStore(database.pool),
          idempotency: postgresIdempotencyStore(database.pool),
        };
  return { ...stores, database, close: () => database.close() };
}
