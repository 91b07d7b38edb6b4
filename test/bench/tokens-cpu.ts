/**
 * The service's CPU per token, in one process: `POST /v1/tokens` through
 * Fastify's `inject` (the whole app: hooks, auth, rate limits, card rules,
 * crypto, the durable group commit, the request log) without sockets or a
 * load generator. On a machine shared with other work this is steadier than
 * the HTTP bench's CPU per token, which moves with the throughput reached;
 * run it from two checkouts in turn to compare them. A tool for such
 * comparisons, not one of `npm run bench`'s figures (it has no baseline). SQLite in a temporary
 * data directory, or PostgreSQL at DATABASE_URL. The log is made but not
 * written anywhere.
 *
 *   node --import tsx test/bench/tokens-cpu.ts [rounds] [concurrency]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareService } from '../../src/server/service';
import { createTestDatabase } from '../server/helpers';

const rounds = Number(process.argv[2] ?? 100);
const concurrency = Number(process.argv[3] ?? 50);
const database = await createTestDatabase();
const dataDir = await mkdtemp(join(tmpdir(), 'tokenframe-cpu-bench-'));
const service = await prepareService({
  dataDir,
  dev: true,
  databaseUrl: database?.url,
  logger: { level: 'info', stream: { write() {} } },
  rateLimits: { perKeyPerMinute: 1e9, perIpPerMinute: 1e9 },
});
const request = {
  method: 'POST' as const,
  url: '/v1/tokens',
  headers: {
    authorization: `Bearer ${service.dev!.account.publishableKey}`,
    'content-type': 'application/x-www-form-urlencoded',
  },
  payload: `card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=${new Date().getFullYear() + 1}&card[cvc]=123`,
};

/** `count` rounds of `concurrency` requests at once; the tokens answered with 200. */
async function load(count: number): Promise<number> {
  let created = 0;
  for (let round = 0; round < count; round++) {
    const answers = await Promise.all(Array.from({ length: concurrency }, () => service.app.inject(request)));
    created += answers.filter((answer) => answer.statusCode === 200).length;
  }
  return created;
}

try {
  await load(Math.max(5, Math.ceil(rounds / 5)));
  const before = process.cpuUsage();
  const created = await load(rounds);
  const used = process.cpuUsage(before);
  const engine = database ? 'PostgreSQL' : 'SQLite';
  const perToken = (micros: number) => (micros / Math.max(1, created)).toFixed(0);
  console.log(
    `${engine}: ${created} tokens, CPU per token ${perToken(used.user + used.system)} µs (user ${perToken(used.user)}, system ${perToken(used.system)})`,
  );
} finally {
  await service.close();
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
}
