import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Stripe from 'stripe';
import {
  assertNotInDatabaseFiles,
  callService,
  formBody,
  startTestService,
  type Answer,
  type CallOptions,
  type TestService,
} from './helpers';

const routingNumber = '110000000';
const accountNumber = '000123456789';
const iban = 'DE89370400440532013000';
const usAccount = {
  country: 'US',
  currency: 'usd',
  account_holder_name: 'Jenny Rosen',
  account_holder_type: 'individual',
  routing_number: routingNumber,
  account_number: accountNumber,
};

/** Raw values that no response may contain. The routing number alone is public, as in Stripe. */
const secrets = [accountNumber, `${routingNumber}${accountNumber}`, iban, '0532013000'];

let svc: TestService;
before(async () => {
  svc = await startTestService();
});
after(async () => {
  await svc.close();
});

async function call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const answer = await callService(svc, method, path, options);
  for (const value of secrets) assert.equal(answer.text.includes(value), false, 'a raw value is in the response');
  return answer;
}

const createBankToken = (bankAccount: Record<string, string>, key = svc.publishableKey) =>
  call('POST', '/v1/tokens', { key, body: formBody({ bank_account: bankAccount }) });

function without(params: Record<string, string>, name: string): Record<string, string> {
  const copy = { ...params };
  delete copy[name];
  return copy;
}

describe('POST /v1/tokens with bank_account', () => {
  it('returns a Stripe bank account token for a US account, field by field', async () => {
    const { status, body } = await createBankToken(usAccount);
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body), [
      'id',
      'object',
      'bank_account',
      'client_ip',
      'created',
      'livemode',
      'redaction',
      'type',
      'used',
    ]);
    assert.match(body.id, /^btok_[0-9A-Za-z]{24}$/);
    assert.equal(body.object, 'token');
    assert.equal(body.client_ip, '127.0.0.1');
    assert.ok(Math.abs(body.created - Date.now() / 1000) < 60);
    assert.equal(body.livemode, false);
    assert.equal(body.redaction, null);
    assert.equal(body.type, 'bank_account');
    assert.equal(body.used, false);
    const bank = body.bank_account;
    assert.match(bank.id, /^ba_[0-9A-Za-z]{24}$/);
    assert.match(bank.fingerprint, /^[0-9A-Za-z]{16}$/);
    assert.deepEqual(bank, {
      id: bank.id,
      object: 'bank_account',
      account_holder_name: 'Jenny Rosen',
      account_holder_type: 'individual',
      account_type: null,
      bank_name: 'STRIPE TEST BANK',
      country: 'US',
      currency: 'usd',
      fingerprint: bank.fingerprint,
      last4: '6789',
      routing_number: routingNumber,
      status: 'new',
    });
    assert.deepEqual(Object.keys(bank), [
      'id',
      'object',
      'account_holder_name',
      'account_holder_type',
      'account_type',
      'bank_name',
      'country',
      'currency',
      'fingerprint',
      'last4',
      'routing_number',
      'status',
    ]);
  });

  it('upper-cases the country, defaults the currency and leaves absent holder details null', async () => {
    const { status, body } = await createBankToken({
      country: 'us',
      routing_number: routingNumber,
      account_number: accountNumber,
    });
    assert.equal(status, 200);
    assert.equal(body.bank_account.country, 'US');
    assert.equal(body.bank_account.currency, 'usd');
    assert.equal(body.bank_account.account_holder_name, null);
    assert.equal(body.bank_account.account_holder_type, null);
  });

  it('takes an IBAN as the account number, with spaces, and has no routing number or bank name', async () => {
    const { status, body } = await createBankToken({
      country: 'de',
      account_holder_name: 'Max Mustermann',
      account_holder_type: 'company',
      account_number: 'de89 3704 0044 0532 0130 00',
    });
    assert.equal(status, 200);
    assert.match(body.id, /^btok_/);
    const bank = body.bank_account;
    assert.equal(bank.country, 'DE');
    assert.equal(bank.currency, 'eur');
    assert.equal(bank.routing_number, null);
    assert.equal(bank.bank_name, null);
    assert.equal(bank.last4, '3000');
    assert.equal(bank.account_holder_type, 'company');
    assert.equal(bank.status, 'new');
  });

  it('gives the same account the same fingerprint, and another account another', async () => {
    const first = await createBankToken(usAccount);
    const second = await createBankToken({ ...usAccount, account_holder_name: 'J. Rosen' });
    const other = await createBankToken({ ...usAccount, account_number: '000123456780' });
    const spaced = await createBankToken({ country: 'DE', account_number: iban });
    const compact = await createBankToken({ country: 'DE', account_number: 'DE89 3704 0044 0532 0130 00' });
    assert.equal(first.body.bank_account.fingerprint, second.body.bank_account.fingerprint);
    assert.notEqual(first.body.bank_account.fingerprint, other.body.bank_account.fingerprint);
    assert.equal(spaced.body.bank_account.fingerprint, compact.body.bank_account.fingerprint);
    assert.notEqual(first.body.id, second.body.id);
  });

  const errors: [string, Record<string, string>, string, string | undefined][] = [
    [
      'a routing number failing the ABA checksum',
      { ...usAccount, routing_number: '110000001' },
      'bank_account[routing_number]',
      'routing_number_invalid',
    ],
    [
      'a short routing number',
      { ...usAccount, routing_number: '11000000' },
      'bank_account[routing_number]',
      'routing_number_invalid',
    ],
    [
      'a 3-digit account number',
      { ...usAccount, account_number: '123' },
      'bank_account[account_number]',
      'account_number_invalid',
    ],
    [
      'an 18-digit account number',
      { ...usAccount, account_number: '000123456789000123' },
      'bank_account[account_number]',
      'account_number_invalid',
    ],
    [
      'an account number with letters',
      { ...usAccount, account_number: '000123456789A' },
      'bank_account[account_number]',
      'account_number_invalid',
    ],
    [
      'an IBAN with a wrong check digit',
      { country: 'DE', account_number: 'DE88370400440532013000' },
      'bank_account[account_number]',
      'account_number_invalid',
    ],
    [
      'an IBAN from another country',
      { country: 'FR', account_number: iban },
      'bank_account[account_number]',
      'account_number_invalid',
    ],
    [
      'a routing number on an IBAN account',
      { country: 'DE', account_number: iban, routing_number: routingNumber },
      'bank_account[routing_number]',
      'routing_number_invalid',
    ],
    ['no country', without(usAccount, 'country'), 'bank_account[country]', 'parameter_missing'],
    [
      'no routing number for a US account',
      without(usAccount, 'routing_number'),
      'bank_account[routing_number]',
      'parameter_missing',
    ],
    ['no account number', without(usAccount, 'account_number'), 'bank_account[account_number]', 'parameter_missing'],
    ['an unknown parameter', { ...usAccount, colour: 'red' }, 'bank_account[colour]', 'parameter_unknown'],
    [
      'an unknown account holder type',
      { ...usAccount, account_holder_type: 'robot' },
      'bank_account[account_holder_type]',
      undefined,
    ],
    ['a country that is not two letters', { ...usAccount, country: 'USA' }, 'bank_account[country]', undefined],
  ];
  for (const [what, bankAccount, param, code] of errors) {
    it(`answers 400 invalid_request_error ${code ?? '(no code)'} for ${what}`, async () => {
      const { status, body } = await createBankToken(bankAccount);
      assert.equal(status, 400);
      assert.equal(body.error.type, 'invalid_request_error');
      assert.equal(body.error.code, code);
      assert.equal(body.error.param, param);
      assert.equal(typeof body.error.message, 'string');
    });
  }

  it('refuses a bank_account that is not a dictionary, and an account number that is not a string', async () => {
    const flat = await call('POST', '/v1/tokens', { key: svc.publishableKey, body: `bank_account=${accountNumber}` });
    assert.equal(flat.status, 400);
    assert.equal(flat.body.error.param, 'bank_account');
    const nested = await call('POST', '/v1/tokens', {
      key: svc.publishableKey,
      body: `bank_account[country]=US&bank_account[routing_number]=${routingNumber}&bank_account[account_number][x]=${accountNumber}`,
    });
    assert.equal(nested.status, 400);
    assert.equal(nested.body.error.param, 'bank_account[account_number]');
  });
});

