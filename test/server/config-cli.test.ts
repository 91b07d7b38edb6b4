import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cleanEnv, runCli, serveCli } from './cli-process';
import { callService, createTestDatabase, formBody, type TestDatabase } from './helpers';

/**
 * `tokenframe serve` and `tokenframe init` configured the way an operator
 * does it: flags, environment variables, the data directory, and the
 * messages they get when something is missing or malformed.
 */

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'tokenframe-config-cli-'));
});
after(() => rm(root, { recursive: true, force: true }));

let dirs = 0;
const freshDir = () => join(root, `d${++dirs}`);
const base64Key = (bytes = 32) => randomBytes(bytes).toString('base64');
const nextYear = String(new Date().getFullYear() + 1);

describe('tokenframe serve --help', () => {
  it('lists every flag with its environment variable and default, --dev included', async () => {
    const { code, stdout } = await runCli(['serve', '--help'], cleanEnv());
    assert.equal(code, 0);
    const expected: [string, string, string][] = [
      ['--data-dir', 'TOKENFRAME_DATA_DIR', './.tokenframe'],
      ['--host', 'TOKENFRAME_HOST, then \\$HOST', '127.0.0.1'],
      ['--port', 'TOKENFRAME_PORT, then \\$PORT', '4242'],
      ['--token-ttl', 'TOKENFRAME_TOKEN_TTL', '3600'],
      ['--rate-limit-per-key', 'TOKENFRAME_RATE_LIMIT_PER_KEY', '6000'],
      ['--rate-limit-per-ip', 'TOKENFRAME_RATE_LIMIT_PER_IP', '300'],
      ['--rate-limit-failed-auth', 'TOKENFRAME_RATE_LIMIT_FAILED_AUTH', '60'],
      ['--trust-proxy', 'TOKENFRAME_TRUST_PROXY', 'false'],
      ['--log-level', 'TOKENFRAME_LOG_LEVEL', 'info'],
      ['--database-connect-attempts', 'TOKENFRAME_DATABASE_CONNECT_ATTEMPTS', '5'],
    ];
    for (const [flag, env, shown] of expected) {
      assert.match(
        stdout,
        new RegExp(`${flag} \\S+ .*\\n\\s+env \\$${env}; default ${shown.replace('.', '\\.')}\\n`),
        flag,
      );
    }
    assert.match(stdout, /--dev\s+development mode[^]*env none; default off/);
    for (const variable of [
      'DATABASE_URL',
      'TOKENFRAME_ENCRYPTION_KEYS',
      'TOKENFRAME_ENCRYPTION_KEY_ID',
      'TOKENFRAME_FINGERPRINT_KEY',
    ]) {
      assert.match(stdout, new RegExp(`^  ${variable} `, 'm'), variable);
    }
  });
});

