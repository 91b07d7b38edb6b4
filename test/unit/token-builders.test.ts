import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StripeError } from '../../src/server/errors';
import { tokenBuilders, tokenKinds, isTokenKind, type TokenContext } from '../../src/server/tokens';

/** A fingerprint anyone can predict, so tests can see what was fingerprinted. */
const context: TokenContext = {
  clientIp: '203.0.113.9',
  created: 1700000000,
  livemode: false,
  fingerprint: (value) => `fp(${value.split('\u0000').join('|')})`,
};

const bare = (type: string) => ({
  object: 'token',
  client_ip: '203.0.113.9',
  created: 1700000000,
  livemode: false,
  redaction: null,
  type,
  used: false,
});

/** The token as text, minus the fingerprint, which this test's context makes readable on purpose. */
const publicText = (token: unknown) =>
  JSON.stringify(token, (key, value) => (key === 'fingerprint' ? undefined : value));

function withoutId<T extends { id: string }>(token: T): Omit<T, 'id'> {
  const copy: Partial<T> = { ...token };
  delete copy.id;
  return copy as Omit<T, 'id'>;
}

describe('token builders', () => {
  it('cover the six kinds of POST /v1/tokens', () => {
    assert.deepEqual(tokenKinds, ['card', 'bank_account', 'cvc_update', 'pii', 'account', 'person']);
    assert.equal(isTokenKind('pii'), true);
    assert.equal(isTokenKind('expand'), false);
    assert.equal(isTokenKind('constructor'), false);
  });

  it('card: keeps the number and CVC in the secret only', () => {
    const built = tokenBuilders.card(
      { number: '4242 4242 4242 4242', exp_month: '5', exp_year: '2040', cvc: '314' },
      context,
    );
    assert.match(built.token.id, /^tok_/);
    assert.equal(built.fingerprint, 'fp(4242424242424242)');
    assert.deepEqual(built.secret, { number: '4242424242424242', cvc: '314', exp_month: 5, exp_year: 2040 });
    assert.doesNotMatch(publicText(built.token), /4242424242424242|314/);
  });

  it('bank_account: fingerprints routing and account number together; only the account number is secret', () => {
    const built = tokenBuilders.bank_account(
      { country: 'US', routing_number: '110000000', account_number: '000123456789' },
      context,
    );
    const token = built.token as unknown as { id: string; bank_account: { id: string } };
    assert.match(token.id, /^btok_/);
    assert.match(token.bank_account.id, /^ba_/);
    assert.equal(built.fingerprint, 'fp(bank_account|110000000|000123456789)');
    assert.deepEqual(withoutId(built.token), {
      ...bare('bank_account'),
      bank_account: {
        id: token.bank_account.id,
        object: 'bank_account',
        account_holder_name: null,
        account_holder_type: null,
        account_type: null,
        bank_name: 'STRIPE TEST BANK',
        country: 'US',
        currency: 'usd',
        fingerprint: 'fp(bank_account|110000000|000123456789)',
        last4: '6789',
        routing_number: '110000000',
        status: 'new',
      },
    });
    assert.deepEqual(built.secret, { country: 'US', routing_number: '110000000', account_number: '000123456789' });
    assert.doesNotMatch(publicText(built.token), /000123456789/);
  });

  it('bank_account: stores an IBAN in electronic form', () => {
    const built = tokenBuilders.bank_account({ country: 'DE', account_number: 'DE89 3704 0044 0532 0130 00' }, context);
    assert.deepEqual(built.secret, { country: 'DE', routing_number: null, account_number: 'DE89370400440532013000' });
    assert.equal(built.fingerprint, 'fp(bank_account||DE89370400440532013000)');
  });

  it('bank_account: takes other countries without an IBAN or ABA checksum', () => {
    const built = tokenBuilders.bank_account(
      { country: 'CA', currency: 'CAD', routing_number: '11000-000', account_number: '000123456789' },
      context,
    );
    const bank = (built.token as unknown as { bank_account: Record<string, unknown> }).bank_account;
    assert.equal(bank.currency, 'cad');
    assert.equal(bank.routing_number, '11000-000');
    assert.equal(bank.bank_name, null);
  });

  it('cvc_update and pii: a bare token, the value in the secret', () => {
    const cvc = tokenBuilders.cvc_update({ cvc: '9371' }, context);
    assert.match(cvc.token.id, /^cvctok_/);
    assert.deepEqual(withoutId(cvc.token), bare('cvc_update'));
    assert.deepEqual(cvc.secret, { cvc: '9371' });
    assert.equal(cvc.fingerprint, null);

    const pii = tokenBuilders.pii({ id_number: '000000000' }, context);
    assert.match(pii.token.id, /^pii_/);
    assert.deepEqual(withoutId(pii.token), bare('pii'));
    assert.deepEqual(pii.secret, { id_number: '000000000' });
  });

  it('account and person: a bare token, the validated details as the secret', () => {
    const account = tokenBuilders.account(
      {
        business_type: 'individual',
        tos_shown_and_accepted: 'true',
        individual: {
          first_name: 'Jane',
          id_number: '000000000',
          dob: { day: '1', month: '2', year: '1980' },
          relationship: { owner: 'true', percent_ownership: '50' },
          metadata: { crm: '7' },
        },
      },
      context,
    );
    assert.match(account.token.id, /^ct_/);
    assert.deepEqual(withoutId(account.token), bare('account'));
    assert.deepEqual(account.secret, {
      business_type: 'individual',
      tos_shown_and_accepted: true,
      individual: {
        first_name: 'Jane',
        id_number: '000000000',
        dob: { day: 1, month: 2, year: 1980 },
        relationship: { owner: true, percent_ownership: 50 },
        metadata: { crm: '7' },
      },
    });

    const person = tokenBuilders.person(
      { last_name: 'Doe', nationality: 'FR', relationship: { representative: 'true' } },
      context,
    );
    assert.match(person.token.id, /^cpt_/);
    assert.deepEqual(withoutId(person.token), bare('person'));
    assert.deepEqual(person.secret, { last_name: 'Doe', nationality: 'FR', relationship: { representative: true } });
  });

  it('refuse parameters that are not a dictionary', () => {
    for (const kind of tokenKinds) {
      assert.throws(
        () => tokenBuilders[kind]('000000000', context),
        (error: unknown) =>
          error instanceof StripeError && error.param === kind && !error.message.includes('000000000'),
      );
    }
  });
});
