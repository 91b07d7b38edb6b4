import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Stripe from 'stripe';
import {
  assertNotInDatabaseFiles,
  callService,
  formBody,
  startTestService,
  type CallOptions,
  type TestService,
} from './helpers';

const futureYear = String(new Date().getFullYear() + 3);
const visa = { number: '4242424242424242', exp_month: '12', exp_year: futureYear, cvc: '123' };

let svc: TestService;
before(async () => {
  svc = await startTestService();
});
after(async () => {
  await svc.close();
});

const call = (method: string, path: string, options?: CallOptions) => callService(svc, method, path, options);

const createToken = (card: Record<string, string>, options: { key?: string; headers?: Record<string, string> } = {}) =>
  call('POST', '/v1/tokens', {
    key: options.key ?? svc.publishableKey,
    body: formBody({ card }),
    headers: options.headers,
  });

describe('POST /v1/tokens', () => {
  it('returns a Stripe card token without the number or CVC', async () => {
    const { status, body, text, headers } = await createToken({ ...visa, name: 'Jenny Rosen', address_zip: '94107' });
    assert.equal(status, 200);
    assert.match(headers.get('request-id') ?? '', /^req_/);
    assert.match(body.id, /^tok_[0-9A-Za-z]{24}$/);
    assert.equal(body.object, 'token');
    assert.equal(body.type, 'card');
    assert.equal(body.used, false);
    assert.equal(body.livemode, false);
    assert.equal(body.client_ip, '127.0.0.1');
    assert.ok(Math.abs(body.created - Date.now() / 1000) < 60);
    const card = body.card;
    assert.match(card.id, /^card_[0-9A-Za-z]{24}$/);
    assert.equal(card.object, 'card');
    assert.equal(card.brand, 'Visa');
    assert.equal(card.last4, '4242');
    assert.equal(card.exp_month, 12);
    assert.equal(card.exp_year, Number(futureYear));
    assert.equal(card.funding, 'credit');
    assert.equal(card.country, 'US');
    assert.equal(card.cvc_check, 'unchecked');
    assert.equal(card.name, 'Jenny Rosen');
    assert.equal(card.address_zip, '94107');
    assert.equal(card.address_zip_check, 'unchecked');
    assert.equal(card.address_line1, null);
    assert.equal(card.address_line1_check, null);
    assert.equal(card.dynamic_last4, null);
    assert.equal(card.tokenization_method, null);
    assert.equal(card.wallet, null);
    assert.deepEqual(card.metadata, {});
    assert.match(card.fingerprint, /^[0-9A-Za-z]{16}$/);
    assert.deepEqual(Object.keys(body), ['id', 'object', 'card', 'client_ip', 'created', 'livemode', 'type', 'used']);
    assert.doesNotMatch(text, /4242424242424242/);
    assert.doesNotMatch(text, /"123"|cvc"/);
  });

  it('reports debit funding for 4000056655665556 and no cvc_check without a CVC', async () => {
    const { status, body } = await createToken({ number: '4000056655665556', exp_month: '1', exp_year: futureYear });
    assert.equal(status, 200);
    assert.equal(body.card.funding, 'debit');
    assert.equal(body.card.last4, '5556');
    assert.equal(body.card.cvc_check, null);
  });

  it('gives the same card the same fingerprint', async () => {
    const first = await createToken(visa);
    const second = await createToken({ ...visa, number: '4242 4242 4242 4242', exp_month: '1' });
    const other = await createToken({ ...visa, number: '5555555555554444' });
    assert.equal(first.body.card.fingerprint, second.body.card.fingerprint);
    assert.notEqual(first.body.card.fingerprint, other.body.card.fingerprint);
    assert.notEqual(first.body.id, second.body.id);
  });

  it('accepts a secret key and HTTP Basic auth', async () => {
    assert.equal((await createToken(visa, { key: svc.secretKey })).status, 200);
    const basic = Buffer.from(`${svc.publishableKey}:`).toString('base64');
    const { status } = await call('POST', '/v1/tokens', {
      body: formBody({ card: visa }),
      headers: { authorization: `Basic ${basic}` },
    });
    assert.equal(status, 200);
  });

  const cardErrors: [string, Record<string, string>, string][] = [
    ['incorrect_number', { ...visa, number: '4242424242424241' }, 'card[number]'],
    ['invalid_expiry_month', { ...visa, exp_month: '13' }, 'card[exp_month]'],
    ['invalid_expiry_year', { ...visa, exp_year: '2019' }, 'card[exp_year]'],
    ['invalid_cvc', { ...visa, cvc: '12' }, 'card[cvc]'],
  ];
  for (const [code, card, param] of cardErrors) {
    it(`answers 402 card_error ${code}`, async () => {
      const { status, body, text } = await createToken(card);
      assert.equal(status, 402);
      assert.equal(body.error.type, 'card_error');
      assert.equal(body.error.code, code);
      assert.equal(body.error.param, param);
      assert.equal(typeof body.error.message, 'string');
      assert.doesNotMatch(text, /424242424242424/);
    });
  }

  it('answers 400 parameter_missing for a missing card field', async () => {
    const { status, body } = await createToken({ number: visa.number, exp_year: futureYear });
    assert.equal(status, 400);
    assert.equal(body.error.type, 'invalid_request_error');
    assert.equal(body.error.code, 'parameter_missing');
    assert.equal(body.error.param, 'card[exp_month]');
  });

  it('answers 400 parameter_missing without any token data', async () => {
    for (const body of ['', undefined]) {
      const answer = await call('POST', '/v1/tokens', { key: svc.publishableKey, body });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.error.code, 'parameter_missing');
      assert.match(answer.body.error.message, /You must supply either a card/);
    }
  });

  it('answers 400 parameter_unknown for unknown card and top-level parameters', async () => {
    const card = await createToken({ ...visa, foo: 'bar' });
    assert.equal(card.status, 400);
    assert.equal(card.body.error.code, 'parameter_unknown');
    assert.equal(card.body.error.param, 'card[foo]');
    const top = await call('POST', '/v1/tokens', {
      key: svc.publishableKey,
      body: `${formBody({ card: visa })}&colour=red`,
    });
    assert.equal(top.status, 400);
    assert.equal(top.body.error.param, 'colour');
  });

  it('answers 401 for a missing or unknown key', async () => {
    const missing = await call('POST', '/v1/tokens', { body: formBody({ card: visa }) });
    assert.equal(missing.status, 401);
    assert.equal(missing.body.error.type, 'invalid_request_error');
    assert.match(missing.body.error.message, /You did not provide an API key/);
    const unknown = await call('POST', '/v1/tokens', {
      key: 'pk_test_doesnotexist0000abcd',
      body: formBody({ card: visa }),
    });
    assert.equal(unknown.status, 401);
    assert.equal(unknown.body.error.message, 'Invalid API Key provided: pk_test_****abcd');
  });

  it('keeps client mistakes out of the 5xx range', async () => {
    const json = await call('POST', '/v1/tokens', {
      key: svc.publishableKey,
      body: JSON.stringify({ card: visa }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(json.status, 415);
    assert.equal(json.body.error.type, 'invalid_request_error');
    assert.doesNotMatch(json.text, /4242424242424242/);

    const deep = await call('POST', '/v1/tokens', { key: svc.publishableKey, body: 'card[a][b][c][d][e][f][g]=1' });
    assert.equal(deep.status, 400);
    assert.equal(deep.body.error.type, 'invalid_request_error');

    const notADictionary = await call('POST', '/v1/tokens', { key: svc.publishableKey, body: 'card=4242424242424242' });
    assert.equal(notADictionary.status, 400);
    assert.doesNotMatch(notADictionary.text, /4242424242424242/);

    const arrayNumber = await createToken({ 'number][': '4242424242424242', exp_month: '12', exp_year: futureYear });
    assert.ok(arrayNumber.status >= 400 && arrayNumber.status < 500);

    const huge = await call('POST', '/v1/tokens', {
      key: svc.publishableKey,
      body: `card[name]=${'a'.repeat(1024 * 1024 + 10)}`,
    });
    assert.equal(huge.status, 413);
  });
});

describe('GET /v1/tokens/:id', () => {
  it('lets the secret key read a token and refuses the publishable key', async () => {
    const created = await createToken(visa);
    const asPublishable = await call('GET', `/v1/tokens/${created.body.id}`, { key: svc.publishableKey });
    assert.equal(asPublishable.status, 401);
    assert.match(asPublishable.body.error.message, /cannot be made with a publishable API key/);
    const asSecret = await call('GET', `/v1/tokens/${created.body.id}`, { key: svc.secretKey });
    assert.equal(asSecret.status, 200);
    assert.deepEqual(asSecret.body, created.body);
  });

  it('answers 404 resource_missing for an unknown token', async () => {
    const { status, body } = await call('GET', '/v1/tokens/tok_nope', { key: svc.secretKey });
    assert.equal(status, 404);
    assert.equal(body.error.type, 'invalid_request_error');
    assert.equal(body.error.code, 'resource_missing');
    assert.equal(body.error.param, 'token');
    assert.equal(body.error.message, "No such token: 'tok_nope'");
  });

  it('answers 401 without a key', async () => {
    assert.equal((await call('GET', '/v1/tokens/tok_nope')).status, 401);
  });
});

describe('Idempotency-Key', () => {
  it('replays the stored response for the same parameters', async () => {
    const headers = { 'idempotency-key': `replay-${Date.now()}` };
    const first = await createToken(visa, { headers });
    const second = await createToken(visa, { headers });
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.equal(second.text, first.text);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
  });

  it('refuses the same key with different parameters', async () => {
    const headers = { 'idempotency-key': `mismatch-${Date.now()}` };
    assert.equal((await createToken(visa, { headers })).status, 200);
    const { status, body } = await createToken({ ...visa, exp_month: '11' }, { headers });
    assert.equal(status, 400);
    assert.equal(body.error.type, 'idempotency_error');
  });

  it('scopes keys to the account', async () => {
    const other = await startTestService();
    try {
      const headers = { 'idempotency-key': 'shared-key' };
      const mine = await createToken(visa, { headers });
      const response = await fetch(`${other.url}/v1/tokens`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${other.publishableKey}`,
          'content-type': 'application/x-www-form-urlencoded',
          ...headers,
        },
        body: formBody({ card: visa }),
      });
      const theirs = (await response.json()) as { id: string };
      assert.notEqual(theirs.id, mine.body.id);
    } finally {
      await other.close();
    }
  });
});

describe('stripe-node', () => {
  it('creates and retrieves a token through the official client', async () => {
    const { port } = new URL(svc.url);
    const stripe = new Stripe(svc.secretKey, { host: '127.0.0.1', port: Number(port), protocol: 'http' });
    const token = await stripe.tokens.create({
      card: { number: '378282246310005', exp_month: '4', exp_year: futureYear, cvc: '1234' },
    } as Stripe.TokenCreateParams);
    assert.match(token.id, /^tok_/);
    assert.equal(token.card?.brand, 'American Express');
    assert.equal(token.card?.last4, '0005');
    const retrieved = await stripe.tokens.retrieve(token.id);
    assert.equal(retrieved.id, token.id);
    assert.equal(retrieved.card?.fingerprint, token.card?.fingerprint);

    await assert.rejects(
      stripe.tokens.retrieve('tok_missing'),
      (error: { type: string; code: string; statusCode: number }) => {
        assert.equal(error.type, 'StripeInvalidRequestError');
        assert.equal(error.code, 'resource_missing');
        assert.equal(error.statusCode, 404);
        return true;
      },
    );
    await assert.rejects(
      stripe.tokens.create({
        card: { number: '4242424242424241', exp_month: '4', exp_year: futureYear },
      } as Stripe.TokenCreateParams),
      (error: { type: string; code: string }) => {
        assert.equal(error.type, 'StripeCardError');
        assert.equal(error.code, 'incorrect_number');
        return true;
      },
    );
  });
});

describe('storage at rest', () => {
  it('keeps no plaintext raw value of any token kind, nor the secret key, in the database files (a publishable key is public and listed by `keys list`)', async () => {
    const number = '6011111111111117';
    const raw = {
      'card number': number,
      CVC: '987',
      'account number': '000123456789',
      'routing and account number': '110000000000123456789',
      'CVC update': '6543',
      'PII ID number': '000000000',
      'account ID number': 'AC4567890',
      'person ID number': 'PE4567890',
    };
    // Random ids, ciphertext and timestamps could hold a short CVC by chance; a
    // leaked one would sit in a JSON string, so that is what is looked for.
    const needles = Object.fromEntries(
      Object.entries(raw).map(([label, value]) => [label, value.length <= 4 ? `"${value}"` : value]),
    );
    const requests = [
      { card: { ...visa, number, cvc: raw.CVC } },
      { bank_account: { country: 'US', routing_number: '110000000', account_number: raw['account number'] } },
      { cvc_update: { cvc: raw['CVC update'] } },
      { pii: { id_number: raw['PII ID number'] } },
      { account: { individual: { first_name: 'Jane', id_number: raw['account ID number'] } } },
      { person: { first_name: 'Jane', id_number: raw['person ID number'] } },
    ];
    for (let i = 0; i < 5; i++) {
      for (const params of requests) {
        const answer = await call('POST', '/v1/tokens', { key: svc.publishableKey, body: formBody(params) });
        assert.equal(answer.status, 200, answer.text);
        for (const [label, value] of Object.entries(needles)) {
          assert.equal(answer.text.includes(value), false, `the response holds the ${label}`);
        }
      }
    }
    await assertNotInDatabaseFiles(svc, {
      ...needles,
      'secret key': svc.secretKey,
    });
  });
});