describe('bad input', () => {
  it('an unknown flag is named, with exit code 2', async () => {
    const { code, stderr } = await runCli(['serve', '--prot', '80'], cleanEnv());
    assert.equal(code, 2);
    assert.match(stderr, /Unknown option '--prot'/);
    assert.match(stderr, /tokenframe serve --help/);
    const init = await runCli(['init', '--force'], cleanEnv());
    assert.equal(init.code, 2);
    assert.match(init.stderr, /Unknown option '--force'/);
  });

  it('a malformed flag value names the flag', async () => {
    const { code, stderr } = await runCli(['serve', '--dev', '--data-dir', freshDir(), '--port', 'http'], cleanEnv());
    assert.equal(code, 2);
    assert.match(stderr, /^--port must be a port number/m);
  });

  const malformed: [string, NodeJS.ProcessEnv, RegExp][] = [
    ['TOKENFRAME_TOKEN_TTL', { TOKENFRAME_TOKEN_TTL: 'an hour' }, /^TOKENFRAME_TOKEN_TTL must be a whole number/m],
    ['TOKENFRAME_PORT', { TOKENFRAME_PORT: '99999' }, /^TOKENFRAME_PORT must be a port number/m],
    ['TOKENFRAME_RATE_LIMIT_PER_IP', { TOKENFRAME_RATE_LIMIT_PER_IP: '-5' }, /^TOKENFRAME_RATE_LIMIT_PER_IP must be/m],
    [
      'TOKENFRAME_TRUST_PROXY',
      { TOKENFRAME_TRUST_PROXY: 'yes please' },
      /^TOKENFRAME_TRUST_PROXY must be true, false/m,
    ],
    [
      'TOKENFRAME_TRUST_PROXY hop count',
      { TOKENFRAME_TRUST_PROXY: '2' },
      /^TOKENFRAME_TRUST_PROXY cannot be a hop count/m,
    ],
    ['TOKENFRAME_LOG_LEVEL', { TOKENFRAME_LOG_LEVEL: 'loud' }, /^TOKENFRAME_LOG_LEVEL must be one of fatal, error/m],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://root:hunter2@db/x' }, /^DATABASE_URL is not a PostgreSQL URL/m],
  ];
  for (const [name, env, message] of malformed) {
    it(`a malformed ${name} is refused naming the variable, with exit code 2`, async () => {
      const dataDir = freshDir();
      // The flag would win over TOKENFRAME_PORT.
      const port = env.TOKENFRAME_PORT ? [] : ['--port', '0'];
      const { code, stderr } = await runCli(['serve', '--dev', ...port, '--data-dir', dataDir], cleanEnv(env));
      assert.equal(code, 2, stderr);
      assert.match(stderr, message);
      assert.ok(!stderr.includes('hunter2'), 'the password was printed');
      assert.equal(existsSync(dataDir), false, 'a refused start wrote to the data directory');
    });
  }

  const fingerprintKey = base64Key();
  const weakSecrets: [string, NodeJS.ProcessEnv, RegExp][] = [
    [
      'an encryption key of 16 bytes',
      { TOKENFRAME_ENCRYPTION_KEYS: `k1:${base64Key(16)}`, TOKENFRAME_FINGERPRINT_KEY: fingerprintKey },
      /TOKENFRAME_ENCRYPTION_KEYS key "k1" is 16 bytes; AES-256 needs exactly 32/,
    ],
    [
      'an encryption key that is not base64',
      { TOKENFRAME_ENCRYPTION_KEYS: 'k1:not*base64!secret', TOKENFRAME_FINGERPRINT_KEY: fingerprintKey },
      /TOKENFRAME_ENCRYPTION_KEYS key "k1" is not valid base64/,
    ],
    [
      'a fingerprint key of 8 bytes',
      { TOKENFRAME_ENCRYPTION_KEYS: `k1:${base64Key()}`, TOKENFRAME_FINGERPRINT_KEY: base64Key(8) },
      /TOKENFRAME_FINGERPRINT_KEY is 8 bytes; it needs at least 32/,
    ],
    [
      'a keyring without a fingerprint key',
      { TOKENFRAME_ENCRYPTION_KEYS: `k1:${base64Key()}` },
      /TOKENFRAME_ENCRYPTION_KEYS is set but TOKENFRAME_FINGERPRINT_KEY is not/,
    ],
  ];
  for (const [name, env, message] of weakSecrets) {
    it(`${name} is refused naming the variable and never printing a key`, async () => {
      const { code, stdout, stderr } = await runCli(['serve', '--port', '0', '--data-dir', freshDir()], cleanEnv(env));
      assert.equal(code, 2, stderr);
      assert.match(stderr, message);
      const values = Object.values(env).flatMap((value) => (value ?? '').split(/[,:]/));
      for (const value of values.filter((part) => part.length > 8)) {
        assert.ok(!(stdout + stderr).includes(value), 'a key was printed');
      }
    });
  }
});

describe('tokenframe serve on an empty directory', () => {
  it('with --dev, starts with no setup at all, making its secrets (0600) as npm start always has', async () => {
    const dataDir = freshDir();
    const service = await serveCli(['--dev', '--port', '0', '--data-dir', dataDir], cleanEnv());
    try {
      assert.match(service.stdout, /development mode: on/);
      assert.equal((await stat(join(dataDir, 'secrets.json'))).mode & 0o777, 0o600);
      assert.equal((await fetch(`${service.url}/v1/tokenframe.js`)).status, 200);
    } finally {
      await service.stop();
    }
  });

  it('tells the operator exactly what to set, and invents nothing', async () => {
    const dataDir = freshDir();
    const { code, stdout, stderr } = await runCli(['serve', '--port', '0', '--data-dir', dataDir], cleanEnv());
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(
      stderr,
      new RegExp(
        `Run \`tokenframe init --data-dir ${dataDir}\` or set TOKENFRAME_ENCRYPTION_KEYS and TOKENFRAME_FINGERPRINT_KEY`,
      ),
    );
    assert.doesNotMatch(stderr, /\n\s+at /, 'a stack trace was printed');
    assert.equal(existsSync(dataDir), false, 'a refused start made the data directory');
  });

  describe('starts from the environment alone', () => {
    let database: TestDatabase | null;
    before(async () => {
      database = await createTestDatabase();
    });
    after(() => database?.drop());

    it('keys, listen address, trust-proxy, rate limit and data directory from variables; tokens made and read over HTTP', async () => {
      const dataDir = freshDir();
      const keyring = `old:${base64Key()},current:${base64Key()}`;
      const env = cleanEnv({
        DATABASE_URL: database?.url ?? '',
        TOKENFRAME_DATA_DIR: dataDir,
        TOKENFRAME_ENCRYPTION_KEYS: keyring,
        TOKENFRAME_ENCRYPTION_KEY_ID: 'current',
        TOKENFRAME_FINGERPRINT_KEY: base64Key(),
        TOKENFRAME_HOST: '127.0.0.1',
        TOKENFRAME_PORT: '0',
        TOKENFRAME_TOKEN_TTL: '120',
        TOKENFRAME_LOG_LEVEL: 'warn',
        TOKENFRAME_TRUST_PROXY: '127.0.0.1/32',
        TOKENFRAME_RATE_LIMIT_PER_KEY: '2',
      });
      const created = await runCli(['keys', 'create', '--origin', 'https://shop.example'], env);
      assert.equal(created.code, 0, created.stderr);
      const publishableKey = /publishable key:\s+(\S+)/.exec(created.stdout)![1];
      const secretKey = /secret key:\s+(\S+)/.exec(created.stdout)![1];

      const service = await serveCli([], env);
      try {
        assert.match(service.stdout, /secrets:\s+TOKENFRAME_ENCRYPTION_KEYS and TOKENFRAME_FINGERPRINT_KEY/);
        assert.match(service.stdout, new RegExp(`data directory:\\s+${dataDir}`));
        const svc = { url: service.url } as Parameters<typeof callService>[0];
        const createToken = () =>
          callService(svc, 'POST', '/v1/tokens', {
            key: publishableKey,
            // Trusted, because it comes from 127.0.0.1, the TOKENFRAME_TRUST_PROXY range.
            headers: { 'x-forwarded-for': '203.0.113.9' },
            body: formBody({ card: { number: '4242424242424242', exp_month: '12', exp_year: nextYear } }),
          });
        const token = await createToken();
        assert.equal(token.status, 200, token.text);
        assert.equal(token.body.client_ip, '203.0.113.9');
        const read = await callService(svc, 'GET', `/v1/tokens/${token.body.id}`, { key: secretKey });
        assert.equal(read.status, 200, read.text);
        assert.equal(read.body.card.last4, '4242');
        // TOKENFRAME_RATE_LIMIT_PER_KEY=2: the third creation in the minute is refused.
        assert.equal((await createToken()).status, 200);
        assert.equal((await createToken()).status, 429);
      } finally {
        await service.stop();
      }
      // Nothing secret was written: the keys live in the environment only.
      assert.equal(existsSync(join(dataDir, 'secrets.json')), false);
    });
  });
});

