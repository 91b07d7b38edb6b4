import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Stripe from 'stripe';
import { callService, formBody, startTestService, type TestService } from './helpers';

const nextYear = String(new Date().getFullYear() + 1);
let svc: TestService;
let stripe: Stripe;

before(async () => {
  svc = await startTestService();
  const { port } = new URL(svc.url);
  stripe = new Stripe(svc.secretKey, { host: '127.0.0.1', port: Number(port), protocol: 'http' });
});
after(() => svc.close());

const post = (path: string, params: Record<string, unknown>, key = svc.secretKey, headers = {}) =>
  callService(svc, 'POST', path, { key, body: formBody(params), headers });

async function cardToken(number = '4242424242424242'): Promise<string> {
  const answer = await post(
    '/v1/tokens',
    { card: { number, exp_month: '12', exp_year: nextYear, cvc: '123' } },
    svc.publishableKey,
  );
  assert.equal(answer.status, 200, answer.text);
  return answer.body.id;
}

describe('customers: tokens are single-use sources', () => {
  it('a card token becomes the customer’s card_ source, and the token shows used', async () => {
    const token = await cardToken();
    const created = await post('/v1/customers', { source: token, email: 'jenny@example.com' });
    assert.equal(created.status, 200, created.text);
    assert.match(created.body.id, /^cus_/);
    assert.equal(created.body.email, 'jenny@example.com');
    const [card] = created.body.sources.data;
    assert.match(card.id, /^card_/);
    assert.equal(card.last4, '4242');
    assert.equal(card.customer, created.body.id);
    assert.equal(created.body.default_source, card.id);

    const fetched = await callService(svc, 'GET', `/v1/customers/${created.body.id}`, { key: svc.secretKey });
    assert.deepEqual(fetched.body, created.body);
    const tokenNow = await callService(svc, 'GET', `/v1/tokens/${token}`, { key: svc.secretKey });
    assert.equal(tokenNow.body.used, true);
  });

  it('a second use is a 400 saying the token was already used', async () => {
    const token = await cardToken();
    assert.equal((await post('/v1/customers', { source: token })).status, 200);
    const again = await post('/v1/customers', { source: token });
    assert.equal(again.status, 400);
    assert.equal(again.body.error.type, 'invalid_request_error');
    assert.equal(again.body.error.code, 'token_already_used');
    assert.match(again.body.error.message, /more than once/);
  });

  it('of 50 concurrent attempts on one token exactly one succeeds', async () => {
    const token = await cardToken();
    const answers = await Promise.all(Array.from({ length: 50 }, () => post('/v1/customers', { source: token })));
    const statuses = answers.map((answer) => answer.status).sort();
    assert.equal(statuses.filter((status) => status === 200).length, 1, JSON.stringify(statuses));
    assert.equal(statuses.filter((status) => status === 400).length, 49);
  });

  it('POST /v1/customers/:id/sources adds a bank account token as a ba_ source', async () => {
    const customer = (await post('/v1/customers', { name: 'Jenny Rosen' })).body;
    const bank = await post(
      '/v1/tokens',
      {
        bank_account: {
          country: 'US',
          currency: 'usd',
          account_holder_name: 'Jenny Rosen',
          account_holder_type: 'individual',
          routing_number: '110000000',
          account_number: '000123456789',
        },
      },
      svc.publishableKey,
    );
    const source = await post(`/v1/customers/${customer.id}/sources`, { source: bank.body.id });
    assert.equal(source.status, 200, source.text);
    assert.match(source.body.id, /^ba_/);
    assert.equal(source.body.object, 'bank_account');
    assert.equal(source.body.last4, '6789');
    assert.equal(source.body.customer, customer.id);
    assert.ok(!source.text.includes('000123456789'));
  });

  it('test tokens work as sources without being created, and tok_chargeDeclined / 4000000000000002 are declined', async () => {
    for (const [token, brand] of [
      ['tok_visa', 'Visa'],
      ['tok_mastercard', 'MasterCard'],
      ['tok_amex', 'American Express'],
      ['tok_visa_debit', 'Visa'],
    ]) {
      const answer = await post('/v1/customers', { source: token });
      assert.equal(answer.status, 200, `${token}: ${answer.text}`);
      assert.equal(answer.body.sources.data[0].brand, brand);
    }
    const declinedToken = await cardToken('4000000000000002');
    const declined = await post('/v1/customers', { source: declinedToken });
    assert.equal(declined.status, 402);
    assert.equal(declined.body.error.type, 'card_error');
    assert.equal(declined.body.error.code, 'card_declined');
  });

  it('refuses unknown tokens, non-source tokens, publishable keys and unknown parameters', async () => {
    const missing = await post('/v1/customers', { source: 'tok_doesnotexist' });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.param, 'source');
    const pii = await post('/v1/tokens', { pii: { id_number: '000000000' } }, svc.publishableKey);
    const piiAsSource = await post('/v1/customers', { source: pii.body.id });
    assert.equal(piiAsSource.status, 400);
    assert.equal((await post('/v1/customers', { source: 'tok_visa' }, svc.publishableKey)).status, 401);
    const unknown = await post('/v1/customers', { colour: 'blue' });
    assert.equal(unknown.body.error.code, 'parameter_unknown');
    assert.equal(unknown.body.error.param, 'colour');
    const noCustomer = await callService(svc, 'GET', '/v1/customers/cus_missing', { key: svc.secretKey });
    assert.equal(noCustomer.status, 404);
    assert.equal(noCustomer.body.error.code, 'resource_missing');
  });

  it('stripe-node creates tokens and customers against the service unchanged', async () => {
    const token = await stripe.tokens.create({
      card: { number: '5555555555554444', exp_month: '12', exp_year: nextYear, cvc: '123' },
    } as Stripe.TokenCreateParams);
    const customer = await stripe.customers.create({ source: token.id, email: 'node@example.com' });
    const retrieved = await stripe.customers.retrieve(customer.id);
    assert.equal((retrieved as Stripe.Customer).email, 'node@example.com');
    const second = await stripe.tokens.create({
      card: { number: '4242424242424242', exp_month: '12', exp_year: nextYear, cvc: '123' },
    } as Stripe.TokenCreateParams);
    const source = await stripe.customers.createSource(customer.id, { source: second.id });
    assert.equal((source as Stripe.Card).last4, '4242');
    await assert.rejects(
      () => stripe.customers.create({ source: token.id }),
      (error: unknown) =>
        error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'token_already_used',
    );
  });
});

describe('idempotency on every POST', () => {
  it('replays the stored response for the same key and body, and refuses a different body', async () => {
    const key = `idem-${Date.now()}`;
    const token = await cardToken();
    const first = await post('/v1/customers', { source: token }, svc.secretKey, { 'idempotency-key': key });
    const replay = await post('/v1/customers', { source: token }, svc.secretKey, { 'idempotency-key': key });
    assert.equal(replay.status, 200);
    assert.equal(replay.text, first.text);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    const other = await post('/v1/customers', { source: 'tok_visa' }, svc.secretKey, { 'idempotency-key': key });
    assert.equal(other.status, 400);
    assert.equal(other.body.error.type, 'idempotency_error');
  });

  it('scopes keys to the API key that sent them', async () => {
    const key = `scope-${Date.now()}`;
    const params = { card: { number: '4242424242424242', exp_month: '12', exp_year: nextYear, cvc: '123' } };
    const withPk = await post('/v1/tokens', params, svc.publishableKey, { 'idempotency-key': key });
    const withSk = await post('/v1/tokens', params, svc.secretKey, { 'idempotency-key': key });
    assert.equal(withSk.status, 200);
    assert.notEqual(withSk.body.id, withPk.body.id);
  });
});
