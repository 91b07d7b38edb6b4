// `tokenframe forwarding add/list/remove` run as an operator runs them, on the database a service uses.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { loadStorageConfig } from '../../src/server/config';
import { openDestinationStore } from '../../src/server/forwarding/destinations-store';
import { openStores } from '../../src/server/storage';
import { createTestDatabase, type TestDatabase } from './helpers';
import { tokenframeCli } from '../support/cli';

const run = promisify(execFile);
/** The CLI works on the test's own database (PostgreSQL in the server-pg stage). */
let databaseUrl = '';
const cli = (...args: string[]) =>
  run(process.execPath, [tokenframeCli, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } });
/** The CLI's failure: exit code and stderr. */
async function refused(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await cli(...args);
  } catch (error) {
    const { code, stderr } = error as { code: number; stderr: string };
    return { code, stderr };
  }
  throw new Error(`tokenframe ${args.join(' ')} succeeded`);
}

const url = 'https://api.processor.example/v1/payments';
const jsonMaps = [
  '--map',
  'card_number=/paymentMethod/number',
  '--map',
  'card_exp_month=/paymentMethod/expiryMonth',
  '--map',
  'card_cvc=/paymentMethod/cvc',
];

describe('tokenframe forwarding', () => {
  let dataDir: string;
  let account: string;
  let database: TestDatabase | null;
  const add = (...args: string[]) => cli('forwarding', 'add', '--data-dir', dataDir, ...args);
  /** What a running service reads for a forward: the store, opened on the same database. */
  async function registered(accountId: string, destinationUrl: string) {
    const stores = await openStores(loadStorageConfig({ dataDir, env: { ...process.env, DATABASE_URL: databaseUrl } }));
    try {
      return await (await openDestinationStore(stores.database)).findDestination(accountId, destinationUrl);
    } finally {
      await stores.close();
    }
  }

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tokenframe-forwarding-'));
    database = await createTestDatabase();
    databaseUrl = database?.url ?? '';
    const { stdout } = await cli('keys', 'create', '--origin', 'https://shop.example', '--data-dir', dataDir);
    account = /account:\s+(\S+)/.exec(stdout)?.[1] ?? '';
  });
  after(async () => {
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('add registers a destination with its mappings, headers and method; list shows it without header values', async () => {
    const { stdout } = await add(
      '--account',
      account,
      '--url',
      url,
      ...jsonMaps,
      '--header',
      'Authorization=$PROCESSOR_API_KEY',
      '--header',
      'X-Merchant=merchant-literal-123',
    );
    const id = /^(fwddest_\w+) added/.exec(stdout)?.[1];
    assert.ok(id, stdout);

    const destination = await registered(account, url);
    assert.equal(destination?.id, id);
    assert.equal(destination?.method, 'POST');
    assert.equal(destination?.allowPrivateNetwork, false);
    assert.deepEqual(destination?.mappings, [
      { field: 'card_number', target: '/paymentMethod/number' },
      { field: 'card_exp_month', target: '/paymentMethod/expiryMonth' },
      { field: 'card_cvc', target: '/paymentMethod/cvc' },
    ]);
    assert.deepEqual(destination?.headers, [
      { name: 'Authorization', env: 'PROCESSOR_API_KEY' },
      { name: 'X-Merchant', value: 'merchant-literal-123' },
    ]);

    const listed = (await cli('forwarding', 'list', '--data-dir', dataDir)).stdout;
    assert.ok(listed.includes(id) && listed.includes(account) && listed.includes(url), listed);
    assert.ok(listed.includes('Authorization=$PROCESSOR_API_KEY'), listed);
    assert.ok(!listed.includes('merchant-literal-123'), 'a literal header value is listed');
  });

  it('add takes form field names, another method and --allow-private-network', async () => {
    const formUrl = 'http://127.0.0.1:9/charge';
    await add(
      '--account',
      account,
      '--url',
      formUrl,
      '--method',
      'put',
      '--map',
      'card_number=card[number]',
      '--map',
      'cardholder_name=name',
      '--allow-private-network',
    );
    const destination = await registered(account, formUrl);
    assert.equal(destination?.method, 'PUT');
    assert.equal(destination?.allowPrivateNetwork, true);
    assert.deepEqual(destination?.mappings, [
      { field: 'card_number', target: 'card[number]' },
      { field: 'cardholder_name', target: 'name' },
    ]);
  });

  it('remove takes a destination away at once; a second remove says there is none', async () => {
    const removable = 'https://api.processor.example/v1/removable';
    const { stdout } = await add('--account', account, '--url', removable, ...jsonMaps);
    const id = /^(fwddest_\w+) added/.exec(stdout)?.[1] ?? '';
    assert.ok(await registered(account, removable));
    assert.match((await cli('forwarding', 'remove', id, '--data-dir', dataDir)).stdout, /removed/);
    assert.equal(await registered(account, removable), null);
    const again = await refused('forwarding', 'remove', id, '--data-dir', dataDir);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /No destination with id/);
  });

  it('refuses what cannot be forwarded to, saying why, and stores nothing', async () => {
    const base = ['forwarding', 'add', '--data-dir', dataDir, '--account', account];
    const cases: [string[], RegExp][] = [
      [['--url', 'https://other.example/pay'], /at least one --map/],
      [['--url', 'ftp://other.example/pay', ...jsonMaps], /only https:\/\//],
      [['--url', 'not a url', ...jsonMaps], /is not a URL/],
      [['--url', 'https://user:pw@other.example/pay', ...jsonMaps], /user name or password/],
      [['--url', 'https://other.example/pay', '--map', 'card_pin=/pin'], /FIELD one of/],
      [['--url', 'https://other.example/pay', '--map', 'card_number=/n', '--map', 'card_cvc=cvc'], /not both/],
      [['--url', 'https://other.example/pay', '--map', 'card_number=/n', '--map', 'card_number=/m'], /twice/],
      [['--url', 'https://other.example/pay', ...jsonMaps, '--method', 'GET'], /--method must be one of/],
      [['--url', 'https://other.example/pay', ...jsonMaps, '--header', 'Host=evil.example'], /set by tokenframe/],
      [['--url', 'https://other.example/pay', ...jsonMaps, '--header', 'Bad Name=x'], /expected Name=value/],
      [['--url', 'https://other.example/pay', ...jsonMaps, '--header', 'X-Key=$not-a-name'], /environment variable/],
      [['--url', url, ...jsonMaps], /already has a destination/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await refused(...base, ...args);
      assert.equal(code, 1, args.join(' '));
      assert.match(stderr, message, args.join(' '));
    }
    const unknown = await refused(
      'forwarding',
      'add',
      '--data-dir',
      dataDir,
      '--account',
      'acct_nobody',
      '--url',
      url,
      ...jsonMaps,
    );
    assert.match(unknown.stderr, /No account acct_nobody/);
    assert.equal(await registered(account, 'https://other.example/pay'), null);
  });
});