describe('tokenframe init', () => {
  it('creates the keyring and fingerprint key (0600, directory 0700), prints neither, refuses to overwrite', async () => {
    const dataDir = freshDir();
    const { code, stdout, stderr } = await runCli(['init', '--data-dir', dataDir], cleanEnv());
    assert.equal(code, 0, stderr);
    const path = join(dataDir, 'secrets.json');
    assert.equal((await stat(dataDir)).mode & 0o777, 0o700);
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    assert.deepEqual(await readdir(dataDir), ['secrets.json']);

    const written = await readFile(path, 'utf8');
    const secrets = JSON.parse(written) as { encryptionKeys: Record<string, string>; fingerprintKey: string };
    for (const key of [...Object.values(secrets.encryptionKeys), secrets.fingerprintKey]) {
      assert.equal(Buffer.from(key, 'base64').length, 32);
      assert.ok(!stdout.includes(key), 'init printed a key');
    }
    assert.ok(stdout.includes(path), 'init does not say where the keys are');
    assert.match(stdout, new RegExp(`tokenframe keys create .*--data-dir ${dataDir}`));
    assert.match(stdout, new RegExp(`tokenframe serve --data-dir ${dataDir}`));

    const again = await runCli(['init', '--data-dir', dataDir], cleanEnv());
    assert.notEqual(again.code, 0);
    assert.match(again.stderr, /already exists; init never replaces keys/);
    assert.equal(await readFile(path, 'utf8'), written, 'init replaced the secrets');
  });
});

/** A port on 127.0.0.1 with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((listening) => server.once('listening', listening));
  const { port } = server.address() as { port: number };
  await new Promise((closed) => server.close(closed));
  return port;
}

describe('an unreachable database at start', () => {
  it('is tried again with a growing pause, then a clear message names the host and never the password', async () => {
    const port = await closedPort();
    const started = Date.now();
    const { code, stdout, stderr } = await runCli(
      ['serve', '--port', '0', '--data-dir', freshDir()],
      cleanEnv({
        DATABASE_URL: `postgres://tokenframe:s3cret-pw@127.0.0.1:${port}/vault`,
        TOKENFRAME_ENCRYPTION_KEYS: `k1:${base64Key()}`,
        TOKENFRAME_FINGERPRINT_KEY: base64Key(),
        TOKENFRAME_DATABASE_CONNECT_ATTEMPTS: '3',
      }),
    );
    const elapsed = Date.now() - started;
    assert.equal(code, 1, stderr);
    assert.equal(stdout, '');
    assert.match(stderr, new RegExp(`retrying in 0\\.6 s \\(attempt 1 of 3\\)`));
    assert.match(stderr, new RegExp(`retrying in 1\\.3 s \\(attempt 2 of 3\\)`));
    assert.match(
      stderr,
      new RegExp(`Cannot reach the PostgreSQL database at 127\\.0\\.0\\.1:${port}/vault after 3 attempts`),
    );
    assert.match(stderr, /Check DATABASE_URL/);
    assert.ok(!stderr.includes('s3cret-pw'), 'the password was printed');
    assert.ok(elapsed >= 1800, `gave up after ${elapsed} ms, without waiting between tries`);
  });
});
