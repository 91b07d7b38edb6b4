import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../src/server/config';

const root = await mkdtemp(join(tmpdir(), 'tokenframe-config-'));
after(() => rm(root, { recursive: true, force: true }));

describe('loadConfig', () => {
  it('creates private keys and development API keys on first start', async () => {
    const dataDir = join(root, 'first');
    const config = loadConfig({ dataDir });
    assert.equal(config.encryptionKey.key.length, 32);
    assert.equal(config.fingerprintKey.length, 32);
    assert.match(config.devAccount.publishableKey, /^pk_test_[0-9A-Za-z]{24,}$/);
    assert.match(config.devAccount.secretKey, /^sk_test_[0-9A-Za-z]{24,}$/);
    assert.deepEqual(config.devAccount.allowedOrigins, ['http://localhost:5173']);
    assert.equal(config.port, 4242);
    assert.equal(config.host, '127.0.0.1');
    for (const file of ['secrets.json', 'dev-keys.json']) {
      assert.equal((await stat(join(dataDir, file))).mode & 0o777, 0o600, file);
    }
  });

  it('reuses the same keys on later starts', () => {
    const dataDir = join(root, 'again');
    const first = loadConfig({ dataDir });
    const second = loadConfig({ dataDir, allowedOrigins: ['https://shop.example/checkout'] });
    assert.deepEqual(second.encryptionKey, first.encryptionKey);
    assert.deepEqual(second.fingerprintKey, first.fingerprintKey);
    assert.equal(second.devAccount.secretKey, first.devAccount.secretKey);
    assert.deepEqual(second.devAccount.allowedOrigins, ['http://localhost:5173', 'https://shop.example']);
  });

  it('refuses origins that are not http(s)', () => {
    assert.throws(() => loadConfig({ dataDir: join(root, 'bad'), allowedOrigins: ['javascript:alert(1)'] }));
    assert.throws(() => loadConfig({ dataDir: join(root, 'bad'), allowedOrigins: ['not an origin'] }));
  });
});
