// Forwarding through the real stripe-node to a processor stub: the stub gets the card, nothing else keeps it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import Stripe from 'stripe';
import {
  callService,
  createTestDatabase,
  formBody,
  startTestService,
  type TestDatabase,
  type TestService,
} from './helpers';

const run = promisify(execFile);
const nextYear = String(new Date().getFullYear() + 1);
const number = '4000056655665556';
const cvc = '737';

/** A value of `tokenframe keys create`'s output. */
const keyOf = (stdout: string, name: string) => new RegExp(`${name}:\\s+(\\S+)`).exec(stdout)?.[1] ?? '';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

describe('POST /v1/forwarding/requests with stripe-node', () => {
  let database: TestDatabase | null;
  let svc: TestService;
  let stripe: Stripe;
  let stub: Server;
  let stubUrl: string;
  const received: Received[] = [];
  /** A live key of the same account, made before the tests like an operator would. */
  let liveSecretKey = '';

  const cli = (...args: string[]) =>
    run(process.execPath, ['bin/tokenframe.js', ...args, '--data-dir', svc.dataDir], {
      env: { ...process.env, DATABASE_URL: database?.url ?? '' },
    });

  before(async () => {
    stub = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk));
      request.on('end', () => {
        received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
        if (request.url === '/redirect') {
          response.writeHead(302, { location: `${stubUrl}?followed=1` }).end();
          return;
        }
        response.writeHead(201, { 'content-type': 'application/json', 'x-processor': 'stub' });
        // A processor that echoes the number: the stored answer must not keep it.
        const { paymentMethod } = JSON.parse(body) as { paymentMethod: { number: string } };
        response.end(JSON.stringify({ authorization: 'auth_123', echoed: paymentMethod.number }));
      });
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/v1/payments`;

    database = await createTestDatabase();
    svc = await startTestService({ databaseUrl: database?.url ?? undefined });
    stripe = new Stripe(svc.secretKey, stripeOptions(svc));
    process.env.TOKENFRAME_TEST_PROCESSOR_KEY = 'processor-secret-xyz';
    await cli(
      'forwarding',
      'add',
      '--account',
      svc.accountId,
      '--url',
      stubUrl,
      '--map',
      'card_number=/paymentMethod/number',
      '--map',
      'card_exp_month=/paymentMethod/expiryMonth',
      '--map',
      'card_exp_year=/paymentMethod/expiryYear',
      '--map',
      'card_cvc=/paymentMethod/cvc',
      '--map',
      'cardholder_name=/paymentMethod/holderName',
      '--header',
      'X-Api-Key=$TOKENFRAME_TEST_PROCESSOR_KEY',
      '--allow-private-network',
    );
    liveSecretKey = keyOf((await cli('keys', 'create', '--account', svc.accountId, '--live')).stdout, 'secret key');
  });
  after(async () => {
    delete process.env.TOKENFRAME_TEST_PROCESSOR_KEY;
    await svc.close();
    await database?.drop();
    await new Promise((resolve) => stub.close(resolve));
  });

  async function cardToken(): Promise<string> {
    const token = await stripe.tokens.create({
      card: { number, exp_month: '3', exp_year: nextYear, cvc, name: 'Ada Lovelace' },
    } as Stripe.TokenCreateParams);
    return token.id;
  }

  it('fills the mapped places with the real card, returns and stores the request redacted', async () => {
    const token = await cardToken();
    const forwarded = await stripe.forwarding.requests.create({
      payment_method: token,
      url: stubUrl,
      replacements: ['card_number', 'card_expiry', 'card_cvc', 'cardholder_name'],
      request: {
        body: JSON.stringify({ amount: 1000, currency: 'eur', reference: 'order-1' }),
        headers: [{ name: 'X-Merchant-Reference', value: 'order-1' }],
      },
      metadata: { order: '1' },
    });

    assert.equal(received.length, 1);
    const [sent] = received;
    assert.equal(sent.method, 'POST');
    assert.equal(sent.url, '/v1/payments');
    assert.equal(sent.headers['x-api-key'], 'processor-secret-xyz');
    assert.equal(sent.headers['x-merchant-reference'], 'order-1');
    assert.match(String(sent.headers['content-type']), /^application\/json/);
    assert.deepEqual(JSON.parse(sent.body), {
      amount: 1000,
      currency: 'eur',
      reference: 'order-1',
      paymentMethod: { number, expiryMonth: '3', expiryYear: nextYear, cvc, holderName: 'Ada Lovelace' },
    });

    assert.match(forwarded.id, /^fwdreq_/);
    assert.equal(forwarded.object, 'forwarding.request');
    assert.equal(forwarded.payment_method, token);
    assert.equal(forwarded.url, stubUrl);
    assert.equal(forwarded.livemode, false);
    assert.deepEqual(forwarded.metadata, { order: '1' });
    assert.deepEqual(forwarded.replacements, ['card_number', 'card_expiry', 'card_cvc', 'cardholder_name']);
    assert.equal(forwarded.request_context?.destination_ip_address, '127.0.0.1');
    assert.equal(typeof forwarded.request_context?.destination_duration, 'number');
    const details = JSON.parse(forwarded.request_details?.body ?? '') as { paymentMethod: Record<string, string> };
    assert.equal(details.paymentMethod.number, '400005******5556');
    assert.equal(details.paymentMethod.cvc, '***');
    assert.equal(forwarded.request_details?.http_method, 'POST');
    assert.deepEqual(
      forwarded.request_details?.headers.find(({ name }) => name === 'X-Api-Key'),
      { name: 'X-Api-Key', value: '[redacted]' },
    );
    assert.equal(forwarded.response_details?.status, 201);
    assert.deepEqual(JSON.parse(forwarded.response_details?.body ?? ''), {
      authorization: 'auth_123',
      echoed: '400005******5556',
    });
    assert.ok(
      forwarded.response_details?.headers.some(({ name, value }) => name === 'x-processor' && value === 'stub'),
    );

    const retrieved = await stripe.forwarding.requests.retrieve(forwarded.id);
    assert.deepEqual(retrieved, forwarded);
    const listed = await stripe.forwarding.requests.list({ limit: 10 });
    assert.deepEqual(
      listed.data.map(({ id }) => id),
      [forwarded.id],
    );

    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    assert.match(metrics, /tokenframe_forwarded_requests_total\{status="201"\} 1/);
    const returned = [JSON.stringify(forwarded), JSON.stringify(listed), metrics].join('\n');
    for (const secret of [number, 'processor-secret-xyz', '"cvc":"737"']) {
      assert.ok(!returned.includes(secret), 'a raw value is returned or in /metrics after forwarding');
    }
    // The SQLite file and its WAL; under PostgreSQL the stored object is checked through retrieve and list only.
    if (!database) {
      assert.equal(await filesHolding(svc.dataDir, [number, 'processor-secret-xyz', '"cvc":"737"']), '');
      // The search does see what is stored in the clear: the destination's URL.
      assert.notEqual(await filesHolding(svc.dataDir, [stubUrl]), '');
    }
  });

  it('lists newest first with Stripe pagination', async () => {
    const params = { url: stubUrl, replacements: ['card_number' as const], request: { body: '{}' } };
    const first = await stripe.forwarding.requests.create({ ...params, payment_method: await cardToken() });
    const second = await stripe.forwarding.requests.create({ ...params, payment_method: await cardToken() });
    const firstPage = await stripe.forwarding.requests.list({ limit: 1 });
    assert.deepEqual(
      firstPage.data.map(({ id }) => id),
      [second.id],
    );
    assert.equal(firstPage.has_more, true);
    const nextPage = await stripe.forwarding.requests.list({ limit: 1, starting_after: second.id });
    assert.deepEqual(
      nextPage.data.map(({ id }) => id),
      [first.id],
    );
  });

  it('refuses a used token, an unregistered URL and malformed headers, sending nothing', async () => {
    const sentBefore = received.length;
    const token = await cardToken();
    const attempts: [Stripe.Forwarding.RequestCreateParams, RegExp][] = [
      [
        { payment_method: token, url: `${stubUrl}/other`, replacements: ['card_number'], request: { body: '{}' } },
        /not a registered/,
      ],
      [
        {
          payment_method: token,
          url: stubUrl,
          replacements: ['card_number'],
          request: { body: '{}', headers: [{ name: 'Host', value: 'evil.example' }] },
        },
        /cannot be forwarded|not a header/,
      ],
    ];
    for (const [params, message] of attempts) {
      await assert.rejects(stripe.forwarding.requests.create(params), (error: Stripe.errors.StripeError) => {
        assert.equal(error.statusCode, 400, error.message);
        assert.equal(error.type, 'StripeInvalidRequestError');
        assert.match(error.message, message);
        return true;
      });
    }
    assert.equal(received.length, sentBefore, 'a refused forward reached the processor');

    await stripe.forwarding.requests.create({
      payment_method: token,
      url: stubUrl,
      replacements: ['card_number'],
      request: { body: '{}' },
    });
    await assert.rejects(
      stripe.forwarding.requests.create({
        payment_method: token,
        url: stubUrl,
        replacements: ['card_number'],
        request: { body: '{}' },
      }),
      (error: Stripe.errors.StripeError) => error.statusCode === 400 && error.code === 'token_already_used',
    );
    assert.equal(received.length, sentBefore + 1);
  });

  /** stripe-node's error for a forward, after checking it is a Stripe-shaped 400 and nothing was sent. */
  async function refusedForward(client: Stripe, params: Stripe.Forwarding.RequestCreateParams, message: RegExp) {
    const sentBefore = received.length;
    await assert.rejects(client.forwarding.requests.create(params), (error: Stripe.errors.StripeError) => {
      assert.equal(error.statusCode, 400, error.message);
      assert.equal(error.type, 'StripeInvalidRequestError');
      assert.match(error.message, message);
      return true;
    });
    assert.equal(received.length, sentBefore, 'a refused forward reached the processor');
  }

  it('refuses a destination on a private address registered without --allow-private-network', async () => {
    const { port } = new URL(stubUrl);
    for (const url of [`http://127.0.0.1:${port}/private`, `http://localhost:${port}/private`]) {
      await cli('forwarding', 'add', '--account', svc.accountId, '--url', url, '--map', 'card_number=/n');
      const params = { payment_method: await cardToken(), url, replacements: ['card_number' as const], request: {} };
      await refusedForward(stripe, params, /private network/);
    }
  });

  it('refuses in live mode a destination that is http or allows private networks', async () => {
    const live = new Stripe(liveSecretKey, stripeOptions(svc));
    const params = { payment_method: 'tok_unused', url: stubUrl, replacements: ['card_number' as const], request: {} };
    await refusedForward(live, params, /Live mode forwards only to https/);
  });

  it("refuses another account's token without spending it", async () => {
    const token = await cardToken();
    const { stdout } = await cli('keys', 'create', '--origin', 'https://other.example');
    const otherAccount = keyOf(stdout, 'account');
    await cli(
      'forwarding',
      'add',
      '--account',
      otherAccount,
      '--url',
      stubUrl,
      '--map',
      'card_number=/paymentMethod/number',
      '--allow-private-network',
    );
    const other = new Stripe(keyOf(stdout, 'secret key'), stripeOptions(svc));
    const params = {
      payment_method: token,
      url: stubUrl,
      replacements: ['card_number' as const],
      request: { body: '{}' },
    };
    await refusedForward(other, params, /No such PaymentMethod/);
    // The token is still unused: the refusal did not spend it.
    await stripe.forwarding.requests.create(params);
  });

  it("forwards a card saved on a customer as often as asked, only with its own account's key and mode", async () => {
    const customer = await stripe.customers.create({ source: await cardToken() });
    const cardId = String(customer.default_source);
    assert.match(cardId, /^card_/);
    const params = {
      payment_method: cardId,
      url: stubUrl,
      replacements: ['card_number' as const, 'card_expiry' as const, 'cardholder_name' as const],
      request: { body: '{}' },
    };
    const sentBefore = received.length;
    for (let attempt = 0; attempt < 2; attempt++) {
      const forwarded = await stripe.forwarding.requests.create(params);
      assert.equal(forwarded.payment_method, cardId);
      assert.equal(forwarded.response_details?.status, 201);
      const { paymentMethod } = JSON.parse(received.at(-1)?.body ?? '') as { paymentMethod: Record<string, string> };
      assert.deepEqual(paymentMethod, { number, expiryMonth: '3', expiryYear: nextYear, holderName: 'Ada Lovelace' });
    }
    assert.equal(received.length, sentBefore + 2);

    await refusedForward(new Stripe(liveSecretKey, stripeOptions(svc)), params, /Live mode|No such PaymentMethod/);
    const { stdout } = await cli('keys', 'create', '--origin', 'https://other.example');
    await cli(
      'forwarding',
      'add',
      '--account',
      keyOf(stdout, 'account'),
      '--url',
      stubUrl,
      '--map',
      'card_number=/paymentMethod/number',
      '--allow-private-network',
    );
    const other = new Stripe(keyOf(stdout, 'secret key'), stripeOptions(svc));
    await refusedForward(other, { ...params, replacements: ['card_number'] }, /No such PaymentMethod/);
    await refusedForward(stripe, { ...params, payment_method: 'card_unknown' }, /No such PaymentMethod/);
  });

  it('does not follow a redirect: the 3xx is the answer, and the stub is asked once', async () => {
    const redirectUrl = new URL('/redirect', stubUrl).href;
    await cli(
      'forwarding',
      'add',
      '--account',
      svc.accountId,
      '--url',
      redirectUrl,
      '--map',
      'card_number=/paymentMethod/number',
      '--allow-private-network',
    );
    const sentBefore = received.length;
    const forwarded = await stripe.forwarding.requests.create({
      payment_method: await cardToken(),
      url: redirectUrl,
      replacements: ['card_number'],
      request: { body: '{}' },
    });
    assert.equal(forwarded.response_details?.status, 302);
    assert.equal(received.length, sentBefore + 1);
  });

  it('sees a destination removed by the CLI on the next request, without a restart', async () => {
    const removable = new URL('/removable', stubUrl).href;
    const added = await cli(
      'forwarding',
      'add',
      '--account',
      svc.accountId,
      '--url',
      removable,
      '--map',
      'card_number=/paymentMethod/number',
      '--allow-private-network',
    );
    const id = /^(fwddest_\w+)/.exec(added.stdout)?.[1] ?? '';
    const params = { url: removable, replacements: ['card_number' as const], request: { body: '{}' } };
    await stripe.forwarding.requests.create({ ...params, payment_method: await cardToken() });
    await cli('forwarding', 'remove', id);
    await refusedForward(stripe, { ...params, payment_method: await cardToken() }, /not a registered/);
  });

  it('sends at most once per Idempotency-Key: a replay returns the stored, redacted object', async () => {
    const sentBefore = received.length;
    const body = formBody({
      payment_method: await cardToken(),
      url: stubUrl,
      replacements: ['card_number'],
      request: { body: '{}' },
    });
    const headers = { 'Idempotency-Key': `forward-${Date.now()}` };
    const first = await callService(svc, 'POST', '/v1/forwarding/requests', { key: svc.secretKey, body, headers });
    const replay = await callService(svc, 'POST', '/v1/forwarding/requests', { key: svc.secretKey, body, headers });
    assert.equal(first.status, 200, first.text);
    assert.equal(replay.status, 200);
    assert.deepEqual(replay.body, first.body);
    assert.ok(!replay.text.includes(number));
    assert.equal(received.length, sentBefore + 1);
  });
});

/** stripe-node pointed at the service under test. */
function stripeOptions(svc: TestService): Stripe.StripeConfig {
  return { host: '127.0.0.1', port: Number(new URL(svc.url).port), protocol: 'http' };
}

/**
 * The files of the data directory that hold any of `texts`, searched by
 * another process: the service runs in this one, and opening its SQLite file
 * here and closing it would drop the locks SQLite holds on it.
 */
async function filesHolding(dataDir: string, texts: string[]): Promise<string> {
  try {
    return (await run('grep', ['-r', '-l', '-a', '-F', ...texts.flatMap((text) => ['-e', text]), dataDir])).stdout;
  } catch (error) {
    if ((error as { code?: unknown }).code === 1) return '';
    throw error;
  }
}
