import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cleanEnv, runCli, serveCli } from './cli-process';
import { callService, createTestDatabase, formBody, type TestDatabase } from './helpers';

/**
 * The smallest production setup on one machine, exactly as the README gives
 * it: three commands, then a merchant's page and server using the keys.
 */
describe('production setup in three commands', () => {
  let root: string;
  let database: TestDatabase | null;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'tokenframe-production-'));
    database = await createTestDatabase();
  });
  after(async () => {
    await database?.drop();
    await rm(root, { recursive: true, force: true });
  });

  it('init, keys create --live, serve; a live token made with the printed pk is read with the sk', async () => {
    const dataDir = join(root, 'vault');
    // The operator's shell: nothing of tokenframe's set (PostgreSQL in the server-pg stage).
    const env = cleanEnv(database ? { DATABASE_URL: database.url } : {});

    const init = await runCli(['init', '--data-dir', dataDir], env);
    assert.equal(init.code, 0, init.stderr);
    const keys = await runCli(
      ['keys', 'create', '--live', '--origin', 'https://shop.example', '--data-dir', dataDir],
      env,
    );
    assert.equal(keys.code, 0, keys.stderr);
    const publishableKey = /publishable key:\s+(\S+)/.exec(keys.stdout)?.[1] ?? '';
    const secretKey = /secret key:\s+(\S+)/.exec(keys.stdout)?.[1] ?? '';
    assert.match(publishableKey, /^pk_live_/);
    assert.match(secretKey, /^sk_live_/);

    // `--port 0` only because tests share the machine; the operator's command is `serve --data-dir D`.
    const service = await serveCli(['--data-dir', dataDir, '--port', '0'], env);
    try {
      assert.doesNotMatch(service.stdout, /development mode/);
      assert.match(service.stdout, new RegExp(`secrets:\\s+${join(dataDir, 'secrets.json')}`));
      const svc = { url: service.url } as Parameters<typeof callService>[0];
      const frame = await fetch(`${service.url}/frame/v1/card.html?key=${publishableKey}`);
      assert.match(frame.headers.get('content-security-policy') ?? '', /frame-ancestors https:\/\/shop\.example(;|$)/);

      const token = await callService(svc, 'POST', '/v1/tokens', {
        key: publishableKey,
        headers: { origin: 'https://shop.example' },
        body: formBody({
          // A live key refuses Stripe's test cards: a real-looking number (valid checksum, not a test card).
          card: { number: '4532015112830366', exp_month: '12', exp_year: String(new Date().getFullYear() + 1) },
        }),
      });
      assert.equal(token.status, 200, token.text);
      assert.match(token.body.id, /^tok_/);
      const read = await callService(svc, 'GET', `/v1/tokens/${token.body.id}`, { key: secretKey });
      assert.equal(read.status, 200, read.text);
      assert.equal(read.body.id, token.body.id);
      assert.equal(read.body.card.last4, '0366');
      assert.equal(read.body.livemode, true);
      // No development account exists: only the created pair.
      const listed = await runCli(['keys', 'list', '--data-dir', dataDir], env);
      assert.equal(listed.stdout.trim().split('\n').length, 3, listed.stdout);
    } finally {
      await service.stop();
    }
  });
});
