import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { startServiceProcess, stopServiceProcess, unlimitedRates, type ServiceProcess } from './service-process';

/** What a crash during a burst of token creation left behind. */
export interface KillBurstResult {
  engine: 'SQLite' | 'PostgreSQL';
  /** Token ids the service answered 200 for before it was killed. */
  acknowledged: string[];
  /** Of those, the ids the restarted service does not know. */
  missing: string[];
  /** Requests still open when the process died (they got no answer, so promise nothing). */
  unanswered: number;
  /** The database's own consistency check after the restart: passed, and what it said. */
  integrity: { ok: boolean; detail: string };
}

export interface KillBurstOptions {
  /** A directory to create the service's data directory in. */
  workDir: string;
  /** A database of its own on a PostgreSQL server; SQLite (in the data directory) when absent. */
  databaseUrl?: string | null;
  /** Requests in flight at once. */
  concurrency?: number;
  /** SIGKILL once this many tokens were acknowledged, with the others of the burst still in flight. */
  killAfter?: number;
}

const nextYear = String(new Date().getFullYear() + 1);
const cardBody = new URLSearchParams({
  'card[number]': '4242424242424242',
  'card[exp_month]': '12',
  'card[exp_year]': nextYear,
  'card[cvc]': '123',
}).toString();

/**
 * Creates tokens with `concurrency` requests in flight until `killAfter`
 * were acknowledged, then kills the service with SIGKILL — no drain, no
 * close, as a crash or the OOM killer does — while the rest are in flight.
 */
async function burstUntilKilled(service: ServiceProcess, concurrency: number, killAfter: number) {
  const acknowledged: string[] = [];
  let unanswered = 0;
  let killed = false;
  const worker = async () => {
    while (!killed) {
      try {
        const response = await fetch(`${service.url}/v1/tokens`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${service.publishableKey}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: cardBody,
        });
        const body = (await response.json()) as { id?: string };
        if (response.status === 200 && body.id) acknowledged.push(body.id);
      } catch {
        // The connection died with the process: this request was never acknowledged.
        unanswered += 1;
        return;
      }
      if (acknowledged.length >= killAfter && !killed) {
        killed = true;
        service.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await service.exited;
  return { acknowledged, unanswered };
}

/** The ids a service does not return with `GET /v1/tokens/:id` and its secret key. */
async function unknownTokens(service: ServiceProcess, ids: string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const id of ids) {
    const response = await fetch(`${service.url}/v1/tokens/${id}`, {
      headers: { authorization: `Bearer ${service.secretKey}` },
    });
    if (response.status !== 200) missing.push(id);
    await response.arrayBuffer();
  }
  return missing;
}

/** SQLite's full check of the file, run only once no service has it open. */
function sqliteIntegrity(path: string): { ok: boolean; detail: string } {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const detail = rows.map((row) => row.integrity_check).join('; ');
    return { ok: detail === 'ok', detail };
  } finally {
    db.close();
  }
}

/**
 * amcheck's B-tree check of the tokens table's indexes when the extension is
 * installed; else that every row the primary key finds is also found by a
 * sequential scan of the table, and the other way round.
 */
async function postgresIntegrity(databaseUrl: string): Promise<{ ok: boolean; detail: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS amcheck');
      const { rows } = await client.query<{ name: string }>(
        `SELECT c.relname AS name, bt_index_check(c.oid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         JOIN pg_am am ON am.oid = c.relam WHERE i.indrelid = 'tokens'::regclass AND am.amname = 'btree'`,
      );
      return { ok: true, detail: `amcheck bt_index_check: ${rows.map((row) => row.name).join(', ')} ok` };
    } catch (error) {
      if (!/amcheck/.test(String(error))) return { ok: false, detail: String(error) };
    }
    await client.query('SET enable_indexscan = off; SET enable_bitmapscan = off');
    const scanned = (await client.query<{ n: string }>('SELECT count(*) AS n FROM tokens')).rows[0].n;
    await client.query('SET enable_indexscan = on; SET enable_seqscan = off');
    const indexed = (await client.query<{ n: string }>('SELECT count(*) AS n FROM tokens WHERE id > $1', [''])).rows[0]
      .n;
    return { ok: scanned === indexed, detail: `rows by table scan ${scanned}, by primary key ${indexed}` };
  } finally {
    await client.end();
  }
}

/**
 * The durability check, shared by test/server/durability.test.ts and the
 * verify suite's durability part: a service process under a burst of card
 * token creations is killed with SIGKILL, restarted on the same data, and
 * asked for every token it had acknowledged.
 */
export async function killBurst(options: KillBurstOptions): Promise<KillBurstResult> {
  const { workDir, databaseUrl = null, concurrency = 32, killAfter = 300 } = options;
  const dataDir = await mkdtemp(join(workDir, 'kill-burst-'));
  const serviceOptions = { dataDir, databaseUrl, env: unlimitedRates };
  const first = await startServiceProcess(serviceOptions);
  const { acknowledged, unanswered } = await burstUntilKilled(first, concurrency, killAfter);
  const restarted = await startServiceProcess(serviceOptions);
  let missing: string[];
  try {
    missing = await unknownTokens(restarted, acknowledged);
  } finally {
    await stopServiceProcess(restarted);
  }
  const integrity = databaseUrl
    ? await postgresIntegrity(databaseUrl)
    : sqliteIntegrity(join(dataDir, 'tokenframe.db'));
  return { engine: databaseUrl ? 'PostgreSQL' : 'SQLite', acknowledged, missing, unanswered, integrity };
}