describe('GET /v1/tokens/:id for a bank account token', () => {
  it('returns the token to the secret key only', async () => {
    const created = await createBankToken(usAccount);
    const asSecret = await call('GET', `/v1/tokens/${created.body.id}`, { key: svc.secretKey });
    assert.equal(asSecret.status, 200);
    assert.deepEqual(asSecret.body, created.body);
    const asPublishable = await call('GET', `/v1/tokens/${created.body.id}`, { key: svc.publishableKey });
    assert.equal(asPublishable.status, 401);
  });
});

describe('stripe-node with bank_account', () => {
  it('creates and retrieves a bank account token through the official client', async () => {
    const { port } = new URL(svc.url);
    const stripe = new Stripe(svc.secretKey, { host: '127.0.0.1', port: Number(port), protocol: 'http' });
    const token = await stripe.tokens.create({
      bank_account: {
        country: 'US',
        currency: 'usd',
        account_holder_name: 'Jenny Rosen',
        account_holder_type: 'individual',
        routing_number: routingNumber,
        account_number: accountNumber,
      },
    });
    assert.match(token.id, /^btok_/);
    assert.equal(token.type, 'bank_account');
    assert.equal(token.bank_account?.last4, '6789');
    assert.equal(token.bank_account?.bank_name, 'STRIPE TEST BANK');
    const retrieved = await stripe.tokens.retrieve(token.id);
    assert.equal(retrieved.bank_account?.fingerprint, token.bank_account?.fingerprint);
    assert.equal(JSON.stringify(retrieved).includes(accountNumber), false);

    await assert.rejects(
      stripe.tokens.create({
        bank_account: { country: 'US', routing_number: '110000001', account_number: accountNumber },
      }),
      (error: { type: string; code: string; param: string; statusCode: number }) => {
        assert.equal(error.type, 'StripeInvalidRequestError');
        assert.equal(error.statusCode, 400);
        assert.equal(error.code, 'routing_number_invalid');
        assert.equal(error.param, 'bank_account[routing_number]');
        return true;
      },
    );
  });
});

describe('bank accounts at rest', () => {
  it('keeps no plaintext account number or IBAN in the database files', async () => {
    for (let i = 0; i < 3; i++) {
      assert.equal((await createBankToken(usAccount)).status, 200);
      assert.equal((await createBankToken({ country: 'DE', account_number: iban })).status, 200);
    }
    await assertNotInDatabaseFiles(svc, {
      'account number': accountNumber,
      'routing and account number': `${routingNumber}${accountNumber}`,
      IBAN: iban,
      'IBAN account part': '0532013000',
    });
  });
});
