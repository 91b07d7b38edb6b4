import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../src/server/config';
import { loadDevSetup } from '../../src/server/dev/dev-setup';

const root = await mkdtemp(join(tmpdir(), 'tokenframe-config-'));
after(() => rm(root, { recursive: true, force: true }));

describe('loadConfig', () => {
  it('in development mode, creates private encryption and fingerprint keys on first start, and nothing else', async () => {
    const dataDir = join(root, 'first');
    const config = loadConfig({ dataDir, dev: true, env: {} });
    assert.equal(config.encryptionKey.key.length, 32);
    assert.equal(config.fingerprintKey.length, 32);
    assert.equal(config.port, 4242);
    assert.equal(config.host, '127.0.0.1');
    assert.equal((await stat(join(dataDir, 'secrets.json'))).mode & 0o777, 0o600);
    assert.deepEqual(await readdir(dataDir), ['secrets.json']);
  });

  it('reuses the same keys on later starts', () => {
    const dataDir = join(root, 'again');
    const first = loadConfig({ dataDir, dev: true, env: {} });
    const second = loadConfig({ dataDir, env: {} });
    assert.deepEqual(second.encryptionKey, first.encryptionKey);
    assert.deepEqual(second.fingerprintKey, first.fingerprintKey);
  });
});

describe('loadDevSetup', () => {
  it('creates development API keys and Plaid credentials on the first development start', async () => {
    const dataDir = join(root, 'dev');
    loadConfig({ dataDir, dev: true, env: {} });
    const setup = loadDevSetup(dataDir);
    assert.match(setup.account.publishableKey, /^pk_test_[0-9A-Za-z]{24,}$/);
    assert.match(setup.account.secretKey, /^sk_test_[0-9A-Za-z]{24,}$/);
    assert.deepEqual(setup.account.allowedOrigins, ['http://localhost:5173']);
    assert.ok(setup.plaid.clientId && setup.plaid.secret);
    for (const file of ['dev-keys.json', 'plaid.json']) {
      assert.equal((await stat(join(dataDir, file))).mode & 0o777, 0o600, file);
    }
  });

  it('reuses the same keys on later starts, with the origins given this time', () => {
    const dataDir = join(root, 'dev-again');
    loadConfig({ dataDir, dev: true, env: {} });
    const first = loadDevSetup(dataDir);
    const second = loadDevSetup(dataDir, ['https://shop.example/checkout']);
    assert.equal(second.account.secretKey, first.account.secretKey);
    assert.deepEqual(second.plaid, first.plaid);
    assert.deepEqual(second.account.allowedOrigins, ['http://localhost:5173', 'https://shop.example']);
  });

  it('refuses origins that are not http(s)', async () => {
    const dataDir = join(root, 'bad');
    await mkdir(dataDir);
    assert.throws(() => loadDevSetup(dataDir, ['javascript:alert(1)']), /must use http or https/);
    assert.throws(() => loadDevSetup(dataDir, ['not an origin']), /Not a valid origin/);
  });
});
