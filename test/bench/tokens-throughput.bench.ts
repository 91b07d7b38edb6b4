/**
 * Token creation throughput, issue 15: `POST /v1/tokens` (form-encoded card)
 * on the service as a process of its own, durable on SQLite (WAL,
 * synchronous=FULL) and on PostgreSQL (fsync and synchronous_commit on),
 * side by side with a bare node:http server answering fixed JSON, all in one
 * run with the same load generator. Also the service's CPU time (user +
 * system, from /proc/<pid>/stat) and disk writes (/proc/<pid>/io) per token.
 * PostgreSQL is DATABASE_URL's server when set (its settings are printed),
 * else a throwaway durable cluster. Nothing is asserted; `--json <file>`
 * writes the rows `{figure, ours, baseline, ratio, goal, unit, met}`.
 * `--rate n` sends n requests a second in all instead of as many as answered:
 * on a busy machine, two versions compared at one rate do the same batches,
 * so their CPU per token differs by their code, not by how fast each ran.
 *
 *   node --import tsx test/bench/tokens-throughput.bench.ts [seconds] [connections] [--json file] [--rate n]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
// @ts-expect-error plain ESM helper without types
import { startPostgres } from '../../scripts/postgres.mjs';
import { createTestDatabase } from '../server/helpers';
import {
  startServiceProcess,
  stopServiceProcess,
  unlimitedRates,
  type ServiceProcess,
} from '../support/service-process';

const args = process.argv.slice(2);
/** The value after `--name`, taken out of the positional arguments. */
const optionValues = new Set<number>();
function option(name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  optionValues.add(at).add(at + 1);
  return args[at + 1];
}
const jsonFile = option('--json') ?? null;
const rate = option('--rate');
const overallRate = rate === undefined ? undefined : Number(rate);
const positional = args.filter((_, index) => !optionValues.has(index));
const seconds = Number(positional[0] ?? 10);
const connections = Number(positional[1] ?? 50);
const nextYear = String(new Date().getFullYear() + 1);
const cardBody = `card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=${nextYear}&card[cvc]=123`;
/** Clock ticks a second, as /proc/<pid>/stat counts CPU time; 100 on every Linux the project runs on. */
const ticksPerSecond = 100;

interface Measured {
  rps: number;
  p99: number;
  failed: number;
  /** Service CPU (user + system) per answered request, µs. */
  cpuPerRequestUs: number;
  /** Bytes the service process caused to be written to disk per answered request. */
  writtenPerRequest: number;
}

function processCounters(pid: number) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after "pid (comm) ".
  const cpuTicks = Number(fields[11]) + Number(fields[12]);
  const io = readFileSync(`/proc/${pid}/io`, 'utf8');
  const written = Number(/^write_bytes: (\d+)/m.exec(io)?.[1] ?? 0);
  return { cpuTicks, written };
}

/** A warm-up second, then `seconds` of load, with the server process's CPU and writes over the measured part. */
async function measure(url: string, pid: number, request: autocannon.Request): Promise<Measured> {
  await autocannon({ url, connections, duration: 1, requests: [request], overallRate });
  const before = processCounters(pid);
  const result = await autocannon({ url, connections, duration: seconds, requests: [request], overallRate });
  const after = processCounters(pid);
  const answered = Math.max(1, result['2xx']);
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    failed: result.errors + result.non2xx,
    cpuPerRequestUs: ((after.cpuTicks - before.cpuTicks) / ticksPerSecond / answered) * 1e6,
    writtenPerRequest: (after.written - before.written) / answered,
  };
}

/** The baseline: node:http answering fixed JSON, in a process of its own as the service is. */
async function measureBare(): Promise<Measured> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `require('node:http').createServer((q, s) => { q.resume(); q.on('end', () => {
         s.writeHead(200, { 'content-type': 'application/json' }); s.end('{"id":"tok_bare","object":"token"}'); });
       }).listen(0, '127.0.0.1', function () { console.log(this.address().port); });`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<string>((resolve) =>
    child.stdout.once('data', (chunk: Buffer) => resolve(String(chunk).trim())),
  );
  try {
    return await measure(`http://127.0.0.1:${port}`, child.pid!, { method: 'POST', path: '/', body: cardBody });
  } finally {
    child.kill();
  }
}

