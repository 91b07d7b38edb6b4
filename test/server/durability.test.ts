import assert from 'node:assert/strict';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { killBurst, type KillBurstResult } from '../support/kill-burst';
import { callService, formBody, postgresDatabase, postgresLater, startTestService, type TestService } from './helpers';

/**
 * An acknowledged token is on disk: the service is killed with SIGKILL in
 * the middle of a burst of token creations (group commit batching them), and
 * after a restart on the same data every token that got a 200 is there.
 * PostgreSQL runs on DATABASE_URL's server when set, else on a throwaway one.
 */
describe('durability of acknowledged tokens', () => {
  let workDir: string;
  before(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'tokenframe-durability-'));
  });
  after(() => rm(workDir, { recursive: true, force: true }));

  function assertSurvived(result: KillBurstResult) {
    assert.ok(result.acknowledged.length >= 300, `only ${result.acknowledged.length} tokens acknowledged`);
    assert.deepEqual(result.missing, [], `${result.missing.length} acknowledged tokens lost by ${result.engine}`);
    assert.ok(result.integrity.ok, result.integrity.detail);
  }

  it('SQLite: every token acknowledged before a SIGKILL mid-burst is retrievable after restart', async () => {
    assertSurvived(await killBurst({ workDir }));
  });

  it(
    'PostgreSQL: every token acknowledged before a SIGKILL mid-burst is retrievable after restart',
    { skip: postgresLater },
    async () => {
      const database = await postgresDatabase();
      try {
        assertSurvived(await killBurst({ workDir, databaseUrl: database.url }));
      } finally {
        await database.drop();
      }
    },
  );
});

/**
 * SQLite flushes each batch's WAL off the main thread (fdatasync on libuv's
 * pool) instead of inside the commit: a token must still be answered only
 * after that flush, and a flush that fails must never be answered as a token.
 */
describe('SQLite: answers wait for the WAL flush', () => {
  const flushFile = fs.fdatasync;
  const nextYear = String(new Date().getFullYear() + 1);
  const card = { number: '4242424242424242', exp_month: '12', exp_year: nextYear, cvc: '123' };
  let svc: TestService;
  before(async () => {
    // SQLite even in the PostgreSQL stage: this is the SQLite connection's flush.
    svc = await startTestService({ databaseUrl: '', env: { ...process.env, DATABASE_URL: '' } });
  });
  after(async () => {
    mock.restoreAll();
    await svc.close();
  });

  const createToken = () =>
    callService(svc, 'POST', '/v1/tokens', { key: svc.publishableKey, body: formBody({ card }) });

  it('answers a token only after the WAL file holding it was flushed to disk', async () => {
    const held: (() => void)[] = [];
    let holding = true;
    mock.method(fs, 'fdatasync', (fd: number, done: (error: Error | null) => void) => {
      if (holding) held.push(() => flushFile(fd, done));
      else flushFile(fd, done);
    });
    let answered = false;
    const answer = createToken().finally(() => (answered = true));
    for (let waited = 0; held.length === 0 && !answered && waited < 5000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(answered, false, 'the token was answered before its WAL was flushed');
    holding = false;
    for (const release of held) release();
    const { status, body } = await answer;
    assert.equal(status, 200);
    assert.match(body.id, /^tok_/);
    mock.restoreAll();
  });

  it('answers a failed flush with a Stripe-shaped 500, and every later token too, never a token', async () => {
    mock.method(fs, 'fdatasync', (_fd: number, done: (error: Error | null) => void) =>
      process.nextTick(done, Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' })),
    );
    const failed = await createToken();
    mock.restoreAll();
    // The kernel may have dropped the pages that failed to write: a later flush that succeeds proves nothing.
    const later = await createToken();
    for (const { status, body } of [failed, later]) {
      assert.equal(status, 500);
      assert.equal(body.error.type, 'api_error');
      assert.equal(body.id, undefined);
    }
  });
});
