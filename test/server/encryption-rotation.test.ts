// `tokenframe keys rotate-encryption` while the service runs in a process of
// its own: new tokens are sealed under the new key within seconds, without a
// restart. With the keyring in the environment, which a running process
// cannot reread, the CLI says a restart is needed and /metrics shows the key
// each process uses.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { cleanEnv, runCli, serveCli } from './cli-process';
import { callService, createTestDatabase, formBody, type TestDatabase } from './helpers';

const run = promisify(execFile);
const nextYear = String(new Date().getFullYear() + 1);
const card = { card: { number: '4242424242424242', exp_month: '12', exp_year: nextYear, cvc: '123' } };

/** The key id of `/metrics`' tokenframe_encryption_key_current series. */
async function metricsKeyId(url: string): Promise<string | undefined> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return /^tokenframe_encryption_key_current\{key_id="([^"]+)"\} 1$/m.exec(text)?.[1];
}

describe('keys rotate-encryption while the service runs on secrets.json', () => {
  let dataDir: string;
  let database: TestDatabase | null;
  let env: NodeJS.ProcessEnv;
  let served: Awaited<ReturnType<typeof serveCli>>;
  let publishableKey: string;
  let secretKey: string;

  /** The key id a token's row is sealed under, read by a query of its own (never this process opening the file). */
  async function storedKeyId(tokenId: string): Promise<string> {
    if (database) {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        return (await client.query('SELECT secret_key_id FROM tokens WHERE id = $1', [tokenId])).rows[0].secret_key_id;
      } finally {
        await client.end();
      }
    }
    const query = `const db = new (require('better-sqlite3'))(process.argv[1], { readonly: true, fileMustExist: true });
      process.stdout.write(String(db.prepare('SELECT secret_key_id FROM tokens WHERE id = ?').pluck().get(process.argv[2])));
      db.close();`;
    return (await run(process.execPath, ['-e', query, join(dataDir, 'tokenframe.db'), tokenId])).stdout;
  }

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tokenframe-rotation-'));
    database = await createTestDatabase();
    env = cleanEnv(database ? { DATABASE_URL: database.url } : {});
    served = await serveCli(['--dev', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], env);
    const field = (name: string) => new RegExp(`${name}:\\s+(\\S+)`).exec(served.stdout)?.[1] ?? '';
    [publishableKey, secretKey] = [field('publishable key'), field('secret key')];
  });
  after(async () => {
    await served?.stop();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('seals new tokens under the new key within seconds, and still reads those made before', async () => {
    const before = await callService(served, 'POST', '/v1/tokens', {
      key: publishableKey,
      body: formBody(card),
    });
    assert.equal(before.status, 200);
    const oldKeyId = await storedKeyId(before.body.id);
    assert.equal(await metricsKeyId(served.url), oldKeyId);

    const rotated = await runCli(['keys', 'rotate-encryption', '--data-dir', dataDir], env);
    assert.equal(rotated.code, 0, rotated.stderr);
    const newKeyId = /New encryption key (\S+);/.exec(rotated.stdout)?.[1];
    assert.ok(newKeyId && newKeyId !== oldKeyId, rotated.stdout);

    const rotatedAt = Date.now();
    let sealedUnder = oldKeyId;
    while (sealedUnder !== newKeyId) {
      assert.ok(Date.now() - rotatedAt < 5_000, `new tokens are still sealed under ${sealedUnder} after 5 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const token = await callService(served, 'POST', '/v1/tokens', {
        key: publishableKey,
        body: formBody(card),
      });
      assert.equal(token.status, 200);
      sealedUnder = await storedKeyId(token.body.id);
    }
    assert.equal(await metricsKeyId(served.url), newKeyId);

    // The token made before was re-encrypted by the CLI; the service opens it to use it.
    const customer = await callService(served, 'POST', '/v1/customers', {
      key: secretKey,
      body: formBody({ source: before.body.id }),
    });
    assert.equal(customer.status, 200, JSON.stringify(customer.body));
  });
});

describe('keys rotate-encryption with the keyring in the environment', () => {
  const keys = {
    TOKENFRAME_ENCRYPTION_KEYS: `key_env1:${randomBytes(32).toString('base64')}`,
    TOKENFRAME_FINGERPRINT_KEY: randomBytes(32).toString('base64'),
  };
  let dataDir: string;
  let database: TestDatabase | null;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tokenframe-rotation-env-'));
    database = await createTestDatabase();
  });
  after(async () => {
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('says a restart is needed, and /metrics shows the key the running process still uses', async () => {
    const env = cleanEnv({ ...keys, ...(database ? { DATABASE_URL: database.url } : {}) });
    const served = await serveCli(['--dev', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], env);
    try {
      const refused = await runCli(['keys', 'rotate-encryption', '--data-dir', dataDir], env);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /TOKENFRAME_ENCRYPTION_KEYS/);
      assert.match(refused.stderr, /restart each process/);
      assert.equal(await metricsKeyId(served.url), 'key_env1');
    } finally {
      await served.stop();
    }
  });
});