async function measureService(service: ServiceProcess): Promise<Measured> {
  return measure(service.url, service.pid, {
    method: 'POST',
    path: '/v1/tokens',
    headers: { authorization: `Bearer ${service.publishableKey}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: cardBody,
  });
}

async function measureSqlite(workDir: string): Promise<Measured> {
  const service = await startServiceProcess({ dataDir: await mkdtemp(join(workDir, 'sqlite-')), env: unlimitedRates });
  try {
    return await measureService(service);
  } finally {
    await stopServiceProcess(service);
  }
}

/** The durable PostgreSQL path: DATABASE_URL's server (whose settings are reported), else a durable throwaway one. */
async function measurePostgres(workDir: string): Promise<Measured & { settings: string }> {
  const throwaway = process.env.DATABASE_URL
    ? null
    : ((await startPostgres({ durable: true })) as { url: string; stop(): Promise<void> });
  if (throwaway) process.env.DATABASE_URL = throwaway.url;
  const database = (await createTestDatabase())!;
  try {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const setting = async (name: string) => (await client.query(`SHOW ${name}`)).rows[0][name] as string;
    const settings = `fsync=${await setting('fsync')}, synchronous_commit=${await setting('synchronous_commit')}`;
    await client.end();
    const service = await startServiceProcess({
      dataDir: await mkdtemp(join(workDir, 'postgres-')),
      databaseUrl: database.url,
      env: unlimitedRates,
    });
    try {
      return { ...(await measureService(service)), settings };
    } finally {
      await stopServiceProcess(service);
    }
  } finally {
    await database.drop();
    await throwaway?.stop();
  }
}

interface Row {
  figure: string;
  ours: number;
  baseline: number | null;
  ratio: number | null;
  goal: string;
  unit: string;
  met: boolean;
}

const round = (value: number, digits = 0) => Number(value.toFixed(digits));

function rowsFor(engine: string, ours: Measured, bare: Measured, goalRps: number, goalRatio: number | null): Row[] {
  const ratio = round(ours.rps / bare.rps, 3);
  const rows: Row[] = [
    {
      figure: `POST /v1/tokens, ${engine} durable`,
      ours: round(ours.rps),
      baseline: round(bare.rps),
      ratio,
      goal: goalRatio ? `≥ ${goalRps} and ≥ ${goalRatio}× baseline` : `≥ ${goalRps}`,
      unit: 'req/s',
      met: ours.rps >= goalRps && (goalRatio === null || ratio >= goalRatio),
    },
  ];
  if (goalRatio) {
    rows.push({
      figure: `POST /v1/tokens p99, ${engine} durable`,
      ours: ours.p99,
      baseline: bare.p99,
      ratio: round(ours.p99 / Math.max(1, bare.p99), 2),
      goal: '≤ 25',
      unit: 'ms',
      met: ours.p99 <= 25,
    });
  }
  rows.push({
    figure: `service CPU per token (user + system), ${engine}`,
    ours: round(ours.cpuPerRequestUs),
    baseline: round(bare.cpuPerRequestUs),
    ratio: round(ours.cpuPerRequestUs / Math.max(1, bare.cpuPerRequestUs), 2),
    goal: '≤ 150',
    unit: 'µs',
    met: ours.cpuPerRequestUs <= 150,
  });
  return rows;
}

const workDir = await mkdtemp(join(tmpdir(), 'tokenframe-bench-'));
try {
  const bare = await measureBare();
  const sqlite = await measureSqlite(workDir);
  const postgres = await measurePostgres(workDir);
  const line = (name: string, m: Measured) =>
    `${name.padEnd(62)}${m.rps.toFixed(0).padStart(8)}${String(m.p99).padStart(8)}${m.cpuPerRequestUs.toFixed(0).padStart(9)}${(m.writtenPerRequest / 1024).toFixed(1).padStart(10)}${String(m.failed).padStart(8)}`;
  const pace = overallRate ? `, ${overallRate} requests/s` : '';
  console.log(`\ntokens throughput — Node ${process.version}, ${connections} connections${pace}, ${seconds} s each\n`);
  console.log(`${'variant'.padEnd(62)}   req/s  p99 ms   CPU µs  disk kB   failed`);
  console.log(line('bare node:http, fixed JSON', bare));
  console.log(line('POST /v1/tokens, SQLite (WAL, sync=FULL)', sqlite));
  console.log(line(`POST /v1/tokens, PostgreSQL (${postgres.settings})`, postgres));
  console.log(
    `\nratio tokens / bare: SQLite ${(sqlite.rps / bare.rps).toFixed(3)}, PostgreSQL ${(postgres.rps / bare.rps).toFixed(3)}\n`,
  );
  const rows = [...rowsFor('SQLite', sqlite, bare, 5000, 0.35), ...rowsFor('PostgreSQL', postgres, bare, 3000, null)];
  if (jsonFile) await writeFile(jsonFile, `${JSON.stringify(rows, null, 2)}\n`);
} finally {
  await rm(workDir, { recursive: true, force: true });
}
