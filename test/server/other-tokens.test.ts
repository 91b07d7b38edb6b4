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

const cvc = '9371';
const ssn = '000000000';
const personIdNumber = '222334444';
const accountIdNumber = 'X1234567Z';

/** Raw values that no response may contain. */
const secrets = [cvc, ssn, personIdNumber, accountIdNumber];

const futureYear = String(new Date().getFullYear() + 3);

const individual = {
  first_name: 'Jane',
  last_name: 'Doe',
  email: 'jane@example.com',
  phone: '+15555550100',
  id_number: accountIdNumber,
  ssn_last_4: '4444',
  dob: { day: '1', month: '2', year: '1980' },
  address: { line1: '510 Townsend St', city: 'San Francisco', state: 'CA', postal_code: '94103', country: 'US' },
  metadata: { crm_id: '42' },
  relationship: { owner: 'true', director: 'false', percent_ownership: '62.5', title: 'CEO' },
  verification: { document: { front: 'file_front', back: 'file_back' } },
};

const person = {
  first_name: 'Jane',
  last_name: 'Doe',
  id_number: personIdNumber,
  nationality: 'US',
  dob: { day: '29', month: '2', year: '1988' },
  relationship: { owner: 'true', representative: 'true', executive: 'true', percent_ownership: '100' },
};

let svc: TestService;
before(async () => {
  svc = await startTestService();
});
after(async () => {
  await svc.close();
});

async function call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const answer = await callService(svc, method, path, options);
  // A timestamp could hold a short CVC by chance.
  const text = answer.text.replace(/"created":\d+/g, '');
  for (const value of secrets) assert.equal(text.includes(value), false, 'a raw value is in the response');
  return answer;
}

const create = (params: Record<string, unknown>, key = svc.publishableKey) =>
  call('POST', '/v1/tokens', { key, body: formBody(params) });

/** The shape every non-card token shares, field by field and in Stripe's order. */
function assertBareToken(body: Answer['body'], prefix: string, type: string) {
  assert.deepEqual(Object.keys(body), [
    'id',
    'object',
    'client_ip',
    'created',
    'livemode',
    'redaction',
    'type',
    'used',
  ]);
  assert.match(body.id, new RegExp(`^${prefix}_[0-9A-Za-z]{24}$`));
  assert.ok(Math.abs(body.created - Date.now() / 1000) < 60);
  assert.deepEqual(body, {
    id: body.id,
    object: 'token',
    client_ip: '127.0.0.1',
    created: body.created,
    livemode: false,
    redaction: null,
    type,
    used: false,
  });
}

function assertError(
  answer: Answer,
  status: number,
  type: string,
  code: string | undefined,
  param: string | undefined,
) {
  assert.equal(answer.status, status, answer.text);
  assert.equal(answer.body.error.type, type);
  assert.equal(answer.body.error.code, code);
  assert.equal(answer.body.error.param, param);
  assert.equal(typeof answer.body.error.message, 'string');
}

async function assertSecretKeyOnly(created: Answer) {
  const asSecret = await call('GET', `/v1/tokens/${created.body.id}`, { key: svc.secretKey });
  assert.equal(asSecret.status, 200);
  assert.deepEqual(asSecret.body, created.body);
  const asPublishable = await call('GET', `/v1/tokens/${created.body.id}`, { key: svc.publishableKey });
  assert.equal(asPublishable.status, 401);
  assert.match(asPublishable.body.error.message, /publishable API key/);
}

describe('cvc_update tokens', () => {
  it('returns a cvctok_ token for a 3- or 4-digit CVC, readable with the secret key only', async () => {
    const created = await create({ cvc_update: { cvc } });
    assert.equal(created.status, 200);
    assertBareToken(created.body, 'cvctok', 'cvc_update');
    assert.equal((await create({ cvc_update: { cvc: '123' } })).status, 200);
    await assertSecretKeyOnly(created);
  });

  for (const [what, bad] of [
    ['2 digits', '12'],
    ['5 digits', '12345'],
    ['a letter', '12a'],
  ]) {
    it(`answers 402 card_error invalid_cvc for a CVC of ${what}`, async () => {
      assertError(await create({ cvc_update: { cvc: bad } }), 402, 'card_error', 'invalid_cvc', 'cvc_update[cvc]');
    });
  }

  it('answers 400 for a missing CVC and an unknown parameter', async () => {
    assertError(
      await create({ cvc_update: { other: '1' } }),
      400,
      'invalid_request_error',
      'parameter_unknown',
      'cvc_update[other]',
    );
    assertError(
      await create({ cvc_update: { cvc: '' } }),
      400,
      'invalid_request_error',
      'parameter_missing',
      'cvc_update[cvc]',
    );
  });
});

