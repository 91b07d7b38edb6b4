// Nothing raw at rest in PostgreSQL: after values of every kind are tokenized through the HTTP API (and a card
// saved on a customer), neither a dump of the database nor the cluster's files (tables, WAL, the server's log)
// hold any of them. The SQLite twin is `storage at rest` in tokens.test.ts. PostgreSQL is the stage's
// (DATABASE_URL) or, without one, this test's own throwaway server.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
// @ts-expect-error plain ESM helper without types
import { findBinDir } from '../../scripts/postgres.mjs';
import { callService, formBody, postgresDatabase, postgresLater, startTestService, type TestService } from './helpers';

const run = promisify(execFile);
const nextYear = String(new Date().getFullYear() + 1);

const number = '3566002020360505';
const raw = {
  'card number': number,
  CVC: '861',
  'saved card number': '6011000990139424',
  'saved card CVC': '274',
  'account number': '000999888777',
  'routing and account number': '110000000000999888777',
  'CVC update': '7562',
  'PII ID number': '000000000',
  'account ID number': 'AC9182736',
  'person ID number': 'PE9182736',
};
// Random ids, ciphertext and timestamps could hold a short CVC by chance; a leaked one would sit in a JSON
// string, so that is what is looked for.
const needles = Object.fromEntries(
  Object.entries(raw).map(([label, value]) => [label, value.length <= 4 ? `"${value}"` : value]),
);

describe('PostgreSQL at rest', { skip: postgresLater }, () => {
  let database: Awaited<ReturnType<typeof postgresDatabase>>;
  let svc: TestService;
  let tokenId: string;

  before(async () => {
    database = await postgresDatabase();
    svc = await startTestService({ databaseUrl: database.url });
    const post = async (path: string, key: string, params: Record<string, unknown>) => {
      const answer = await callService(svc, 'POST', path, { key, body: formBody(params) });
      assert.equal(answer.status, 200, answer.text);
      for (const [label, value] of Object.entries(needles)) {
        assert.equal(answer.text.includes(value), false, `the response holds the ${label}`);
      }
      return answer.body;
    };
    const card = (cardNumber: string, cvc: string) => ({
      number: cardNumber,
      exp_month: '12',
      exp_year: nextYear,
      cvc,
    });
    tokenId = (await post('/v1/tokens', svc.publishableKey, { card: card(number, raw.CVC) })).id;
    for (const params of [
      { bank_account: { country: 'US', routing_number: '110000000', account_number: raw['account number'] } },
      { cvc_update: { cvc: raw['CVC update'] } },
      { pii: { id_number: raw['PII ID number'] } },
      { account: { individual: { first_name: 'Jane', id_number: raw['account ID number'] } } },
      { person: { first_name: 'Jane', id_number: raw['person ID number'] } },
    ]) {
      await post('/v1/tokens', svc.publishableKey, params);
    }
    const saved = await post('/v1/tokens', svc.publishableKey, {
      card: card(raw['saved card number'], raw['saved card CVC']),
    });
    await post('/v1/customers', svc.secretKey, { source: saved.id });
  });

  after(async () => {
    await svc?.close();
    await database?.drop();
  });

  it('keeps no raw value in a dump of every table, which does hold the token and its last4', async () => {
    const url = new URL(database.url);
    const { stdout: dump } = await run(
      join(findBinDir(), 'pg_dump'),
      ['--data-only', '--no-owner', '-h', url.hostname, '-p', url.port, '-U', url.username, url.pathname.slice(1)],
      { maxBuffer: 256 * 1024 * 1024 },
    );
    // The scan sees the data: what is stored in clear is found.
    assert.ok(dump.includes(tokenId), 'the dump lacks the token id');
    assert.ok(dump.includes('"last4":"0505"'), 'the dump lacks the card’s last4');
    assert.ok(dump.includes('COPY public.sources'), 'the dump lacks the saved cards');
    for (const [label, value] of Object.entries({ ...needles, 'secret key': svc.secretKey })) {
      assert.equal(dump.includes(value), false, `the dump holds the ${label}`);
    }
  });

  it('keeps no raw value in the cluster’s files on disk (tables, WAL, server log), which do hold the token id', async (t) => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    let dataDirectory: string;
    try {
      // Written to the files now, not when the server gets round to it.
      await client.query('CHECKPOINT');
      dataDirectory = (await client.query<{ data_directory: string }>('SHOW data_directory')).rows[0].data_directory;
    } catch (error) {
      // A stage's server may not let its user checkpoint or see its files; the dump above still ran.
      t.skip(`the server's files are not ours to read: ${(error as Error).message}`);
      return;
    } finally {
      await client.end();
    }
    if (!existsSync(dataDirectory)) {
      t.skip(`the server's files are on another machine (${dataDirectory})`);
      return;
    }
    // A scratch server's directory holds its data and its log (scripts/postgres.mjs); a stage's may be elsewhere.
    const scanned = database.ownServer ? dirname(dataDirectory) : dataDirectory;
    // Files holding `value`, by grep in a child process: binary files as text, nothing read into this process.
    // Under `npm test` other test files create and drop databases on the same server while this one reads, and
    // a checkpoint recycles WAL segments: a file that went away mid-scan is not an error. Any other trouble
    // (a file grep could not read) still fails the test.
    const vanished = (line: string) => line.endsWith(': No such file or directory');
    const filesHolding = async (value: string) => {
      try {
        const { stdout } = await run('grep', ['-r', '-l', '-a', '-F', '--', value, scanned], {
          maxBuffer: 16 * 1024 * 1024,
        });
        return stdout.trim().split('\n');
      } catch (error) {
        const { code, stdout, stderr } = error as { code?: number; stdout?: string; stderr?: string };
        if (code === 1) return [];
        if (code === 2 && stderr?.trim().split('\n').every(vanished)) {
          return stdout?.trim() ? stdout.trim().split('\n') : [];
        }
        throw error;
      }
    };
    assert.notDeepEqual(await filesHolding(tokenId), [], 'no file holds the token id');
    for (const [label, value] of Object.entries(needles)) {
      assert.deepEqual(await filesHolding(value), [], `files hold the ${label}`);
    }
  });
});
