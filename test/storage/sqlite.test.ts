import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
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
import { accountA, encrypted, now, testA } from './records';
import { describeVaultStoreContract } from './vault.suite';

let dir: string;
let files = 0;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tokenframe-sqlite-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const freshPath = () => join(dir, `store-${++files}.db`);
const openFile = (path: string) => openStores({ databasePath: path });

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
  describeContract('SQLite', () => openFile(freshPath()));
}

/** Each component's applied versions, and the user_version an older tokenframe reads. */
function schemaState(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return {
      userVersion: db.pragma('user_version', { simple: true }) as number,
      applied: db.prepare('SELECT component, version FROM schema_migrations ORDER BY component, version').all() as {
        component: string;
        version: number;
      }[],
      foreignKeyCheck: db.pragma('foreign_key_check'),
      integrity: db.pragma('integrity_check', { simple: true }),
    };
  } finally {
    db.close();
  }
}

/** The schema every tokenframe before versioned migrations wrote (`git show 9092675:src/server/storage/sqlite.ts`). */
const unversionedSchema = `
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY,
  allowed_origins TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS api_keys (
  key_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  kind TEXT NOT NULL CHECK (kind IN ('publishable', 'secret'))
);
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  type TEXT NOT NULL,
  token_json TEXT NOT NULL,
  secret_key_id TEXT NOT NULL,
  secret_iv TEXT NOT NULL,
  secret_tag TEXT NOT NULL,
  secret_data TEXT NOT NULL,
  fingerprint TEXT,
  used INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS tokens_by_account ON tokens (account_id, created);
CREATE TABLE IF NOT EXISTS idempotency_keys (
  account_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  response_body TEXT NOT NULL,
  created INTEGER NOT NULL,
  PRIMARY KEY (account_id, idempotency_key)
);
`;

/** A database file as the unversioned service left it: an account, its keys, a fresh and an old token. */
function writeUnversionedDatabase(path: string) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(unversionedSchema);
  db.prepare('INSERT INTO accounts (id, allowed_origins) VALUES (?, ?)').run(
    accountA.id,
    JSON.stringify(accountA.allowedOrigins),
  );
  db.prepare('INSERT INTO api_keys (key_hash, account_id, kind) VALUES (?, ?, ?)').run(
    'hash-pk',
    accountA.id,
    'publishable',
  );
  db.prepare('INSERT INTO api_keys (key_hash, account_id, kind) VALUES (?, ?, ?)').run(
    'hash-sk',
    accountA.id,
    'secret',
  );
  const insertToken = db.prepare(
    `INSERT INTO tokens (id, account_id, type, token_json, secret_key_id, secret_iv, secret_tag, secret_data,
                         fingerprint, used, created)
     VALUES (?, ?, 'card', ?, ?, ?, ?, ?, 'fp_visa', 0, ?)`,
  );
  const secret = encrypted('enc_1', 'legacy-ciphertext');
  for (const [id, created] of [
    ['tok_fresh', now],
    ['tok_old', now - 86_400],
  ] as const) {
    const tokenJson = JSON.stringify({ id, object: 'token', type: 'card', created, card: { last4: '4242' } });
    insertToken.run(id, accountA.id, tokenJson, secret.keyId, secret.iv, secret.tag, secret.data, created);
  }
  db.prepare(
    `INSERT INTO idempotency_keys (account_id, idempotency_key, request_hash, status_code, response_body, created)
     VALUES (?, 'order-1', 'hash', 200, '{}', ?)`,
  ).run(accountA.id, now);
  db.close();
  return secret;
}

