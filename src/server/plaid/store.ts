import type { Database } from '../storage/database';
import { migrate } from '../storage/migrate';
import type { SchemaComponent } from '../storage/schema-migrations';
import type { PlaidStore } from '../storage/types';
import { postgresPlaidStore } from './store-postgres';
import { sqlitePlaidStore } from './store-sqlite';

/** The sandbox's Items and public tokens, migrated apart from the core schema: without the sandbox they never exist. */
const plaidSchema: SchemaComponent = { name: 'plaid', folder: new URL('./migrations/', import.meta.url) };

/** The Plaid sandbox's store in an open database, its tables created or brought up to date first. */
export async function openPlaidStore(database: Database): Promise<PlaidStore> {
  await migrate(database, plaidSchema);
  return database.engine === 'sqlite' ? sqlitePlaidStore(database.connection) : postgresPlaidStore(database.pool);
}
