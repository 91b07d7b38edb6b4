import type { Pool, PoolClient } from 'pg';
import { coreSchema } from '../core-schema';
import { schemaMigrationsTable, type Migration } from '../schema-migrations';

/** Any fixed number will do, as long as nothing else in the database locks on it: "tokenfr" in ASCII. */
const migrationLockKey = '32773604352353906';

/**
 * Applies the component's migrations this database has not had, all in one
 * transaction. Several service processes starting at once each take the
 * advisory lock in turn; whoever comes second finds the work done.
 */
export async function migratePostgres(pool: Pool, component: string, migrations: Migration[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [migrationLockKey]);
    await groupLegacyRecords(client);
    await client.query(schemaMigrationsTable);
    const { rows } = await client.query<{ version: number }>(
      'SELECT version FROM schema_migrations WHERE component = $1',
      [component],
    );
    const applied = new Set(rows.map((row) => row.version));
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query(
        'INSERT INTO schema_migrations (component, version, name, applied_at) VALUES ($1, $2, $3, $4)',
        [component, migration.version, migration.name, Math.floor(Date.now() / 1000)],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Before migrations were grouped by component, schema_migrations had no
 * component column and every row in it was a core schema step. Older
 * instances still running during a deploy only read its versions, which this keeps.
 */
async function groupLegacyRecords(client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = 'schema_migrations'`,
  );
  if (rows.length === 0 || rows.some((row) => row.column_name === 'component')) return;
  await client.query(`
    ALTER TABLE schema_migrations ADD COLUMN component text NOT NULL DEFAULT '${coreSchema.name}';
    ALTER TABLE schema_migrations ALTER COLUMN component DROP DEFAULT;
    ALTER TABLE schema_migrations DROP CONSTRAINT schema_migrations_pkey;
    ALTER TABLE schema_migrations ADD PRIMARY KEY (component, version);
  `);
}
