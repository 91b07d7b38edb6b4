export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** A part of the service with tables of its own: the core schema, or a plugin's (the Plaid sandbox). */
export interface SchemaComponent {
  /** Its name in `schema_migrations`. */
  name: string;
  /** Holds one folder of `NNN_name.sql` files per engine: `sqlite/`, `postgres/`. */
  folder: URL;
}

/** Where both engines record what they applied, a component's versions apart from another's. */
export const schemaMigrationsTable = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    component text NOT NULL,
    version integer NOT NULL,
    name text NOT NULL,
    applied_at bigint NOT NULL,
    PRIMARY KEY (component, version)
  )`;
