// Attaching sources to one customer from many requests at once, spread over
// two `tokenframe serve` processes on one PostgreSQL (one data directory, so
// one keyring), as two hosts behind a load balancer would: none may be lost.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serveCli } from './cli-process';
import { callService, formBody, postgresDatabase, postgresLater, type TestDatabase } from './helpers';

const nextYear = String(new Date().getFullYear() + 1);
const sources = 20;

describe(
  'sources attached to one customer concurrently through two processes on PostgreSQL',
  { skip: postgresLater },
  () => {
    let database: TestDatabase | undefined;
    let dataDir: string;
    const processes: Awaited<ReturnType<typeof serveCli>>[] = [];

    before(async () => {
      database = await postgresDatabase();
      dataDir = await mkdtemp(join(tmpdir(), 'tokenframe-sources-'));
      const env = { ...process.env, DATABASE_URL: database.url };
      // One after the other: the first writes the development keys, the second reads them.
      for (let i = 0; i < 2; i++) {
        processes.push(await serveCli(['--dev', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], env));
      }
    });

    after(async () => {
      await Promise.all(processes.map((served) => served.stop()));
      await database?.drop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it(`ends with all ${sources} sources on the customer`, async () => {
      const urls = processes.map((served) => served.url);
      const key = (name: string) => new RegExp(`${name}:\\s+(\\S+)`).exec(processes[0].stdout)?.[1] ?? '';
      const [publishableKey, secretKey] = [key('publishable key'), key('secret key')];
      const customer = await callService({ url: urls[0] }, 'POST', '/v1/customers', {
        key: secretKey,
        body: formBody({ email: 'a@example.com' }),
      });
      assert.equal(customer.status, 200);
      const tokens = await Promise.all(
        Array.from({ length: sources }, async () => {
          const card = { number: '4242424242424242', exp_month: '12', exp_year: nextYear, cvc: '123' };
          const token = await callService({ url: urls[0] }, 'POST', '/v1/tokens', {
            key: publishableKey,
            body: formBody({ card }),
          });
          assert.equal(token.status, 200);
          return token.body.id as string;
        }),
      );

      const attached = await Promise.all(
        tokens.map((token, i) =>
          callService({ url: urls[i % 2] }, 'POST', `/v1/customers/${customer.body.id}/sources`, {
            key: secretKey,
            body: formBody({ source: token }),
          }),
        ),
      );
      assert.deepEqual(
        attached.map((answer) => answer.status),
        Array(sources).fill(200),
      );

      for (const url of urls) {
        const read = await callService({ url: url }, 'GET', `/v1/customers/${customer.body.id}`, { key: secretKey });
        assert.equal(read.body.sources.total_count, sources);
        assert.deepEqual(
          read.body.sources.data.map((source: { id: string }) => source.id).sort(),
          attached.map((answer) => answer.body.id).sort(),
        );
        assert.ok(attached.some((answer) => answer.body.id === read.body.default_source));
      }
    });
  },
);
