import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
// @ts-expect-error plain ESM helper without types
import { startPostgres } from '../../scripts/postgres.mjs';
import { killBurst, type KillBurstResult } from '../support/kill-burst';
import { createTestDatabase, type TestDatabase } from './helpers';

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

  it('PostgreSQL: every token acknowledged before a SIGKILL mid-burst is retrievable after restart', async () => {
    const server = process.env.DATABASE_URL
      ? null
      : ((await startPostgres()) as { url: string; stop(): Promise<void> });
    const savedUrl = process.env.DATABASE_URL;
    if (server) process.env.DATABASE_URL = server.url;
    let database: TestDatabase | null = null;
    try {
      database = await createTestDatabase();
      assertSurvived(await killBurst({ workDir, databaseUrl: database!.url }));
    } finally {
      await database?.drop();
      process.env.DATABASE_URL = savedUrl;
      await server?.stop();
    }
  });
});
