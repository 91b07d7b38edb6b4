import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService, type RunningService, type StartServiceOptions } from '../../src/server/service';
// @ts-expect-error plain ESM helper without types
import { startPostgres } from '../../scripts/postgres.mjs';

export interface TestService {
  url: string;
  /** The development account, whose keys these are. */
  accountId: string;
  publishableKey: string;
  secretKey: string;
  dataDir: string;
  service: RunningService;
  /** Stops the service and deletes its data directory. */
  close(): Promise<void>;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * Whether the tests that need PostgreSQL leave it to a later run: under `npm test` the unit stage sets
 * `TOKENFRAME_POSTGRES_LATER=1`, as its server-pg stage runs test/server again with `DATABASE_URL` set. Such
 * tests skip there instead of starting a PostgreSQL server of their own; run alone, they start one.
 */
export const postgresLater =
  !process.env.DATABASE_URL && process.env.TOKENFRAME_POSTGRES_LATER === '1'
    ? 'PostgreSQL runs in the server-pg stage'
    : false;

/**
 * With `DATABASE_URL` set (the server-pg stage), a fresh database on that
 * server for one test service. A real deployment shares a database only among
 * processes that share its keys; services with data directories (and so
 * encryption keys) of their own get databases of their own. Null for SQLite.
 */
export async function createTestDatabase(server = process.env.DATABASE_URL): Promise<TestDatabase | null> {
  if (!server) return null;
  const name = `tf_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * A PostgreSQL database for a test that needs one in any stage: on `DATABASE_URL`'s server (the server-pg
 * stage), else on a throwaway server of the test's own (`ownServer`). `drop` drops it and stops that server.
 */
export async function postgresDatabase(): Promise<TestDatabase & { ownServer: boolean }> {
  const server = process.env.DATABASE_URL ? null : ((await startPostgres()) as { url: string; stop(): Promise<void> });
  const database = (await createTestDatabase(server?.url ?? process.env.DATABASE_URL))!;
  return {
    url: database.url,
    ownServer: server !== null,
    drop: async () => {
      await database.drop();
      await server?.stop();
    },
  };
}

/**
 * A real service on a free port of 127.0.0.1 with its own throwaway data
 * directory (and, in the server-pg stage, its own database), for tests that
 * talk HTTP (node, browser and e2e alike). In development mode, as `npm start`
 * runs it, so tests use the development account's keys.
 */
export async function startTestService(overrides: StartServiceOptions = {}): Promise<TestService> {
  const dataDir = overrides.dataDir ?? (await mkdtemp(join(tmpdir(), 'tokenframe-test-')));
  const database = overrides.databaseUrl === undefined ? await createTestDatabase() : null;
  const databaseUrl = overrides.databaseUrl ?? database?.url;
  const service = await startService({
    port: 0,
    host: '127.0.0.1',
    logger: false,
    dev: true,
    ...overrides,
    dataDir,
    databaseUrl,
  });
  if (!service.dev) throw new Error('startTestService needs development mode for its keys');
  return {
    url: service.url,
    accountId: service.dev.account.accountId,
    publishableKey: service.dev.account.publishableKey,
    secretKey: service.dev.account.secretKey,
    dataDir,
    service,
    async close() {
      await service.close();
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Encodes Stripe-style parameters: `{ card: { number } }` → `card[number]=…`. */
export function formBody(params: Record<string, unknown>, prefix = ''): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    const name = prefix ? `${prefix}[${key}]` : key;
    if (value !== null && typeof value === 'object') {
      parts.push(formBody(value as Record<string, unknown>, name));
    } else if (value !== undefined) {
      parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
    }
  }
  return parts.filter(Boolean).join('&');
}

export interface Answer {
  status: number;
  headers: Headers;
  // Tests look into arbitrary response fields.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
}

export interface CallOptions {
  key?: string | null;
  body?: string;
  headers?: Record<string, string>;
}

/** A plain HTTP call to the service, the way a merchant's client would make it. */
export async function callService(
  svc: Pick<TestService, 'url'>,
  method: string,
  path: string,
  { key, body, headers = {} }: CallOptions = {},
): Promise<Answer> {
  const allHeaders: Record<string, string> = { ...headers };
  if (key) allHeaders.authorization = `Bearer ${key}`;
  if (body !== undefined && !allHeaders['content-type'])
    allHeaders['content-type'] = 'application/x-www-form-urlencoded';
  const response = await fetch(svc.url + path, { method, headers: allHeaders, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/**
 * Fails if any of `values` is in the service's stored data: with SQLite, the
 * database files as UTF-8 or UTF-16 text (the WAL too, where fresh writes sit
 * before a checkpoint); with PostgreSQL, every row of every table as text.
 */
export async function assertNotInDatabaseFiles(svc: TestService, values: Record<string, string>): Promise<void> {
  const { databaseUrl } = svc.service.config;
  if (databaseUrl) return assertNotInPostgres(databaseUrl, values);
  const files = (await readdir(svc.dataDir)).filter((name) => name.startsWith('tokenframe.db'));
  assert.ok(files.includes('tokenframe.db'));
  assert.ok(files.includes('tokenframe.db-wal'), `expected a WAL file, got ${files.join(', ')}`);
  for (const name of files) {
    const bytes = await readFile(join(svc.dataDir, name));
    for (const [label, value] of Object.entries(values)) {
      assert.equal(bytes.includes(value), false, `${name} holds the ${label}`);
      assert.equal(bytes.includes(Buffer.from(value, 'utf16le')), false, `${name} holds the ${label} (UTF-16)`);
    }
  }
}

async function assertNotInPostgres(databaseUrl: string, values: Record<string, string>): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    );
    let tokenRows = 0;
    for (const { table_name: table } of tables.rows) {
      const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${table}" t`);
      if (table === 'tokens') tokenRows = rows.rowCount ?? 0;
      for (const { row } of rows.rows) {
        for (const [label, value] of Object.entries(values)) {
          assert.equal(row.includes(value), false, `table ${table} holds the ${label}`);
        }
      }
    }
    assert.ok(tokenRows > 0, 'no token rows to check');
  } finally {
    await client.end();
  }
}