describe('pii tokens', () => {
  it('returns a pii_ token for the test SSN, readable with the secret key only', async () => {
    const created = await create({ pii: { id_number: ssn } });
    assert.equal(created.status, 200);
    assertBareToken(created.body, 'pii', 'pii');
    assert.equal((await create({ pii: { id_number: '000-00-0000' } })).status, 200);
    await assertSecretKeyOnly(created);
  });

  for (const [what, idNumber] of [
    ['too short', '123'],
    ['too long', '1'.repeat(21)],
    ['with punctuation', '1234#5678'],
  ]) {
    it(`answers 400 id_number_invalid for an ID number ${what}`, async () => {
      assertError(
        await create({ pii: { id_number: idNumber } }),
        400,
        'invalid_request_error',
        'id_number_invalid',
        'pii[id_number]',
      );
    });
  }

  it('answers 400 for a missing ID number and an unknown parameter', async () => {
    assertError(
      await create({ pii: { id_number: '' } }),
      400,
      'invalid_request_error',
      'parameter_missing',
      'pii[id_number]',
    );
    assertError(
      await create({ pii: { id_number: ssn, ssn: ssn } }),
      400,
      'invalid_request_error',
      'parameter_unknown',
      'pii[ssn]',
    );
  });
});

describe('account tokens', () => {
  it('returns a ct_ token for an individual, readable with the secret key only', async () => {
    const created = await create({
      account: { business_type: 'individual', individual, tos_shown_and_accepted: 'true' },
    });
    assert.equal(created.status, 200);
    assertBareToken(created.body, 'ct', 'account');
    await assertSecretKeyOnly(created);
  });

  it('accepts a company', async () => {
    const created = await create({
      account: {
        business_type: 'company',
        company: {
          name: 'Rocket Rides',
          tax_id: '000000000',
          phone: '+15555550100',
          structure: 'private_corporation',
          directors_provided: 'true',
          owners_provided: 'false',
          address: { line1: '1 Main St', country: 'US' },
        },
      },
    });
    assert.equal(created.status, 200);
    assertBareToken(created.body, 'ct', 'account');
  });

  const errors: [string, Record<string, unknown>, string, string | undefined][] = [
    [
      'an unknown individual field',
      { individual: { favourite_colour: 'blue' } },
      'account[individual][favourite_colour]',
      'parameter_unknown',
    ],
    [
      'an unknown address field',
      { individual: { address: { planet: 'Mars' } } },
      'account[individual][address][planet]',
      'parameter_unknown',
    ],
    ['an unknown account field', { colour: 'red' }, 'account[colour]', 'parameter_unknown'],
    [
      'a non-integer dob part',
      { individual: { dob: { day: 'one', month: '2', year: '1980' } } },
      'account[individual][dob][day]',
      'parameter_invalid_integer',
    ],
    [
      'a missing dob part',
      { individual: { dob: { day: '1', month: '2' } } },
      'account[individual][dob][year]',
      'parameter_missing',
    ],
    [
      'February 30th',
      { individual: { dob: { day: '30', month: '2', year: '1980' } } },
      'account[individual][dob][day]',
      'parameter_invalid_date',
    ],
    [
      'month 13',
      { individual: { dob: { day: '1', month: '13', year: '1980' } } },
      'account[individual][dob][month]',
      'parameter_invalid_date',
    ],
    [
      'a year before 1901',
      { individual: { dob: { day: '1', month: '1', year: '1900' } } },
      'account[individual][dob][year]',
      'parameter_invalid_date',
    ],
    [
      'a date in the future',
      { individual: { dob: { day: '1', month: '1', year: futureYear } } },
      'account[individual][dob]',
      'parameter_invalid_date',
    ],
    [
      'a boolean that is not true or false',
      { tos_shown_and_accepted: 'yes' },
      'account[tos_shown_and_accepted]',
      'parameter_invalid_boolean',
    ],
    [
      'a relationship boolean that is not true or false',
      { individual: { relationship: { owner: '1' } } },
      'account[individual][relationship][owner]',
      'parameter_invalid_boolean',
    ],
    [
      'a percent ownership over 100',
      { individual: { relationship: { percent_ownership: '100.5' } } },
      'account[individual][relationship][percent_ownership]',
      'parameter_invalid_decimal',
    ],
    [
      'a percent ownership that is not a number',
      { individual: { relationship: { percent_ownership: 'half' } } },
      'account[individual][relationship][percent_ownership]',
      'parameter_invalid_decimal',
    ],
    [
      'an invalid ID number',
      { individual: { id_number: '12' } },
      'account[individual][id_number]',
      'id_number_invalid',
    ],
    [
      'an empty ID number',
      { individual: { id_number: '' } },
      'account[individual][id_number]',
      'parameter_invalid_empty',
    ],
    [
      'an ssn_last_4 of 3 digits',
      { individual: { ssn_last_4: '444' } },
      'account[individual][ssn_last_4]',
      'id_number_invalid',
    ],
    ['an unknown business type', { business_type: 'cooperative' }, 'account[business_type]', undefined],
    ['a string where a hash belongs', { individual: 'Jane' }, 'account[individual]', undefined],
    [
      'a hash where a string belongs',
      { individual: { first_name: { given: 'Jane' } } },
      'account[individual][first_name]',
      undefined,
    ],
    [
      'a company boolean that is not true or false',
      { company: { owners_provided: 'maybe' } },
      'account[company][owners_provided]',
      'parameter_invalid_boolean',
    ],
  ];
  for (const [what, account, param, code] of errors) {
    it(`answers 400 invalid_request_error ${code ?? '(no code)'} for ${what}`, async () => {
      assertError(await create({ account }), 400, 'invalid_request_error', code, param);
    });
  }
});

