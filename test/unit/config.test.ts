import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { addEncryptionKey, ConfigError, initDataDir, loadConfig } from '../../src/server/config';
import { loadDevSetup } from '../../src/server/dev/dev-setup';

const root = await mkdtemp(join(tmpdir(), 'tokenframe-config-'));
after(() => rm(root, { recursive: true, force: true }));

describe('loadConfig', () => {
  it('in development mode, creates private encryption and fingerprint keys on first start, and nothing else', async () => {
    const dataDir = join(root, 'first');
    const config = loadConfig({ dataDir, dev: true, env: {} });
    assert.equal(config.currentEncryptionKey().key.length, 32);
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
    assert.deepEqual(second.currentEncryptionKey(), first.currentEncryptionKey());
    assert.deepEqual(second.fingerprintKey, first.fingerprintKey);
  });
});

const key = (bytes = 32) => randomBytes(bytes).toString('base64');

describe('loadConfig without development mode', () => {
  it('refuses to start without secrets, saying what to run or set, and makes nothing', () => {
    const dataDir = join(root, 'empty');
    assert.throws(
      () => loadConfig({ dataDir, env: {} }),
      (error: Error) =>
        error instanceof ConfigError &&
        error.message.includes(`Run \`tokenframe init --data-dir ${dataDir}\``) &&
        error.message.includes('set TOKENFRAME_ENCRYPTION_KEYS and TOKENFRAME_FINGERPRINT_KEY'),
    );
    assert.equal(existsSync(dataDir), false, 'a refused start made the data directory');
  });

  it('uses the secrets tokenframe init wrote', () => {
    const dataDir = join(root, 'initialized');
    const path = initDataDir({ dataDir, env: {} });
    assert.equal(path, join(dataDir, 'secrets.json'));
    const config = loadConfig({ dataDir, env: {} });
    assert.equal(config.secretsSource, path);
    assert.equal(config.currentEncryptionKey().key.length, 32);
    assert.throws(() => initDataDir({ dataDir, env: {} }), /already exists; init never replaces keys/);
  });

  it('takes the keyring and fingerprint key from the environment, the first key or the named one current', () => {
    const [first, second, fingerprint] = [key(), key(), key(48)];
    const env = { TOKENFRAME_ENCRYPTION_KEYS: `a:${first},b:${second}`, TOKENFRAME_FINGERPRINT_KEY: fingerprint };
    const config = loadConfig({ dataDir: join(root, 'env'), env });
    assert.equal(config.secretsSource, 'environment');
    assert.equal(config.currentEncryptionKey().id, 'a');
    assert.deepEqual(config.encryptionKeys.get('b'), Buffer.from(second, 'base64'));
    assert.deepEqual(config.fingerprintKey, Buffer.from(fingerprint, 'base64'));
    assert.equal(
      loadConfig({
        dataDir: join(root, 'env'),
        env: { ...env, TOKENFRAME_ENCRYPTION_KEY_ID: 'b' },
      }).currentEncryptionKey().id,
      'b',
    );
    assert.throws(
      () => loadConfig({ dataDir: join(root, 'env'), env: { ...env, TOKENFRAME_ENCRYPTION_KEY_ID: 'c' } }),
      /TOKENFRAME_ENCRYPTION_KEY_ID names "c", which TOKENFRAME_ENCRYPTION_KEYS lacks/,
    );
  });

  it('never quotes a malformed key in its message', () => {
    const short = key(24);
    for (const env of [
      { TOKENFRAME_ENCRYPTION_KEYS: `a:${short}`, TOKENFRAME_FINGERPRINT_KEY: key() },
      { TOKENFRAME_ENCRYPTION_KEYS: `a:${key()}`, TOKENFRAME_FINGERPRINT_KEY: short },
      { TOKENFRAME_ENCRYPTION_KEYS: `a:${short}%`, TOKENFRAME_FINGERPRINT_KEY: key() },
      { TOKENFRAME_ENCRYPTION_KEYS: short, TOKENFRAME_FINGERPRINT_KEY: key() },
    ]) {
      assert.throws(
        () => loadConfig({ dataDir: join(root, 'weak'), env }),
        (error: Error) => error instanceof ConfigError && !error.message.includes(short),
      );
    }
  });

  it('refuses a damaged secrets.json naming the file, not the key', async () => {
    const dataDir = join(root, 'damaged');
    initDataDir({ dataDir, env: {} });
    const short = key(8);
    await writeFile(
      join(dataDir, 'secrets.json'),
      JSON.stringify({ currentEncryptionKeyId: 'k', encryptionKeys: { k: short }, fingerprintKey: key() }),
    );
    assert.throws(
      () => loadConfig({ dataDir, env: {} }),
      (error: Error) =>
        /secrets\.json: encryption key "k" is 8 bytes/.test(error.message) && !error.message.includes(short),
    );
  });

  it('flags win over the environment, the environment over defaults', () => {
    const dataDir = join(root, 'precedence');
    const env = {
      TOKENFRAME_ENCRYPTION_KEYS: `a:${key()}`,
      TOKENFRAME_FINGERPRINT_KEY: key(),
      PORT: '8080',
      HOST: '0.0.0.0',
      TOKENFRAME_TOKEN_TTL: '60',
      TOKENFRAME_RATE_LIMIT_PER_KEY: '10',
      TOKENFRAME_RATE_LIMIT_PER_IP: '20',
      TOKENFRAME_RATE_LIMIT_FAILED_AUTH: '30',
      TOKENFRAME_TRUST_PROXY: '10.0.0.0/8, 192.168.1.7',
      TOKENFRAME_LOG_LEVEL: 'debug',
    };
    const fromEnv = loadConfig({ dataDir, env });
    assert.equal(fromEnv.port, 8080);
    assert.equal(fromEnv.host, '0.0.0.0');
    assert.equal(fromEnv.tokenTtlSeconds, 60);
    assert.deepEqual(fromEnv.rateLimits, { perKeyPerMinute: 10, perIpPerMinute: 20, failedAuthPerIpPerMinute: 30 });
    assert.deepEqual(fromEnv.trustProxy, ['10.0.0.0/8', '192.168.1.7']);
    assert.equal(fromEnv.logLevel, 'debug');

    const flags = loadConfig({
      dataDir,
      env: { ...env, TOKENFRAME_PORT: '9090', TOKENFRAME_HOST: '::1' },
      port: 0,
      rateLimits: { perKeyPerMinute: 5, failedAuthPerIpPerMinute: 7 },
      trustProxy: true,
    });
    assert.equal(flags.port, 0);
    assert.equal(flags.host, '::1', 'TOKENFRAME_HOST wins over HOST');
    assert.deepEqual(flags.rateLimits, { perKeyPerMinute: 5, perIpPerMinute: 20, failedAuthPerIpPerMinute: 7 });
    assert.equal(flags.trustProxy, true);

    const defaults = loadConfig({
      dataDir,
      env: {
        TOKENFRAME_ENCRYPTION_KEYS: env.TOKENFRAME_ENCRYPTION_KEYS,
        TOKENFRAME_FINGERPRINT_KEY: env.TOKENFRAME_FINGERPRINT_KEY,
      },
    });
    assert.equal(defaults.port, 4242);
    assert.equal(defaults.tokenTtlSeconds, 3600);
    assert.deepEqual(defaults.rateLimits, { perKeyPerMinute: 6000, perIpPerMinute: 300, failedAuthPerIpPerMinute: 60 });
    assert.equal(defaults.trustProxy, false);
    assert.equal(defaults.logLevel, 'info');
  });

  it('reads the connection limits from flags and the environment, and refuses headers slower than the request', () => {
    const dataDir = join(root, 'limits');
    const env = {
      TOKENFRAME_ENCRYPTION_KEYS: `a:${key()}`,
      TOKENFRAME_FINGERPRINT_KEY: key(),
      TOKENFRAME_REQUEST_TIMEOUT: '20',
      TOKENFRAME_MAX_CONNECTIONS: '50',
    };
    const config = loadConfig({ dataDir, env, headersTimeoutSeconds: 5 });
    assert.deepEqual(config.connectionLimits, {
      requestTimeoutSeconds: 20,
      headersTimeoutSeconds: 5,
      keepAliveTimeoutSeconds: 72,
      idleTimeoutSeconds: 120,
      maxConnections: 50,
      maxRequestsPerConnection: 1000,
    });
    assert.throws(() => loadConfig({ dataDir, env, headersTimeoutSeconds: 21 }), ConfigError);
  });

  it('with PostgreSQL and the keys in the environment, needs no data directory at all', () => {
    const dataDir = join(root, 'never-made');
    loadConfig({
      dataDir,
      env: {
        DATABASE_URL: 'postgres://u:p@db.internal:5432/vault',
        TOKENFRAME_ENCRYPTION_KEYS: `a:${key()}`,
        TOKENFRAME_FINGERPRINT_KEY: key(),
      },
    });
    assert.equal(existsSync(dataDir), false);
  });

  it('keys rotate-encryption refuses to add a key to secrets.json the environment would override', () => {
    const dataDir = join(root, 'rotate');
    initDataDir({ dataDir, env: {} });
    assert.throws(
      () => addEncryptionKey(dataDir, { TOKENFRAME_ENCRYPTION_KEYS: `a:${key()}` }),
      /comes from TOKENFRAME_ENCRYPTION_KEYS/,
    );
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
