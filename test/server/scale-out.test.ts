// Several processes on one PostgreSQL behave as one service: two real
// `tokenframe serve` processes on their own ports, with one data directory
// (so one keyring) and one database, as two hosts behind a load balancer
// would be. PostgreSQL is the stage's (server-pg) or, without one, this
// test's own throwaway server.
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { openStores } from '../../src/server/storage';
import { formBody, postgresDatabase, postgresLater, type TestDatabase } from './helpers';
import { tokenframeCli } from '../support/cli';

const run = promisify(execFile);
const nextYear = String(new Date().getFullYear() + 1);
const card = { card: { number: '4242424242424242', exp_month: '12', exp_year: nextYear, cvc: '123' } };
const perKeyLimit = 8;
const failedAuthLimit = 6;

interface Serve {
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with the URL of the `count`-th "listening" line. */
  listening(count?: number): Promise<string>;
  exited: Promise<number | null>;
}

/** `node bin/tokenframe.js serve …` with `env` added to this process's environment. */
function serve(args: string[], env: Record<string, string>): Serve {
  const child = spawn(process.execPath, [tokenframeCli, 'serve', '--port', '0', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiting: (() => void)[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const check of waiting.splice(0)) check();
    });
  }
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    listening(count = 1) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const urls = [...output.matchAll(/tokenframe is listening on (\S+)/g)].map((match) => match[1]);
          if (urls.length >= count) resolve(urls[count - 1]);
          else if (child.exitCode !== null) reject(new Error(`serve exited ${child.exitCode}:\n${output}`));
          else waiting.push(check);
        };
        child.once('exit', check);
        check();
      });
    },
  };
}

async function stopServe(served: Serve): Promise<number | null> {
  if (served.child.exitCode === null) served.child.kill('SIGTERM');
  return served.exited;
}

function field(text: string, name: string): string {
  const value = new RegExp(`${name}:\\s+(\\S+)`).exec(text)?.[1];
  assert.ok(value, `no ${name} in:\n${text}`);
  return value;
}

async function call(url: string, method: string, path: string, key: string, body?: string, headers = {}) {
  const response = await fetch(url + path, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      ...headers,
    },
    body,
  });
  // Tests look into arbitrary response fields.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

async function countTokens(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM tokens')).rows[0].n;
  } finally {
    await client.end();
  }
}

