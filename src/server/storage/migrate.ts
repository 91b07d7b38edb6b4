import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Database } from './database';
import type { Migration, SchemaComponent } from './schema-migrations';
import { migratePostgres } from './postgres/migrate';
import { migrateSqlite } from './sqlite/migrate';

function engineFolder(component: SchemaComponent, engine: Database['engine']): URL {
  const own = new URL(`${engine}/`, component.folder);
  // The bundle's chunks all sit in dist/node/, where every component's folder
  // resolves to dist/node/migrations/: scripts/build-node.mjs copies each
  // component's migrations to a folder of its name there.
  return existsSync(own) ? own : new URL(`${component.name}/${engine}/`, component.folder);
}

/** The component's migrations for the engine, in version order. Never edit one that has shipped: add the next. */
function loadMigrations(component: SchemaComponent, engine: Database['engine']): Migration[] {
  const folder = engineFolder(component, engine);
  return readdirSync(folder)
    .map((file) => /^(\d+)_([a-z0-9_]+)\.sql$/.exec(file))
    .filter((match) => match !== null)
    .map(([file, version, name]) => ({
      version: Number(version),
      name,
      sql: readFileSync(new URL(file, folder), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
}

/**
 * Applies the component's migrations the database has not had. Versions this
 * code does not know are left alone: during a rolling deploy, older instances
 * keep running on a schema newer ones extended.
 */
export async function migrate(database: Database, component: SchemaComponent): Promise<void> {
  const migrations = loadMigrations(component, database.engine);
  if (database.engine === 'sqlite') migrateSqlite(database.connection, component.name, migrations);
  else await migratePostgres(database.pool, component.name, migrations);
}
