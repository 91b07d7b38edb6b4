/**
 * Races: many consumers of one token at the same instant, and many tokens
 * attached to one customer at the same instant — on SQLite (one process) and
 * on PostgreSQL (two processes on one database, as two hosts behind a load
 * balancer). Single use must hold exactly, and no concurrent attach may be lost.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
// @ts-expect-error plain ESM helper without types
import { startPostgres } from '../../scripts/postgres.mjs';
import { expectEqual, type PartOptions, type PartResult, type Row } from '../part';
import { cardBody, post, startServiceProcess, type ServiceProcess } from '../service-process';

const CONSUMERS = 100;

/** `count` concurrent uses of one token, alternating between the services and between the two ways to consume. */
async function consumeOnce(services: ServiceProcess[], engine: string): Promise<Row[]> {
  const [first] = services;
  const token = await post(`${first.url}/v1/tokens`, first.publishableKey, cardBody());
  const customer = await post(`${first.url}/v1/customers`, first.secretKey, '');
  const uses = await Promise.all(
    Array.from({ length: CONSUMERS }, (_, i) => {
      const service = services[i % services.length];
      return i % 4 < 2
        ? post(`${service.url}/v1/customers`, service.secretKey, `source=${token.body.id}`)
        : post(`${service.url}/v1/customers/${customer.body.id}/sources`, service.secretKey, `source=${token.body.id}`);
    }),
  );
  const succeeded = uses.filter((use) => use.status === 200).length;
  const refused = uses.filter((use) => use.status === 400 && use.body.error?.code === 'token_already_used').length;
  return [
    expectEqual(`${engine}: ${CONSUMERS} concurrent consumers of one token, succeeded`, succeeded, 1),
    expectEqual(`${engine}: refused with token_already_used`, refused, CONSUMERS - 1),
  ];
}

/** `count` tokens attached to one customer at once; every one must be on the customer afterwards. */
async function attachMany(services: ServiceProcess[], engine: string, count: number): Promise<Row[]> {
  const [first] = services;
  const customer = await post(`${first.url}/v1/customers`, first.secretKey, '');
  const tokens = await Promise.all(
    Array.from({ length: count }, () => post(`${first.url}/v1/tokens`, first.publishableKey, cardBody())),
  );
  const attaches = await Promise.all(
    tokens.map((token, i) => {
      const service = services[i % services.length];
      return post(
        `${service.url}/v1/customers/${customer.body.id}/sources`,
        service.secretKey,
        `source=${token.body.id}`,
      );
    }),
  );
  const response = await fetch(`${first.url}/v1/customers/${customer.body.id}`, {
    headers: { authorization: `Bearer ${first.secretKey}` },
  });
  const stored = (await response.json()) as { sources?: { total_count: number; data: unknown[] } };
  return [
    expectEqual(
      `${engine}: concurrent attaches to one customer answered 200`,
      attaches.filter((a) => a.status === 200).length,
      count,
    ),
    expectEqual(`${engine}: sources on the customer afterwards`, stored.sources?.data.length ?? -1, count),
    expectEqual(`${engine}: the customer's total_count`, stored.sources?.total_count ?? -1, count),
  ];
}

const limits = ['--rate-limit-per-key', '100000', '--rate-limit-per-ip', '100000'];

export async function run({ quick, workDir }: PartOptions): Promise<PartResult> {
  const attaches = quick ? 20 : 100;
  const rows: Row[] = [];

  const sqliteDir = join(workDir, 'sqlite');
  await mkdir(sqliteDir);
  const sqlite = await startServiceProcess({ dataDir: sqliteDir, logFile: join(workDir, 'sqlite.log'), args: limits });
  try {
    rows.push(...(await consumeOnce([sqlite], 'SQLite')));
    rows.push(...(await attachMany([sqlite], 'SQLite', attaches)));
  } finally {
    await sqlite.stop();
  }

  const postgres = (await startPostgres()) as { url: string; stop(): Promise<void> };
  const services: ServiceProcess[] = [];
  try {
    const pgDir = join(workDir, 'pg');
    await mkdir(pgDir);
    const env = { DATABASE_URL: postgres.url };
    // One after the other: the first creates the shared secrets and development keys, the second reads them.
    for (const name of ['a', 'b'])
      services.push(
        await startServiceProcess({ dataDir: pgDir, logFile: join(workDir, `pg-${name}.log`), args: limits, env }),
      );
    const engine = 'PostgreSQL, 2 processes';
    rows.push(
      expectEqual(
        `${engine}: both serve the same keys`,
        services[1].publishableKey === services[0].publishableKey ? 'yes' : 'no',
        'yes',
      ),
    );
    rows.push(...(await consumeOnce(services, engine)));
    rows.push(...(await attachMany(services, engine, attaches)));
  } finally {
    await Promise.all(services.map((service) => service.stop()));
    await postgres.stop();
  }
  return { part: 'races', rows };
}
