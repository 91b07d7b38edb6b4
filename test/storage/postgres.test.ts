// Runs against a throwaway cluster (scripts/postgres.mjs), one database per
// test, so every test also runs the migrations on an empty database.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
// @ts-expect-error plain ESM helper without types
import { startPostgres } from '../../scripts/postgres.mjs';
import { openStore } from '../../src/server/storage/index';
import { openPostgresStore } from '../../src/server/storage/postgres';
import type { TokenStore } from '../../src/server/storage/types';
import { accountA, describeStoreContract, now, tokenRecord } from './store.suite';

let server: { url: string; stop(): Promise<void> };
let admin: pg.Pool;
let databases = 0;

before(async () => {
  server = await startPostgres();
  admin = new pg.Pool({ connectionString: server.url, max: 2 });
});
after(async () => {
  await admin?.end();
  await server?.stop();
});

/** A new empty database on the cluster; returns its URL. */
async function freshDatabase(): Promise<string> {
  const name = `store_${++databases}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return url.toString();
}

describeStoreContract('PostgreSQL', async () => openPostgresStore(await freshDatabase()));

describe('PostgreSQL across processes', () => {
  it('lets exactly one of two stores on one database consume a token', async () => {
    const url = await freshDatabase();
    const stores = [await openPostgresStore(url), await openPostgresStore(url)];
    try {
      await stores[0].saveAccount(accountA);
      for (let round = 0; round < 5; round++) {
        const token = tokenRecord();
        await stores[0].insertToken(token);
        const results = await Promise.all(
          Array.from({ length: 40 }, (_, i) => stores[i % 2].consumeToken(token.id, accountA.id, now)),
        );
        assert.equal(results.filter((result) => result.ok).length, 1);
      }
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('runs the migrations of several stores starting at once without error, and once', async () => {
    const url = await freshDatabase();
    const stores: TokenStore[] = await Promise.all(
      Array.from({ length: 4 }, () => openPostgresStore(url, { maxConnections: 2 })),
    );
    try {
      await stores[0].saveAccount(accountA);
      assert.deepEqual(await stores[3].getAccount(accountA.id), accountA);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    try {
      const { rows } = await check.query<{ version: number; count: string }>(
        'SELECT version, count(*) FROM schema_migrations GROUP BY version ORDER BY version',
      );
      assert.ok(rows.length > 0);
      assert.ok(rows.every((row) => row.count === '1'));
    } finally {
      await check.end();
    }
  });

  it('opens an already migrated database again', async () => {
    const url = await freshDatabase();
    const first = await openPostgresStore(url);
    await first.saveAccount(accountA);
    await first.close();
    const second = await openStore({ databaseUrl: url, databasePath: '/nonexistent/unused.db' });
    try {
      assert.deepEqual(await second.listAccounts(), [accountA]);
    } finally {
      await second.close();
    }
  });

  it('reports a database it cannot reach', async () => {
    const url = new URL(server.url);
    url.pathname = '/no_such_database';
    await assert.rejects(openPostgresStore(url.toString()), /no_such_database/);
  });
});
