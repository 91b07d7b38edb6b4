// Forwarding through the real stripe-node to a processor stub: the stub gets the card, nothing else keeps it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import Stripe from 'stripe';
import { openSecret } from '../../src/server/crypto';
import { systemClock, type Clock } from '../../src/server/clock';
import { sweep } from '../../src/server/service';
import { sourceSealedAt } from '../../src/server/storage/sealed-at';
import type { SourceRecord } from '../../src/server/storage/types';
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
const nextYear = String(new Date().getFullYear() + 1);
const number = '4000056655665556';
const cvc = '737';

/** A value of `tokenframe keys create`'s output. */
const keyOf = (stdout: string, name: string) => new RegExp(`${name}:\\s+(\\S+)`).exec(stdout)?.[1] ?? '';

/** The system's time, moved ahead by a test instead of waited for. */
function movableClock(): Clock & { advance(seconds: number): void } {
  let offset = 0;
  return { now: () => systemClock.now() + offset, advance: (seconds) => (offset += seconds) };
}

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
  /** The service's time: a test moves it past a saved CVC's window, and back. */
  const clock = movableClock();

  const cli = (...args: string[]) =>
    run(process.execPath, [tokenframeCli, ...args, '--data-dir', svc.dataDir], {
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
    svc = await startTestService({ databaseUrl: database?.url ?? undefined, clock });
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
    for (const [params, message] of attempts) await refusedForward(stripe, params, message);

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

  const scope = () => ({ accountId: svc.accountId, livemode: false });

  /** The raw values a saved card holds, opened as the service would. */
  function savedCard(source: SourceRecord | null): Record<string, unknown> {
    assert.ok(source, 'no saved card');
    return openSecret(source.secret, svc.service.app.secrets.encryptionKeys, sourceSealedAt(source));
  }

  /** A card_cvc forward refused with card_cvc_unavailable, sending nothing. */
  async function refusedCvc(params: Stripe.Forwarding.RequestCreateParams) {
    const sentBefore = received.length;
    await assert.rejects(stripe.forwarding.requests.create(params), (error: Stripe.errors.StripeError) => {
      assert.equal(error.statusCode, 400);
      assert.equal(error.code, 'card_cvc_unavailable');
      assert.equal(error.param, 'replacements');
      assert.match(error.message, /CVC .* not available: a CVC is forwarded at most once/);
      return true;
    });
    assert.equal(received.length, sentBefore, 'a refused card_cvc forward reached the processor');
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

  it('keeps no CVC after use: a used token holds no raw values; card_cvc then is refused', async () => {
    const forwardedToken = await cardToken();
    const params = {
      url: stubUrl,
      replacements: ['card_number' as const, 'card_cvc' as const],
      request: { body: '{}' },
    };
    await stripe.forwarding.requests.create({ ...params, payment_method: forwardedToken });
    const { paymentMethod } = JSON.parse(received.at(-1)?.body ?? '') as { paymentMethod: Record<string, string> };
    assert.equal(paymentMethod.cvc, cvc);
    assert.equal(
      (await svc.service.stores.vault.getToken(forwardedToken, scope()))?.secret,
      null,
      'the forwarded token kept its raw values',
    );

    const sentBefore = received.length;
    await assert.rejects(
      stripe.forwarding.requests.create({ ...params, payment_method: forwardedToken }),
      (error: Stripe.errors.StripeError) => error.statusCode === 400 && error.code === 'token_already_used',
    );
    assert.equal(received.length, sentBefore, 'a refused card_cvc forward reached the processor');
  });

  it("forwards a saved card's CVC on its first charge only; the second card_cvc forward is refused, sending nothing", async () => {
    const { stores } = svc.service;
    const saved = await cardToken();
    const expiresAt = (await stores.vault.getToken(saved, scope()))?.expiresAt;
    const cardId = String((await stripe.customers.create({ source: saved })).default_source);
    assert.equal((await stores.vault.getToken(saved, scope()))?.secret, null, 'the attached token kept its raw values');
    const source = await stores.customers.getSource(cardId, scope());
    assert.equal(savedCard(source).cvc, cvc, 'the saved card did not keep its CVC for the first charge');
    assert.equal(source?.cvcExpiresAt, expiresAt, "the CVC is kept longer than the token's own time");

    const params = {
      payment_method: cardId,
      url: stubUrl,
      replacements: ['card_number' as const, 'card_expiry' as const, 'card_cvc' as const, 'cardholder_name' as const],
      request: { body: '{}' },
    };
    const forwarded = await stripe.forwarding.requests.create(params);
    assert.equal(forwarded.response_details?.status, 201);
    const { paymentMethod } = JSON.parse(received.at(-1)?.body ?? '') as { paymentMethod: Record<string, string> };
    assert.deepEqual(paymentMethod, {
      number,
      expiryMonth: '3',
      expiryYear: nextYear,
      cvc,
      holderName: 'Ada Lovelace',
    });
    assert.ok(!JSON.stringify(forwarded).includes(cvc), 'the stored request kept the CVC');
    const after = await stores.customers.getSource(cardId, scope());
    assert.equal(savedCard(after).cvc, undefined, 'the saved card kept the CVC after sending it');
    assert.equal(savedCard(after).number, number);
    assert.equal(after?.cvcExpiresAt, null);

    await refusedCvc(params);
    // Later charges leave the CVC out, as often as asked.
    await stripe.forwarding.requests.create({ ...params, replacements: ['card_number', 'card_expiry'] });
    assert.equal(
      (JSON.parse(received.at(-1)?.body ?? '') as { paymentMethod: { cvc?: string } }).paymentMethod.cvc,
      undefined,
    );
  });

  it("sends a saved card's CVC once of many concurrent card_cvc forwards; the others are refused", async () => {
    const cardId = String((await stripe.customers.create({ source: await cardToken() })).default_source);
    const params = {
      payment_method: cardId,
      url: stubUrl,
      replacements: ['card_number' as const, 'card_cvc' as const],
      request: { body: '{}' },
    };
    const sentBefore = received.length;
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => stripe.forwarding.requests.create(params)),
    );
    assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
    for (const result of results) {
      if (result.status === 'rejected')
        assert.equal((result.reason as Stripe.errors.StripeError).code, 'card_cvc_unavailable');
    }
    const sent = received.slice(sentBefore).map(({ body }) => JSON.parse(body) as { paymentMethod: { cvc?: string } });
    assert.deepEqual(
      sent.map(({ paymentMethod }) => paymentMethod.cvc),
      [cvc],
      'the CVC reached the processor other than once',
    );
  });

  it("refuses a saved card's CVC after its token's time, and the sweeper wipes it", async () => {
    const { stores } = svc.service;
    const first = String((await stripe.customers.create({ source: await cardToken() })).default_source);
    const second = String((await stripe.customers.create({ source: await cardToken() })).default_source);
    const window = ((await stores.customers.getSource(first, scope()))?.cvcExpiresAt ?? 0) - clock.now();
    assert.ok(window > 0);
    const params = {
      url: stubUrl,
      replacements: ['card_number' as const, 'card_cvc' as const],
      request: { body: '{}' },
    };
    clock.advance(window);
    try {
      await refusedCvc({ ...params, payment_method: first });
      assert.equal(savedCard(await stores.customers.getSource(first, scope())).cvc, cvc, 'refusing wiped it');
      const { cvcsWiped } = await sweep(stores, clock, svc.service.config);
      assert.ok(cvcsWiped >= 2, `the sweeper wiped ${cvcsWiped} CVCs`);
      for (const cardId of [first, second]) {
        const source = await stores.customers.getSource(cardId, scope());
        assert.equal(savedCard(source).cvc, undefined, 'the sweeper left the CVC');
        assert.equal(savedCard(source).number, number);
        assert.equal(source?.cvcExpiresAt, null);
      }
      await refusedCvc({ ...params, payment_method: second });
      // Forwarded without it as before.
      await stripe.forwarding.requests.create({ ...params, payment_method: second, replacements: ['card_number'] });
    } finally {
      clock.advance(-window);
    }
  });

  it('makes a token from a card or bank account saved on a customer, without CVC, with the secret key only', async () => {
    const customer = await stripe.customers.create({ source: await cardToken() });
    const cardId = String(customer.default_source);
    const bankToken = await stripe.tokens.create({
      bank_account: {
        country: 'US',
        currency: 'usd',
        account_holder_name: 'Ada Lovelace',
        account_holder_type: 'individual',
        routing_number: '110000000',
        account_number: '000123456789',
      },
    });
    const bankId = (await stripe.customers.createSource(customer.id, { source: bankToken.id })).id;

    const fromCard = await stripe.tokens.create({ customer: customer.id, card: cardId });
    assert.match(fromCard.id, /^tok_/);
    assert.equal(fromCard.type, 'card');
    assert.equal(fromCard.used, false);
    assert.equal(fromCard.card?.last4, '5556');
    assert.equal(fromCard.card?.cvc_check, null);
    assert.notEqual(fromCard.card?.id, cardId);
    assert.equal((fromCard.card as unknown as Record<string, unknown>).customer, undefined);
    const fromBank = await stripe.tokens.create({ customer: customer.id, bank_account: bankId });
    assert.match(fromBank.id, /^btok_/);
    assert.equal(fromBank.bank_account?.last4, '6789');
    assert.ok(!JSON.stringify(fromBank).includes('000123456789'));

    // Forwarded like any token, but it has no CVC to send: asking for one is refused and leaves it unused.
    const params = { url: stubUrl, request: { body: '{}' }, payment_method: fromCard.id };
    await refusedForward(stripe, { ...params, replacements: ['card_number', 'card_cvc'] }, /CVC .* not available/);
    await stripe.forwarding.requests.create({ ...params, replacements: ['card_number', 'card_expiry'] });
    const { paymentMethod } = JSON.parse(received.at(-1)?.body ?? '') as { paymentMethod: Record<string, string> };
    assert.deepEqual(paymentMethod, { number, expiryMonth: '3', expiryYear: nextYear });
    // Saved like any token, on another customer.
    const second = await stripe.customers.create({
      source: (await stripe.tokens.create({ customer: customer.id, card: cardId })).id,
    });
    assert.match(String(second.default_source), /^card_/);

    const other = await stripe.customers.create({ source: await cardToken() });
    const refusals: [Stripe.TokenCreateParams, number, string, string][] = [
      [{ customer: 'cus_unknown', card: cardId }, 400, 'resource_missing', 'customer'],
      [{ customer: other.id, card: cardId }, 400, 'missing', 'card'],
      [{ customer: customer.id, card: 'card_unknown' }, 400, 'missing', 'card'],
      [{ customer: customer.id, bank_account: cardId }, 400, 'missing', 'bank_account'],
    ];
    for (const [request, status, code, param] of refusals) {
      await assert.rejects(stripe.tokens.create(request), (error: Stripe.errors.StripeError) => {
        assert.equal(error.statusCode, status, error.message);
        assert.equal(error.code, code, error.message);
        assert.equal(error.param, param);
        return true;
      });
    }
    const publishable = await callService(svc, 'POST', '/v1/tokens', {
      key: svc.publishableKey,
      body: formBody({ customer: customer.id, card: cardId }),
    });
    assert.equal(publishable.status, 401, publishable.text);
    assert.match(publishable.text, /publishable API key/);
    const live = new Stripe(liveSecretKey, stripeOptions(svc));
    await assert.rejects(live.tokens.create({ customer: customer.id, card: cardId }), /No such customer/);
  });

  it('refuses a redirect with a Stripe 400: the Location is never asked for, repeated or stored', async () => {
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
    const listedBefore = await stripe.forwarding.requests.list({ limit: 100 });
    const token = await cardToken();
    const params = { payment_method: token, url: redirectUrl, replacements: ['card_number' as const], request: {} };
    await assert.rejects(stripe.forwarding.requests.create(params), (error: Stripe.errors.StripeError) => {
      assert.equal(error.statusCode, 400);
      assert.equal(error.type, 'StripeInvalidRequestError');
      assert.equal(error.code, 'forwarding_destination_redirect');
      assert.match(error.message, /redirect \(302\), which is not followed/);
      assert.ok(!error.message.includes('followed=1') && !error.message.includes(number));
      return true;
    });
    // The registered URL was asked once (it is the first hop); the URL it points to never.
    assert.deepEqual(
      received.slice(sentBefore).map(({ url }) => url),
      ['/redirect'],
    );
    const listed = await stripe.forwarding.requests.list({ limit: 100 });
    assert.equal(listed.data.length, listedBefore.data.length, 'a refused redirect was stored');
    // At most once: the card may have reached the first hop, so the token is spent.
    await refusedForward(stripe, { ...params, url: stubUrl }, /more than once/);
  });

  it("refuses the other mode's token and saved card, sending nothing and leaving them usable", async () => {
    const live = new Stripe(liveSecretKey, stripeOptions(svc));
    // Not a test card: live mode refuses those.
    const liveCard = { number: '4929420000000000', exp_month: '3', exp_year: nextYear };
    const liveToken = (await live.tokens.create({ card: liveCard } as Stripe.TokenCreateParams)).id;
    const liveSaved = String((await live.customers.create({ source: liveToken })).default_source);
    const secondLiveToken = (await live.tokens.create({ card: liveCard } as Stripe.TokenCreateParams)).id;
    for (const paymentMethod of [secondLiveToken, liveSaved]) {
      const params = {
        payment_method: paymentMethod,
        url: stubUrl,
        replacements: ['card_number' as const],
        request: {},
      };
      await refusedForward(stripe, params, /No such PaymentMethod/);
    }
    // Still usable in its own mode: saved on a live customer.
    await live.customers.create({ source: secondLiveToken });
    // A test token and a test saved card with the live key: refused before anything is read (http destination).
    const testToken = await cardToken();
    const liveParams = { payment_method: testToken, url: stubUrl, replacements: ['card_number' as const], request: {} };
    await refusedForward(live, liveParams, /Live mode forwards only to https/);
    await stripe.forwarding.requests.create(liveParams);
  });

  it('refuses malformed request[headers] with a Stripe 400 naming the param, sending nothing', async () => {
    const token = await cardToken();
    const base = `payment_method=${token}&url=${encodeURIComponent(stubUrl)}&replacements[]=card_number&request[body]=%7B%7D`;
    const variants: [string, string][] = [
      ['request[headers]=X-A', 'request[headers]'],
      ['request[headers][0]=X-A', 'request[headers][0]'],
      ['request[headers][0][value]=1', 'request[headers][0][name]'],
      ['request[headers][0][name]=Bad Name&request[headers][0][value]=1', 'request[headers][0][name]'],
      ['request[headers][0][name]=Content-Length&request[headers][0][value]=1', 'request[headers][0][name]'],
      ['request[headers][0][name]=Transfer-Encoding&request[headers][0][value]=chunked', 'request[headers][0][name]'],
      ['request[headers][0][name]=X-A&request[headers][0][value]=a%0D%0AX-B: b', 'request[headers][0][value]'],
      [
        'request[headers][0][name]=X-A&request[headers][0][value]=1&request[headers][0][extra]=1',
        'request[headers][0][extra]',
      ],
    ];
    const sentBefore = received.length;
    for (const [headers, param] of variants) {
      const answer = await callService(svc, 'POST', '/v1/forwarding/requests', {
        key: svc.secretKey,
        body: `${base}&${headers}`,
      });
      assert.equal(answer.status, 400, `${headers}: ${answer.text}`);
      const { error } = answer.body as { error: { type: string; param: string; message: string } };
      assert.equal(error.type, 'invalid_request_error', headers);
      assert.equal(error.param, param, headers);
    }
    assert.equal(received.length, sentBefore, 'a malformed forward reached the processor');
    // None of them used the token.
    await stripe.forwarding.requests.create({
      payment_method: token,
      url: stubUrl,
      replacements: ['card_number'],
      request: { body: '{}' },
    });
  });

  it('answers an unreachable destination with a Stripe error without internals; the token stays used', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const url = `http://127.0.0.1:${port}/gone`;
    await cli(
      'forwarding',
      'add',
      '--account',
      svc.accountId,
      '--url',
      url,
      '--map',
      'card_number=/n',
      '--allow-private-network',
    );
    const token = await cardToken();
    const params = { payment_method: token, url, replacements: ['card_number' as const], request: { body: '{}' } };
    await assert.rejects(stripe.forwarding.requests.create(params), (error: Stripe.errors.StripeError) => {
      assert.equal(error.statusCode, 502, error.message);
      assert.equal(error.type, 'StripeAPIError');
      assert.equal(error.code, 'forwarding_destination_unreachable');
      // Or stripe-node would send it again by itself, and get "token used" back.
      assert.equal(error.headers?.['stripe-should-retry'], 'false');
      assert.match(error.message, /could not be reached\. It is not retried and a card token used for it stays used\./);
      for (const internal of ['127.0.0.1', String(port), 'ECONNREFUSED', ' at ', number]) {
        assert.ok(!error.message.includes(internal), `the error shows ${internal}`);
      }
      assert.ok(!JSON.stringify(error.raw).includes('stack'));
      return true;
    });
    await refusedForward(stripe, { ...params, url: stubUrl }, /more than once/);
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
