// Runs against a throwaway cluster (scripts/postgres.mjs), one database per
// test, so every test also runs the migrations on an empty database.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
// @ts-expect-error plain ESM helper without types
import { startPostgres } from '../../scripts/postgres.mjs';
import { openPlaidStore } from '../../src/server/plaid/store';
import { openStores } from '../../src/server/storage/index';
import { describeCustomerStoreContract } from './customers.suite';
import { describeDestinationStoreContract } from './forwarding.suite';
import { describeIdempotencyStoreContract } from './idempotency.suite';
import { describeKeyStoreContract } from './keys.suite';
import { assertLegacyRowsReadBack } from './legacy';
import { describePlaidStoreContract } from './plaid.suite';
import { describeRateLimitCounterContract } from './rate-limit.suite';
import { describeSealingContract } from './sealing.suite';
import { accountA, now, testA, tokenRecord } from './records';
import { describeVaultStoreContract } from './vault.suite';

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

const openUrl = (url: string, maxConnections?: number) =>
  openStores({ databaseUrl: url, databasePath: '/nonexistent/unused.db', maxConnections });

/** Runs SQL on its own connection (a dump may change session settings), then disconnects. */
async function runSql(url: string, sql: string): Promise<pg.QueryResult[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(sql);
    return Array.isArray(result) ? result : [result];
  } finally {
    await client.end();
  }
}

for (const describeContract of [
  describeKeyStoreContract,
  describeVaultStoreContract,
  describeCustomerStoreContract,
  describeIdempotencyStoreContract,
  describePlaidStoreContract,
  describeRateLimitCounterContract,
  describeDestinationStoreContract,
  describeSealingContract,
]) {
  describeContract('PostgreSQL', async () => openUrl(await freshDatabase()));
}

describe('PostgreSQL across processes', () => {
  it('lets exactly one of two stores on one database consume a token', async () => {
    const url = await freshDatabase();
    const stores = [await openUrl(url), await openUrl(url)];
    try {
      await stores[0].keys.saveAccount(accountA);
      for (let round = 0; round < 5; round++) {
        const token = tokenRecord();
        await stores[0].vault.insertToken(token);
        const results = await Promise.all(
          Array.from({ length: 40 }, (_, i) => stores[i % 2].vault.consumeToken(token.id, testA, now)),
        );
        assert.equal(results.filter((result) => result.ok).length, 1);
      }
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('runs the migrations of several stores starting at once without error, and once', async () => {
    const url = await freshDatabase();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openUrl(url, 2)));
    try {
      await Promise.all(stores.map((store) => openPlaidStore(store.database)));
      await stores[0].keys.saveAccount(accountA);
      assert.deepEqual(await stores[3].keys.getAccount(accountA.id), accountA);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
    const [{ rows }] = await runSql(
      url,
      'SELECT component, version, count(*) FROM schema_migrations GROUP BY component, version ORDER BY 1, 2',
    );
    assert.deepEqual(
      rows.map(({ component, version }) => `${component} ${version}`),
      ['core 1', 'core 2', 'core 3', 'plaid 1', 'plaid 2'],
    );
    assert.ok(rows.every((row) => row.count === '1'));
  });

  it('opens an already migrated database again', async () => {
    const url = await freshDatabase();
    const first = await openUrl(url);
    await first.keys.saveAccount(accountA);
    await first.close();
    const second = await openUrl(url);
    try {
      assert.deepEqual(await second.keys.listAccounts(), [accountA]);
    } finally {
      await second.close();
    }
  });

  it('upgrades a database made before migrations were grouped by component, and reads every row back', async () => {
    const url = await freshDatabase();
    await runSql(url, readFileSync(new URL('./fixtures/postgres-schema-migrations-1.sql', import.meta.url), 'utf8'));
    const [{ rows: before }] = await runSql(url, 'SELECT version, name, applied_at FROM schema_migrations');

    const stores = await openUrl(url);
    try {
      await assertLegacyRowsReadBack(stores, await openPlaidStore(stores.database));
    } finally {
      await stores.close();
    }

    const [{ rows: after }] = await runSql(
      url,
      'SELECT component, version, name, applied_at FROM schema_migrations ORDER BY component, version',
    );
    assert.deepEqual(after[0], { component: 'core', ...before[0] }, 'the core step keeps its record');
    assert.deepEqual(
      after.map(({ component, version }) => `${component} ${version}`),
      ['core 1', 'core 2', 'core 3', 'plaid 1', 'plaid 2'],
    );
  });

  it('reports a database it cannot reach', async () => {
    const url = new URL(server.url);
    url.pathname = '/no_such_database';
    await assert.rejects(openUrl(url.toString()), /no_such_database/);
  });
});
