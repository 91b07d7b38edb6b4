import type { SchemaComponent } from './schema-migrations';

/** The service's own tables: accounts and keys, the vault, customers, idempotency records. */
export const coreSchema: SchemaComponent = { name: 'core', folder: new URL('./migrations/', import.meta.url) };
