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

interface CreatedPair {
  account: string;
  origins: string;
  publishableKey: string;
  secretKey: string;
}

function parsePair(stdout: string): CreatedPair {
  const field = (name: string) => new RegExp(`${name}:\\s+(.+)`).exec(stdout)?.[1].trim() ?? '';
  return {
    account: field('account'),
    origins: field('allowed origins'),
    publishableKey: field('publishable key'),
    secretKey: field('secret key'),
  };
}

const liveTestCardMessage = 'Your card was declined. Your request was in live mode, but used a known test card.';

/** A card Stripe does not publish as a test card, as a live checkout would send it. */
const realCard = { number: '4556737586899855', exp_month: '12', exp_year: nextYear, cvc: '123' };

describe('live and test modes', () => {
  let dataDir: string;
  let database: TestDatabase | null;
  let svc: TestService;
  /** One account with a live key pair and a test key pair, made as an operator would. */
  let live: CreatedPair;
  let test: CreatedPair;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tokenframe-live-'));
    database = await createTestDatabase();
    databaseUrl = database?.url ?? '';
    live = parsePair(
      (await cli('keys', 'create', '--live', '--origin', 'https://shop.example', '--data-dir', dataDir)).stdout,
    );
    test = parsePair((await cli('keys', 'create', '--account', live.account, '--data-dir', dataDir)).stdout);
    svc = await startTestService({ dataDir, databaseUrl: database?.url });
  });
  after(async () => {
    await svc.close();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const createCard = (key: string, card: Record<string, string> = realCard) =>
    callService(svc, 'POST', '/v1/tokens', { key, body: formBody({ card }) });

  it('keys create --live gives pk_live_/sk_live_ keys; without it, test keys; keys list shows each mode', async () => {
    assert.match(live.publishableKey, /^pk_live_[A-Za-z0-9]{32}$/);
    assert.match(live.secretKey, /^sk_live_[A-Za-z0-9]{32}$/);
    assert.match(test.publishableKey, /^pk_test_/);
    assert.equal(test.account, live.account, '--account adds the pair to the same account');
    assert.equal(test.origins, 'https://shop.example');

    const { stdout } = await cli('keys', 'list', '--data-dir', dataDir);
    const lines = stdout.trim().split('\n');
    assert.match(lines[0], /^id\s+kind\s+mode\s+key\s+account/);
    const lineOf = (text: string) => lines.find((line) => line.includes(text)) ?? '';
    assert.match(lineOf(live.publishableKey), /\spublishable\s+live\s/);
    assert.match(lineOf('sk_live_****'), /\ssecret\s+live\s/);
    assert.match(lineOf(test.publishableKey), /\spublishable\s+test\s/);
    assert.ok(!stdout.includes(live.secretKey), 'the live secret key is listed in full');
  });

  it('objects made with live keys say livemode: true, and with test keys false', async () => {
    const liveToken = await createCard(live.publishableKey);
    assert.equal(liveToken.status, 200, liveToken.text);
    assert.match(liveToken.body.id, /^tok_/);
    assert.equal(liveToken.body.livemode, true);
    assert.equal(liveToken.body.card.last4, '9855');
    assert.equal(liveToken.body.card.regulated_status, null);
    const read = await callService(svc, 'GET', `/v1/tokens/${liveToken.body.id}`, { key: live.secretKey });
    assert.equal(read.body.livemode, true);

    const bank = await callService(svc, 'POST', '/v1/tokens', {
      key: live.publishableKey,
      body: formBody({ bank_account: { country: 'US', routing_number: '110000000', account_number: '000999888777' } }),
    });
    assert.equal(bank.status, 200, bank.text);
    assert.equal(bank.body.livemode, true);
    const pii = await callService(svc, 'POST', '/v1/tokens', {
      key: live.publishableKey,
      body: formBody({ pii: { id_number: '000000000' } }),
    });
    assert.equal(pii.body.livemode, true);

    const customer = await callService(svc, 'POST', '/v1/customers', {
      key: live.secretKey,
      body: formBody({ source: liveToken.body.id }),
    });
    assert.equal(customer.status, 200, customer.text);
    assert.equal(customer.body.livemode, true);
    assert.equal(customer.body.sources.data[0].last4, '9855');

    const testToken = await createCard(test.publishableKey);
    assert.equal(testToken.body.livemode, false);
    const testCustomer = await callService(svc, 'POST', '/v1/customers', { key: test.secretKey, body: '' });
    assert.equal(testCustomer.body.livemode, false);
  });

  it('refuses the published test card numbers in live mode with Stripe’s answer, never quoting them', async () => {
    const testCards = [
      '4242424242424242',
      '4000056655665556',
      '5555555555554444',
      '2223003122003222',
      '378282246310005',
      '6011111111111117',
      '3056930009020004',
      '3566002020360505',
      '6200000000000005',
      '4000000000000002',
    ];
    for (const number of testCards) {
      const cvc = number.startsWith('37') ? '1234' : '123';
      const refused = await createCard(live.publishableKey, { number, exp_month: '12', exp_year: nextYear, cvc });
      assert.equal(refused.status, 402, `${number}: ${refused.text}`);
      assert.equal(refused.body.error.type, 'card_error');
      assert.equal(refused.body.error.code, 'card_declined');
      assert.equal(refused.body.error.message, liveTestCardMessage);
      assert.ok(!refused.text.includes(number), 'the error quotes the card number');
      // The same card is fine in test mode.
      const accepted = await createCard(test.publishableKey, { number, exp_month: '12', exp_year: nextYear, cvc });
      assert.equal(accepted.status, 200, `${number} in test mode: ${accepted.text}`);
    }
  });

  it('refuses the test tokens in live mode, and accepts them in test mode', async () => {
    for (const tokenId of ['tok_visa', 'tok_mastercard', 'tok_amex']) {
      const refused = await callService(svc, 'POST', '/v1/customers', {
        key: live.secretKey,
        body: formBody({ source: tokenId }),
      });
      assert.equal(refused.status, 402, refused.text);
      assert.equal(refused.body.error.type, 'card_error');
      assert.equal(refused.body.error.code, 'card_declined');
      assert.equal(refused.body.error.message, liveTestCardMessage);

      const accepted = await callService(svc, 'POST', '/v1/customers', {
        key: test.secretKey,
        body: formBody({ source: tokenId }),
      });
      assert.equal(accepted.status, 200, accepted.text);
      assert.equal(accepted.body.livemode, false);
    }
  });

  it('a test key cannot read or use a live token, nor a live key a test one; each stays usable in its own mode', async () => {
    const liveToken = (await createCard(live.publishableKey)).body.id as string;
    const testToken = (await createCard(test.publishableKey)).body.id as string;

    for (const [key, id] of [
      [test.secretKey, liveToken],
      [live.secretKey, testToken],
      // Another account's test key, too.
      [svc.secretKey, liveToken],
    ]) {
      const read = await callService(svc, 'GET', `/v1/tokens/${id}`, { key });
      assert.equal(read.status, 404);
      assert.equal(read.body.error.code, 'resource_missing');
      assert.equal(read.body.error.message, `No such token: '${id}'`);

      const used = await callService(svc, 'POST', '/v1/customers', { key, body: formBody({ source: id }) });
      assert.equal(used.status, 400, used.text);
      assert.equal(used.body.error.type, 'invalid_request_error');
      assert.equal(used.body.error.code, 'resource_missing');
      assert.equal(used.body.error.message, `No such token: '${id}'`);
    }

    // Neither attempt used the tokens up.
    for (const [key, id] of [
      [live.secretKey, liveToken],
      [test.secretKey, testToken],
    ]) {
      const customer = await callService(svc, 'POST', '/v1/customers', { key, body: formBody({ source: id }) });
      assert.equal(customer.status, 200, customer.text);
    }
  });

  it('a customer of one mode is unknown to the other mode’s key', async () => {
    const liveCustomer = await callService(svc, 'POST', '/v1/customers', { key: live.secretKey, body: '' });
    const testCustomer = await callService(svc, 'POST', '/v1/customers', { key: test.secretKey, body: '' });
    for (const [key, id] of [
      [test.secretKey, liveCustomer.body.id],
      [live.secretKey, testCustomer.body.id],
    ]) {
      const read = await callService(svc, 'GET', `/v1/customers/${id}`, { key });
      assert.equal(read.status, 404);
      assert.equal(read.body.error.message, `No such customer: '${id}'`);
      // Not even with a token of the key's own mode.
      const token = (await createCard(key === live.secretKey ? live.publishableKey : test.publishableKey)).body.id;
      const attach = await callService(svc, 'POST', `/v1/customers/${id}/sources`, {
        key,
        body: formBody({ source: token }),
      });
      assert.equal(attach.status, 404);
    }
    const own = await callService(svc, 'GET', `/v1/customers/${liveCustomer.body.id}`, { key: live.secretKey });
    assert.equal(own.status, 200);
    assert.equal(own.body.livemode, true);
  });

  it('keys origins add|remove edits a key pair’s origins, which the frames follow, without a new account', async () => {
    const frameAncestors = async (key: string) => {
      const frame = await fetch(`${svc.url}/frame/v1/card.html?key=${key}`);
      assert.equal(frame.status, 200);
      return /frame-ancestors ([^;]*)/.exec(frame.headers.get('content-security-policy') ?? '')?.[1];
    };
    const accountsBefore = (await cli('keys', 'list', '--data-dir', dataDir)).stdout.match(/acct_\w+/g);

    const added = await cli(
      'keys',
      'origins',
      'add',
      live.publishableKey,
      'https://new.example/',
      '--data-dir',
      dataDir,
    );
    assert.match(added.stdout, new RegExp(`account:\\s+${live.account}`));
    assert.match(added.stdout, /allowed origins:\s+https:\/\/shop\.example https:\/\/new\.example\n/);
    assert.equal(await frameAncestors(live.publishableKey), 'https://shop.example https://new.example');
    // Both key pairs of the account follow it.
    assert.equal(await frameAncestors(test.publishableKey), 'https://shop.example https://new.example');

    const removed = await cli('keys', 'origins', 'remove', live.account, 'https://shop.example', '--data-dir', dataDir);
    assert.match(removed.stdout, /allowed origins:\s+https:\/\/new\.example\n/);
    assert.equal(await frameAncestors(live.publishableKey), 'https://new.example');

    const accountsAfter = (await cli('keys', 'list', '--data-dir', dataDir)).stdout.match(/acct_\w+/g);
    assert.deepEqual(new Set(accountsAfter), new Set(accountsBefore), 'editing origins made an account');

    // Removing the last origin, an origin not there, or naming nothing known fails with a message.
    await assert.rejects(
      cli('keys', 'origins', 'remove', live.account, 'https://new.example', '--data-dir', dataDir),
      /only allowed origin/,
    );
    await assert.rejects(
      cli('keys', 'origins', 'remove', live.account, 'https://absent.example', '--data-dir', dataDir),
      /not an allowed origin/,
    );
    await assert.rejects(
      cli('keys', 'origins', 'add', 'acct_unknown', 'https://x.example', '--data-dir', dataDir),
      /No key pair acct_unknown/,
    );
    // A secret key named by mistake is never echoed back.
    const unknownSecret = `sk_live_${'x'.repeat(32)}`;
    await assert.rejects(
      cli('keys', 'origins', 'add', unknownSecret, 'https://x.example', '--data-dir', dataDir),
      (error: Error & { stderr?: string }) =>
        /No key pair sk_live_\*{4}xxxx/.test(error.stderr ?? '') && !error.stderr?.includes(unknownSecret),
    );
  });
});
