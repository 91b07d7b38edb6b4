import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestDatabase } from '../../test/server/helpers';
// @ts-expect-error plain ESM helper without types
import { startPostgres } from '../../scripts/postgres.mjs';
import { killBurst, type KillBurstResult } from '../../test/support/kill-burst';

/** One figure of the verify report. */
export interface VerifyRow {
  figure: string;
  value: string | number;
  expected?: string;
  ok: boolean;
}

/** The rows one engine's crash gives: what was acknowledged, what was lost, whether the database is whole. */
function rowsOf(result: KillBurstResult): VerifyRow[] {
  const { engine } = result;
  return [
    { figure: `acknowledged tokens before SIGKILL (${engine})`, value: result.acknowledged.length, ok: true },
    {
      figure: `requests in flight at SIGKILL, unanswered (${engine})`,
      value: result.unanswered,
      ok: true,
    },
    {
      figure: `missing after restart (${engine})`,
      value: result.missing.length,
      expected: '0',
      ok: result.missing.length === 0,
    },
    {
      figure: `${engine === 'SQLite' ? 'integrity_check' : 'index and table consistency'} (${engine})`,
      value: result.integrity.detail,
      expected: 'ok',
      ok: result.integrity.ok,
    },
  ];
}

/** A fresh database on DATABASE_URL's server, or on a throwaway server started for this part. */
async function postgresDatabase(): Promise<{ url: string; release(): Promise<void> }> {
  const throwaway = process.env.DATABASE_URL
    ? null
    : ((await startPostgres()) as { url: string; stop(): Promise<void> });
  const serverUrl = process.env.DATABASE_URL ?? throwaway!.url;
  const database = (await createTestDatabase(serverUrl))!;
  return {
    url: database.url,
    async release() {
      await database.drop();
      await throwaway?.stop();
    },
  };
}

/**
 * Issue 15's durability guarantee, checked rather than assumed: the service
 * is killed with SIGKILL during a burst of token creations on each engine,
 * restarted on the same data, and asked for every token it acknowledged.
 * `quick` kills after fewer tokens.
 */
export async function run(options: {
  quick: boolean;
  workDir: string;
}): Promise<{ part: 'durability'; rows: VerifyRow[] }> {
  const workDir = await mkdtemp(join(options.workDir, 'durability-'));
  const burst = { workDir, killAfter: options.quick ? 200 : 1000 };
  try {
    const rows = rowsOf(await killBurst(burst));
    const database = await postgresDatabase();
    try {
      rows.push(...rowsOf(await killBurst({ ...burst, databaseUrl: database.url })));
    } finally {
      await database.release();
    }
    return { part: 'durability', rows };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
