import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { serveCli } from './cli-process';
import { createTestDatabase, type TestDatabase } from './helpers';
import { tokenframeCli } from '../support/cli';

/**
 * `tokenframe serve` as an operator runs it, with and without `--dev`, on one
 * data directory holding a key pair made with `tokenframe keys create`.
 */

const run = promisify(execFile);
let database: TestDatabase | null;
let env: NodeJS.ProcessEnv;
const cli = (...args: string[]) => run(process.execPath, [tokenframeCli, ...args], { env });

/** Starts `tokenframe serve` on a free port and waits for the line that says where it listens. */
const serve = (...args: string[]) => serveCli(['--port', '0', ...args], env);

const frameCsp = async (url: string, key: string) =>
  (await fetch(`${url}/frame/v1/card.html?key=${key}`)).headers.get('content-security-policy') ?? '';

/** Plaid Link's outcome, as plaid-node asks for it. */
const plaidCreate = (url: string, credentials: { clientId: string; secret: string }) =>
  fetch(`${url}/plaid/sandbox/public_token/create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_id: credentials.clientId,
      secret: credentials.secret,
      institution_id: 'ins_109508',
      initial_products: ['auth'],
    }),
  });

describe('tokenframe serve: development mode', () => {
  let dataDir: string;
  let created: { publishableKey: string };

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tokenframe-dev-mode-'));
    database = await createTestDatabase();
    env = { ...process.env, DATABASE_URL: database?.url ?? '' };
    await cli('init', '--data-dir', dataDir);
    const { stdout } = await cli('keys', 'create', '--origin', 'https://shop.example', '--data-dir', dataDir);
    created = { publishableKey: /publishable key:\s+(\S+)/.exec(stdout)?.[1] ?? '' };
  });
  after(async () => {
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('without --dev: no Plaid routes, no development account or keys, CSP names only created keys’ origins', async () => {
    const service = await serve('--data-dir', dataDir);
    try {
      for (const path of ['/plaid/sandbox/public_token/create', '/plaid/accounts/get']) {
        const plaid = await fetch(service.url + path, { method: 'POST' });
        assert.equal(plaid.status, 404, path);
        assert.match((await plaid.json()).error.message, /^Unrecognized request URL/, path);
      }

      assert.equal(existsSync(join(dataDir, 'dev-keys.json')), false, 'dev-keys.json was written');
      assert.equal(existsSync(join(dataDir, 'plaid.json')), false, 'plaid.json was written');
      assert.doesNotMatch(service.stdout, /pk_test_|sk_test_|plaid/);
      // The only keys are the created pair: no development account was seeded.
      const keys = (await cli('keys', 'list', '--data-dir', dataDir)).stdout.trim().split('\n').slice(1);
      assert.equal(keys.length, 2, keys.join('\n'));
      assert.ok(keys.every((line) => line.includes('https://shop.example')));

      const csp = await frameCsp(service.url, created.publishableKey);
      assert.match(csp, /frame-ancestors https:\/\/shop\.example(;|$)/);
      assert.doesNotMatch(csp, /localhost/);
    } finally {
      await service.stop();
    }
  });

  it('without --dev, --allowed-origin is refused with a clear message', async () => {
    await assert.rejects(
      serve('--data-dir', dataDir, '--allowed-origin', 'https://other.example'),
      /exists only in development mode \(--dev\)/,
    );
  });

  it('--help documents --dev', async () => {
    const { stdout } = await cli('--help');
    assert.match(stdout, /--dev\s+development mode/);
  });

  it('with --dev: the development account, its keys, localhost:5173 and the Plaid sandbox', async () => {
    const service = await serve('--data-dir', dataDir, '--dev', '--allowed-origin', 'https://demo.example');
    try {
      const publishableKey = /publishable key:\s+(\S+)/.exec(service.stdout)?.[1] ?? '';
      const plaidCredentials = {
        clientId: /plaid client_id:\s+(\S+)/.exec(service.stdout)?.[1] ?? '',
        secret: /plaid secret:\s+(\S+)/.exec(service.stdout)?.[1] ?? '',
      };
      assert.match(publishableKey, /^pk_test_/);
      assert.ok(existsSync(join(dataDir, 'dev-keys.json')));
      assert.ok(existsSync(join(dataDir, 'plaid.json')));

      const devCsp = await frameCsp(service.url, publishableKey);
      assert.match(devCsp, /frame-ancestors http:\/\/localhost:5173 https:\/\/demo\.example(;|$)/);
      // The created key keeps its own origins only.
      assert.match(await frameCsp(service.url, created.publishableKey), /frame-ancestors https:\/\/shop\.example(;|$)/);

      const plaid = await plaidCreate(service.url, plaidCredentials);
      assert.equal(plaid.status, 200);
      assert.match((await plaid.json()).public_token, /^public-sandbox-/);
    } finally {
      await service.stop();
    }
  });
});