describe('person tokens', () => {
  it('returns a cpt_ token, readable with the secret key only', async () => {
    const created = await create({ person });
    assert.equal(created.status, 200);
    assertBareToken(created.body, 'cpt', 'person');
    await assertSecretKeyOnly(created);
  });

  it('knows person-only fields and refuses account-only ones', async () => {
    assert.equal((await create({ person: { relationship: { representative: 'true' } } })).status, 200);
    assertError(
      await create({ person: { business_type: 'individual' } }),
      400,
      'invalid_request_error',
      'parameter_unknown',
      'person[business_type]',
    );
    assertError(
      await create({ account: { individual: { relationship: { representative: 'true' } } } }),
      400,
      'invalid_request_error',
      'parameter_unknown',
      'account[individual][relationship][representative]',
    );
  });

  const errors: [string, Record<string, unknown>, string, string][] = [
    ['an unknown field', { favourite_colour: 'blue' }, 'person[favourite_colour]', 'parameter_unknown'],
    ['an invalid ID number', { id_number: '1-2' }, 'person[id_number]', 'id_number_invalid'],
    ['a bad dob', { dob: { day: '31', month: '4', year: '1990' } }, 'person[dob][day]', 'parameter_invalid_date'],
    [
      'a negative percent ownership',
      { relationship: { percent_ownership: '-1' } },
      'person[relationship][percent_ownership]',
      'parameter_invalid_decimal',
    ],
    [
      'a bad relationship boolean',
      { relationship: { representative: 'TRUE!' } },
      'person[relationship][representative]',
      'parameter_invalid_boolean',
    ],
  ];
  for (const [what, params, param, code] of errors) {
    it(`answers 400 invalid_request_error ${code} for ${what}`, async () => {
      assertError(await create({ person: params }), 400, 'invalid_request_error', code, param);
    });
  }
});

