import type BetterSqlite3 from 'better-sqlite3';
import { coreSchema } from '../core-schema';
import { schemaMigrationsTable, type Migration } from '../schema-migrations';

/**
 * Brings the file up to the component's latest schema. The steps and their
 * records commit together, under SQLite's write lock (an IMMEDIATE
 * transaction), so two processes opening one file at once cannot both apply a step.
 */
export function migrateSqlite(db: BetterSqlite3.Database, component: string, migrations: Migration[]): void {
  // Before schema_migrations, `PRAGMA user_version` counted the core schema's
  // steps. It still does, so that an older tokenframe, which reads only that,
  // refuses a file newer than it knows instead of running its steps again.
  const countsUserVersion = component === coreSchema.name;
  const latest = migrations.at(-1)?.version ?? 0;
  // Rebuilding a table (the only way SQLite changes column constraints) needs
  // foreign key enforcement off; the check after each step puts it back.
  db.pragma('foreign_keys = OFF');
  try {
    const upgrade = db.transaction(() => {
      const userVersion = db.pragma('user_version', { simple: true }) as number;
      if (countsUserVersion && userVersion > latest) {
        throw new Error(
          `The database has schema version ${userVersion}, newer than this tokenframe knows (${latest}); upgrade tokenframe.`,
        );
      }
      const hadTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
      const isFromBefore = !hadTable.get();
      db.exec(schemaMigrationsTable);
      const record = db.prepare(
        'INSERT INTO schema_migrations (component, version, name, applied_at) VALUES (?, ?, ?, ?)',
      );
      if (isFromBefore && countsUserVersion) {
        // A file from before schema_migrations has had the core steps its user_version counts.
        for (const migration of migrations.filter(({ version }) => version <= userVersion)) {
          record.run(component, migration.version, migration.name, Math.floor(Date.now() / 1000));
        }
      }
      const applied = db.prepare('SELECT version FROM schema_migrations WHERE component = ?').pluck().all(component);
      for (const migration of migrations) {
        if (applied.includes(migration.version)) continue;
        db.exec(migration.sql);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) {
          throw new Error(`Schema step ${component} ${migration.version} (${migration.name}) left broken foreign keys`);
        }
        record.run(component, migration.version, migration.name, Math.floor(Date.now() / 1000));
      }
      if (countsUserVersion) db.pragma(`user_version = ${latest}`);
    });
    upgrade.immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
