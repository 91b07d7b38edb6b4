import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import {
  callService,
  createTestDatabase,
  formBody,
  startTestService,
  type TestDatabase,
  type TestService,
} from './helpers';
import { tokenframeCli } from '../support/cli';

const run = promisify(execFile);
/** The CLI works on the same database as the service under test (its own, in the server-pg stage). */
let databaseUrl = '';
const cli = (...args: string[]) =>
  run(process.execPath, [tokenframeCli, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } });
const nextYear = String(new Date().getFullYear() + 1);

describe('tokenframe keys', () => {
  let dataDir: string;
  let svc: TestService;
  let created: { account: string; publishableKey: string; secretKey: string };
  let database: TestDatabase | null;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tokenframe-keys-'));
    database = await createTestDatabase();
    databaseUrl = database?.url ?? '';
    const { stdout } = await cli('keys', 'create', '--origin', 'https://shop.example', '--data-dir', dataDir);
    const field = (name: string) => new RegExp(`${name}:\\s+(\\S+)`).exec(stdout)?.[1] ?? '';
    created = { account: field('account'), publishableKey: field('publishable key'), secretKey: field('secret key') };
    svc = await startTestService({ dataDir, databaseUrl: database?.url });
  });
  after(async () => {
    await svc.close();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('create makes a key pair whose origin drives the frame’s CSP frame-ancestors and init check', async () => {
    assert.match(created.publishableKey, /^pk_test_/);
    assert.match(created.secretKey, /^sk_test_/);
    const frame = await fetch(`${svc.url}/frame/v1/card.html?key=${created.publishableKey}`);
    assert.match(frame.headers.get('content-security-policy') ?? '', /frame-ancestors https:\/\/shop\.example(;|$)/);
    assert.match(await frame.text(), /https:\/\/shop\.example/);
  });

  it('the publishable key can only create tokens; the secret key can read and consume them', async () => {
    const token = await callService(svc, 'POST', '/v1/tokens', {
      key: created.publishableKey,
      body: formBody({ card: { number: '4242424242424242', exp_month: '12', exp_year: nextYear } }),
    });
    assert.equal(token.status, 200);
    assert.equal(
      (await callService(svc, 'GET', `/v1/tokens/${token.body.id}`, { key: created.publishableKey })).status,
      401,
    );
    assert.equal(
      (await callService(svc, 'GET', `/v1/tokens/${token.body.id}`, { key: created.secretKey })).status,
      200,
    );
    const customer = await callService(svc, 'POST', '/v1/customers', {
      key: created.publishableKey,
      body: formBody({ source: token.body.id }),
    });
    assert.equal(customer.status, 401);
    // Another account's key cannot see this account's token.
    assert.equal((await callService(svc, 'GET', `/v1/tokens/${token.body.id}`, { key: svc.secretKey })).status, 404);
  });

  it('list shows the keys without the secret; revoke stops a key within seconds', async () => {
    const { stdout } = await cli('keys', 'list', '--data-dir', dataDir);
    assert.ok(stdout.includes(created.publishableKey));
    assert.ok(!stdout.includes(created.secretKey), 'the secret key is listed in full');
    assert.match(stdout, /sk_test_\*\*\*\*/);
    const secretLine = stdout.split('\n').find((line) => line.includes(created.account) && line.includes(' secret '))!;
    const keyId = secretLine.split(/\s+/)[0];
    // Served while the key is valid, so the service holds it in its key cache.
    assert.equal((await callService(svc, 'GET', '/v1/tokens/tok_any', { key: created.secretKey })).status, 404);
    await cli('keys', 'revoke', keyId, '--data-dir', dataDir);
    const revokedAt = Date.now();
    // The cache keeps a key for a second (keyCacheTtlMs); well within 5 s every request is refused.
    while ((await callService(svc, 'GET', '/v1/tokens/tok_any', { key: created.secretKey })).status !== 401) {
      assert.ok(Date.now() - revokedAt < 5_000, 'the revoked key is still accepted after 5 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.match((await cli('keys', 'list', '--data-dir', dataDir)).stdout, /revoked/);
  });

  it('rotate-encryption re-encrypts stored values under a new key, and the running service still reads them', async () => {
    const token = await callService(svc, 'POST', '/v1/tokens', {
      key: svc.publishableKey,
      body: formBody({ card: { number: '4000000000000002', exp_month: '12', exp_year: nextYear } }),
    });
    const testScope = { accountId: svc.accountId, livemode: false };
    const before = await svc.service.stores.vault.getToken(token.body.id, testScope);
    const { stdout } = await cli('keys', 'rotate-encryption', '--data-dir', dataDir);
    const newKeyId = /New encryption key (\S+);/.exec(stdout)?.[1];
    assert.ok(newKeyId && newKeyId !== before?.secret?.keyId, stdout);
    const after = await svc.service.stores.vault.getToken(token.body.id, testScope);
    assert.equal(after?.secret?.keyId, newKeyId);
    // Consuming this test card decrypts it (it is the declined card): the service must know the new key.
    const declined = await callService(svc, 'POST', '/v1/customers', {
      key: svc.secretKey,
      body: formBody({ source: token.body.id }),
    });
    assert.equal(declined.body.error?.code, 'card_declined', declined.text);
  });

  it('--font-origin and keys fonts set where the key’s frames may load fonts: the CSP and the frame’s config', async () => {
    const fontSrc = async (key: string) => {
      const frame = await fetch(`${svc.url}/frame/v1/card.html?key=${key}`);
      return /font-src ([^;]*)/.exec(frame.headers.get('content-security-policy') ?? '')?.[1];
    };
    const { stdout } = await cli(
      'keys',
      'create',
      '--origin',
      'https://shop.example',
      '--font-origin',
      'https://fonts.gstatic.com/s/inter/',
      '--data-dir',
      dataDir,
    );
    assert.match(stdout, /font origins:\s+https:\/\/fonts\.gstatic\.com\n/);
    const publishableKey = /publishable key:\s+(\S+)/.exec(stdout)![1];
    assert.equal(await fontSrc(publishableKey), "'self' https://fonts.gstatic.com");

    const added = await cli(
      'keys',
      'fonts',
      'add',
      publishableKey,
      'https://fonts.googleapis.com',
      '--data-dir',
      dataDir,
    );
    assert.match(added.stdout, /font origins:\s+https:\/\/fonts\.gstatic\.com https:\/\/fonts\.googleapis\.com\n/);
    assert.equal(await fontSrc(publishableKey), "'self' https://fonts.gstatic.com https://fonts.googleapis.com");
    const frame = await fetch(`${svc.url}/frame/v1/card.html?key=${publishableKey}`);
    assert.match(
      frame.headers.get('content-security-policy') ?? '',
      /style-src 'self' https:\/\/fonts\.gstatic\.com https:\/\/fonts\.googleapis\.com;/,
    );
    // The account's allowed origins are untouched, and `keys origins` leaves the font origins alone.
    await cli('keys', 'origins', 'add', publishableKey, 'https://other.example', '--data-dir', dataDir);
    assert.equal(await fontSrc(publishableKey), "'self' https://fonts.gstatic.com https://fonts.googleapis.com");

    // Another key pair of the account keeps them; the list shows them.
    const more = await cli('keys', 'create', '--account', publishableKey, '--data-dir', dataDir);
    const otherKey = /publishable key:\s+(\S+)/.exec(more.stdout)![1];
    assert.equal(await fontSrc(otherKey), "'self' https://fonts.gstatic.com https://fonts.googleapis.com");
    const listed = await cli('keys', 'list', '--data-dir', dataDir);
    assert.match(listed.stdout.split('\n')[0], /allowed origins\s+font origins\s+status/);
    assert.ok(
      listed.stdout
        .split('\n')
        .find((line) => line.includes(otherKey))
        ?.includes('https://fonts.googleapis.com'),
    );

    await cli('keys', 'fonts', 'remove', publishableKey, 'https://fonts.gstatic.com', '--data-dir', dataDir);
    await cli('keys', 'fonts', 'remove', publishableKey, 'https://fonts.googleapis.com', '--data-dir', dataDir);
    assert.equal(await fontSrc(publishableKey), "'self'");
    await assert.rejects(
      () => cli('keys', 'fonts', 'remove', publishableKey, 'https://fonts.gstatic.com', '--data-dir', dataDir),
      /https:\/\/fonts\.gstatic\.com is not a font origin of acct_/,
    );
    await assert.rejects(
      () => cli('keys', 'fonts', 'add', publishableKey, 'javascript:alert(1)', '--data-dir', dataDir),
      /must use http or https/,
    );
    // Another account's frames keep theirs (the development account's: the pages that embed it).
    assert.equal(await fontSrc(svc.publishableKey), "'self' http://localhost:5173");
  });

  it('create without an origin is refused with a clear message', async () => {
    await assert.rejects(() => cli('keys', 'create', '--data-dir', dataDir), /needs at least one --origin/);
  });
});