describe('SQLite schema migrations', () => {
  it('upgrades a database file from before versioning and keeps its tokens and keys', async () => {
    const path = freshPath();
    const secret = writeUnversionedDatabase(path);

    const stores = await openFile(path);
    try {
      const token = await stores.vault.getToken('tok_fresh', testA);
      assert.ok(token, 'the token is still there');
      assert.equal(token.type, 'card');
      assert.deepEqual(token.secret, secret);
      assert.equal(token.fingerprint, 'fp_visa');
      assert.equal(token.used, false);
      assert.equal(token.created, now);
      assert.equal(token.expiresAt, now + 3600, 'old tokens get the default one-hour lifetime');
      assert.equal((await stores.vault.consumeToken('tok_fresh', testA, now + 60)).ok, true);
      assert.deepEqual(await stores.vault.consumeToken('tok_old', testA, now + 60), {
        ok: false,
        reason: 'expired',
      });
      assert.equal(await stores.vault.wipeExpiredTokens(now + 60), 1);

      assert.deepEqual(await stores.keys.getAccount(accountA.id), accountA);
      const key = await stores.keys.findKeyByHash('hash-sk');
      assert.equal(key?.accountId, accountA.id);
      assert.equal(key?.kind, 'secret');
      assert.match(key?.id ?? '', /^key_/);
      assert.equal(key?.display, 'sk_test_****');
      assert.equal(key?.revokedAt, null);
      assert.equal((await stores.keys.listApiKeys()).length, 2);

      // Old idempotency records were per account, not per key: they are dropped, and the new table works.
      assert.equal(await stores.idempotency.getIdempotencyRecord(accountA.id, 'order-1', 0), null);
      const record = {
        scope: key!.id,
        key: 'order-1',
        requestHash: 'h',
        statusCode: 200,
        responseBody: '{}',
        created: now,
      };
      assert.deepEqual(await stores.idempotency.putIdempotencyRecord(record), record);
    } finally {
      await stores.close();
    }

    const state = schemaState(path);
    const coreVersions = state.applied.filter(({ component }) => component === 'core').map(({ version }) => version);
    assert.deepEqual(coreVersions, [1, 2, 3, 4]);
    assert.equal(state.userVersion, Math.max(...coreVersions), 'user_version still counts the core steps');
    assert.deepEqual(state.foreignKeyCheck, []);
    assert.equal(state.integrity, 'ok');
  });

  it('upgrades a file made before migrations were grouped by component, and reads every row back', async () => {
    const path = freshPath();
    copyFileSync(new URL('./fixtures/sqlite-user-version-2.db', import.meta.url), path);

    const stores = await openFile(path);
    try {
      await assertLegacyRowsReadBack(stores, await openPlaidStore(stores.database));
    } finally {
      await stores.close();
    }

    const state = schemaState(path);
    assert.deepEqual(state.applied, [
      { component: 'core', version: 1 },
      { component: 'core', version: 2 },
      { component: 'core', version: 3 },
      { component: 'core', version: 4 },
      { component: 'plaid', version: 1 },
      { component: 'plaid', version: 2 },
    ]);
    assert.equal(state.userVersion, 4);
    assert.deepEqual(state.foreignKeyCheck, []);
    assert.equal(state.integrity, 'ok');
  });

  it("creates the Plaid sandbox's tables only when its store is opened", async () => {
    const path = freshPath();
    const tables = () => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'plaid%'").pluck().all();
      } finally {
        db.close();
      }
    };
    const stores = await openFile(path);
    try {
      assert.deepEqual(tables(), []);
      await openPlaidStore(stores.database);
      assert.deepEqual(tables(), ['plaid_items', 'plaid_public_tokens']);
    } finally {
      await stores.close();
    }
  });

  it('opens an up-to-date file again without changing it', async () => {
    const path = freshPath();
    const first = await openFile(path);
    await first.keys.saveAccount(accountA);
    await openPlaidStore(first.database);
    await first.close();
    const applied = schemaState(path).applied;
    const second = await openFile(path);
    try {
      await openPlaidStore(second.database);
      assert.deepEqual(await second.keys.listAccounts(), [accountA]);
    } finally {
      await second.close();
    }
    assert.deepEqual(schemaState(path).applied, applied);
  });

  it('refuses a file written by a newer tokenframe', async () => {
    const path = freshPath();
    await (await openFile(path)).close();
    const db = new Database(path);
    const latest = db.pragma('user_version', { simple: true }) as number;
    db.pragma(`user_version = ${latest + 1}`);
    db.close();
    await assert.rejects(openFile(path), /newer than this tokenframe knows/);
  });

  it('keeps the database file private to its owner', async () => {
    const path = freshPath();
    const stores = await openFile(path);
    await stores.close();
    assert.equal((await stat(path)).mode & 0o777, 0o600);
  });
});

describe('openStores', () => {
  it('opens the SQLite file when no database URL is set', async () => {
    const path = freshPath();
    const stores = await openStores({ databaseUrl: null, databasePath: path });
    try {
      await stores.keys.saveAccount(accountA);
      assert.deepEqual(await stores.keys.getAccount(accountA.id), accountA);
    } finally {
      await stores.close();
    }
    assert.ok((await stat(path)).size > 0);
  });
});