describe('two tokenframe serve processes on one PostgreSQL', { skip: postgresLater }, () => {
  let database: TestDatabase | undefined;
  let databaseUrl: string;
  let dataDir: string;
  let processes: Serve[] = [];
  let urls: string[];
  let devKeys: { publishableKey: string; secretKey: string };
  const cli = async (...args: string[]) =>
    (
      await run(process.execPath, [tokenframeCli, ...args, '--data-dir', dataDir], {
        env: { ...process.env, DATABASE_URL: databaseUrl },
      })
    ).stdout;
  const createKeys = async () => {
    const out = await cli('keys', 'create', '--origin', 'https://shop.example');
    return {
      account: field(out, 'account'),
      publishableKey: field(out, 'publishable key'),
      secretKey: field(out, 'secret key'),
    };
  };

  before(async () => {
    database = await postgresDatabase();
    databaseUrl = database.url;
    dataDir = await mkdtemp(join(tmpdir(), 'tokenframe-scale-'));
    const env = {
      DATABASE_URL: databaseUrl,
      TOKENFRAME_RATE_LIMIT_PER_KEY: String(perKeyLimit),
      TOKENFRAME_RATE_LIMIT_FAILED_AUTH: String(failedAuthLimit),
      // The client address is X-Forwarded-For's, so a test can fail authentication from an address of its own.
      TOKENFRAME_TRUST_PROXY: 'true',
    };
    processes = [serve(['--dev', '--data-dir', dataDir], env), serve(['--dev', '--data-dir', dataDir], env)];
    urls = await Promise.all(processes.map((p) => p.listening()));
    assert.notEqual(urls[0], urls[1]);
    const banner = processes[0].output();
    devKeys = { publishableKey: field(banner, 'publishable key'), secretKey: field(banner, 'secret key') };
    assert.equal(field(processes[1].output(), 'publishable key'), devKeys.publishableKey);
  });

  after(async () => {
    await Promise.all(processes.map(stopServe));
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('lets exactly one of 50 concurrent uses of one token, spread over both, succeed', async () => {
    const token = await call(urls[0], 'POST', '/v1/tokens', devKeys.publishableKey, formBody(card));
    assert.equal(token.status, 200);
    const uses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(urls[i % 2], 'POST', '/v1/customers', devKeys.secretKey, formBody({ source: token.body.id })),
      ),
    );
    const statuses = uses.map((use) => use.status);
    assert.equal(statuses.filter((status) => status === 200).length, 1, statuses.join(' '));
    assert.equal(statuses.filter((status) => status === 400).length, 49, statuses.join(' '));
    for (const use of uses.filter((use) => use.status === 400)) {
      assert.equal(use.body.error.code, 'token_already_used');
    }
  });

  it('creates one token for one Idempotency-Key sent to both at once, and replays it to every request', async () => {
    const headers = { 'idempotency-key': `order-${Date.now()}` };
    const tokensBefore = await countTokens(databaseUrl);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        call(urls[i % 2], 'POST', '/v1/tokens', devKeys.secretKey, formBody(card), headers),
      ),
    );
    assert.deepEqual(
      answers.map((answer) => answer.status),
      Array(6).fill(200),
    );
    const ids = new Set(answers.map((answer) => answer.body.id));
    assert.equal(ids.size, 1, [...ids].join(' '));

    assert.equal(await countTokens(databaseUrl), tokensBefore + 1, 'tokens stored for one idempotency key');
  });

  it('answers 409 to a request whose Idempotency-Key is still in progress in the other process, then replays', async () => {
    const token = await call(urls[0], 'POST', '/v1/tokens', devKeys.publishableKey, formBody(card));
    const body = formBody({ source: token.body.id });
    const key = `customer-${Date.now()}`;
    const headers = { 'idempotency-key': key };
    // A lock on the token's row holds the first request inside its consume, as a slow database would.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT 1 FROM tokens WHERE id = $1 FOR UPDATE', [token.body.id]);
      const first = call(urls[0], 'POST', '/v1/customers', devKeys.secretKey, body, headers);
      const claimed = async () =>
        (await client.query('SELECT 1 FROM idempotency_records WHERE idempotency_key = $1', [key])).rowCount;
      while (!(await claimed())) await new Promise((resolve) => setTimeout(resolve, 20));

      const second = await call(urls[1], 'POST', '/v1/customers', devKeys.secretKey, body, headers);
      assert.equal(second.status, 409);
      assert.equal(second.body.error.type, 'idempotency_error');
      assert.match(second.body.error.message, /another in-progress request/);

      await client.query('COMMIT');
      const answered = await first;
      assert.equal(answered.status, 200);
      const retried = await call(urls[1], 'POST', '/v1/customers', devKeys.secretKey, body, headers);
      assert.equal(retried.status, 200);
      assert.equal(retried.headers.get('idempotent-replayed'), 'true');
      assert.equal(retried.body.id, answered.body.id);
    } finally {
      await client.end();
    }
  });

  it(`admits ${perKeyLimit} token creations a minute per key in total, not ${perKeyLimit} per process`, async () => {
    const keys = await createKeys();
    const answers = await Promise.all(
      Array.from({ length: perKeyLimit * 3 }, (_, i) =>
        call(urls[i % 2], 'POST', '/v1/tokens', keys.publishableKey, formBody(card)),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    assert.equal(statuses.filter((status) => status === 200).length, perKeyLimit, statuses.join(' '));
    assert.equal(statuses.filter((status) => status === 429).length, perKeyLimit * 2, statuses.join(' '));
    const refused = answers.find((answer) => answer.status === 429);
    assert.equal(refused?.body.error.code, 'rate_limit');
    for (const url of urls) {
      assert.equal((await call(url, 'POST', '/v1/tokens', keys.publishableKey, formBody(card))).status, 429);
    }
  });

  it(`refuses an address everywhere after ${failedAuthLimit} failed authentications in total, not ${failedAuthLimit} per process`, async () => {
    const from = { 'x-forwarded-for': '198.51.100.7' };
    const statuses = [];
    for (let i = 0; i < failedAuthLimit; i++) {
      statuses.push(
        (await call(urls[i % 2], 'GET', '/v1/tokens/tok_unknown', `sk_test_guess${i}guess`, undefined, from)).status,
      );
    }
    assert.deepEqual(statuses, Array(failedAuthLimit).fill(401));
    for (const url of urls) {
      const refused = await call(url, 'GET', '/v1/tokens/tok_unknown', devKeys.secretKey, undefined, from);
      assert.equal(refused.status, 429);
      assert.equal(refused.body.error.code, 'rate_limit');
      assert.equal((await call(url, 'GET', '/v1/tokens/tok_unknown', devKeys.secretKey)).status, 404);
    }
  });

  it('frames an account’s new allowed origin in both processes within 5 seconds of the change', async () => {
    const keys = await createKeys();
    const frameAncestors = async (url: string) => {
      const frame = await fetch(`${url}/frame/v1/card.html?key=${keys.publishableKey}`);
      assert.equal(frame.status, 200);
      return /frame-ancestors ([^;]*)/.exec(frame.headers.get('content-security-policy') ?? '')?.[1];
    };
    for (const url of urls) assert.equal(await frameAncestors(url), 'https://shop.example');

    // Another host's change, straight in the shared database.
    const stores = await openStores({ databaseUrl, databasePath: join(dataDir, 'unused.db') });
    try {
      const account = await stores.keys.getAccount(keys.account);
      assert.ok(account);
      await stores.keys.saveAccount({ ...account, allowedOrigins: ['https://shop.example', 'https://new.example'] });
    } finally {
      await stores.close();
    }
    const changedAt = Date.now();
    for (const url of urls) {
      while ((await frameAncestors(url)) !== 'https://shop.example https://new.example') {
        assert.ok(Date.now() - changedAt < 5_000, `${url} still frames the old origins after 5 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });

  it('refuses a key revoked with `tokenframe keys revoke` in both processes within 5 seconds', async () => {
    const keys = await createKeys();
    for (const url of urls) {
      assert.equal((await call(url, 'GET', '/v1/tokens/tok_unknown', keys.secretKey)).status, 404);
    }
    const listed = (await cli('keys', 'list')).split('\n');
    const redacted = `sk_test_****${keys.secretKey.slice(-4)}`;
    const keyId = listed.find((line) => line.includes(redacted))?.split(/\s+/)[0];
    assert.ok(keyId?.startsWith('key_'), listed.join('\n'));
    assert.ok(keyId);
    await cli('keys', 'revoke', keyId);
    const revokedAt = Date.now();

    const refusedAfter = await Promise.all(
      urls.map(async (url) => {
        while (Date.now() - revokedAt < 5_000) {
          if ((await call(url, 'GET', '/v1/tokens/tok_unknown', keys.secretKey)).status === 401) {
            return Date.now() - revokedAt;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return null;
      }),
    );
    assert.ok(
      refusedAfter.every((ms) => ms !== null),
      `still accepted after 5 s by: ${urls.filter((_, i) => refusedAfter[i] === null).join(' ')}`,
    );
  });
});

/** The worker processes of a `serve --workers` primary (not tsx's esbuild helper). */
function workersOf(primary: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return parent === primary && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(tokenframeCli);
      } catch {
        return false; // it ended while we looked
      }
    })
    .map(Number);
}

describe('TOKENFRAME_RATE_LIMIT_PER_KEY', () => {
  it('refuses to start with a value that is not a whole number, and says what to set', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tokenframe-limit-'));
    try {
      const started = serve(['--dev', '--data-dir', dataDir], {
        DATABASE_URL: '',
        TOKENFRAME_RATE_LIMIT_PER_KEY: '10/min',
      });
      // 2: the operator's configuration is at fault, as for every malformed setting.
      assert.equal(await started.exited, 2);
      assert.match(started.output(), /TOKENFRAME_RATE_LIMIT_PER_KEY must be a whole number above 0; got "10\/min"/);
      assert.doesNotMatch(started.output(), /listening/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('tokenframe serve --workers 2', () => {
  let dataDir: string;
  let primary: Serve;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tokenframe-workers-'));
  });
  after(async () => {
    if (primary) await stopServe(primary);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves from two worker processes on one port, replaces one that crashes, and stops on SIGTERM', async () => {
    primary = serve(['--dev', '--workers', '2', '--data-dir', dataDir], { DATABASE_URL: '' });
    const url = await primary.listening(1);
    assert.equal(await primary.listening(2), url, 'both workers listen on one port');
    const key = field(primary.output(), 'publishable key');
    const pid = primary.child.pid ?? 0;
    const workers = workersOf(pid);
    assert.equal(workers.length, 2, `workers: ${workers.join(' ')}`);
    assert.equal((await call(url, 'POST', '/v1/tokens', key, formBody(card))).status, 200);

    process.kill(workers[0], 'SIGKILL');
    await primary.listening(3);
    assert.match(primary.output(), new RegExp(`worker ${workers[0]} ended \\(SIGKILL\\); starting another`));
    const replaced = workersOf(pid);
    assert.equal(replaced.length, 2, `workers: ${replaced.join(' ')}`);
    assert.ok(!replaced.includes(workers[0]));
    assert.equal((await call(url, 'POST', '/v1/tokens', key, formBody(card))).status, 200);

    primary.child.kill('SIGTERM');
    assert.equal(await primary.exited, 0);
    assert.deepEqual(workersOf(pid), []);
  });
});