describe('one token kind per request', () => {
  it('answers 400 parameters_exclusive naming the second kind', async () => {
    const both = await call('POST', '/v1/tokens', {
      key: svc.publishableKey,
      body: `${formBody({ pii: { id_number: ssn } })}&${formBody({ cvc_update: { cvc } })}`,
    });
    assertError(both, 400, 'invalid_request_error', 'parameters_exclusive', 'cvc_update');
    const withCard = await call('POST', '/v1/tokens', {
      key: svc.publishableKey,
      body: `${formBody({ card: { number: '4242424242424242', exp_month: '12', exp_year: futureYear } })}&${formBody({ person })}`,
    });
    assertError(withCard, 400, 'invalid_request_error', 'parameters_exclusive', 'person');
    assert.doesNotMatch(withCard.text, /4242424242424242/);
  });

  it('still answers parameter_missing when no kind is given', async () => {
    const answer = await call('POST', '/v1/tokens', { key: svc.publishableKey, body: 'expand[]=card' });
    assertError(answer, 400, 'invalid_request_error', 'parameter_missing', undefined);
    assert.match(answer.body.error.message, /You must supply either a card/);
  });
});

describe('stripe-node with cvc_update, pii, account and person', () => {
  it('creates and retrieves each kind through the official client', async () => {
    const { port } = new URL(svc.url);
    const stripe = new Stripe(svc.secretKey, { host: '127.0.0.1', port: Number(port), protocol: 'http' });
    const tokens = [
      await stripe.tokens.create({ cvc_update: { cvc } }),
      await stripe.tokens.create({ pii: { id_number: ssn } }),
      await stripe.tokens.create({
        account: {
          business_type: 'individual',
          individual: {
            first_name: 'Jane',
            last_name: 'Doe',
            id_number: accountIdNumber,
            dob: { day: 1, month: 2, year: 1980 },
            relationship: { owner: true, percent_ownership: 50 },
          },
          tos_shown_and_accepted: true,
        },
      }),
      await stripe.tokens.create({
        person: { first_name: 'Jane', last_name: 'Doe', id_number: personIdNumber, relationship: { owner: true } },
      }),
    ];
    assert.deepEqual(
      tokens.map((token) => token.type),
      ['cvc_update', 'pii', 'account', 'person'],
    );
    assert.deepEqual(
      tokens.map((token) => token.id.split('_')[0]),
      ['cvctok', 'pii', 'ct', 'cpt'],
    );
    for (const token of tokens) {
      const retrieved = await stripe.tokens.retrieve(token.id);
      assert.equal(retrieved.id, token.id);
      assert.equal(retrieved.type, token.type);
      const text = JSON.stringify({ ...retrieved, created: 0 });
      for (const value of secrets) assert.equal(text.includes(value), false);
    }

    await assert.rejects(
      stripe.tokens.create({ pii: { id_number: '12' } }),
      (error: { type: string; code: string; param: string }) => {
        assert.equal(error.type, 'StripeInvalidRequestError');
        assert.equal(error.code, 'id_number_invalid');
        assert.equal(error.param, 'pii[id_number]');
        return true;
      },
    );
    await assert.rejects(
      stripe.tokens.create({ cvc_update: { cvc: '1' } }),
      (error: { type: string; code: string }) => {
        assert.equal(error.type, 'StripeCardError');
        assert.equal(error.code, 'invalid_cvc');
        return true;
      },
    );
  });
});

describe('cvc, pii, account and person tokens at rest', () => {
  it('keeps no plaintext CVC or ID number in the database files', async () => {
    for (let i = 0; i < 3; i++) {
      assert.equal((await create({ cvc_update: { cvc } })).status, 200);
      assert.equal((await create({ pii: { id_number: ssn } })).status, 200);
      assert.equal((await create({ account: { business_type: 'individual', individual } })).status, 200);
      assert.equal((await create({ person })).status, 200);
    }
    await assertNotInDatabaseFiles(svc, {
      // Random ciphertext and ids could hold a short CVC by chance; in plaintext it would sit in a JSON string.
      CVC: `"${cvc}"`,
      SSN: ssn,
      'person ID number': personIdNumber,
      'account ID number': accountIdNumber,
    });
  });
});
