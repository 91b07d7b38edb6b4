import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPlaidToken } from '../../src/server/plaid/sandbox';
import { openPlaidStore } from '../../src/server/plaid/store';
import {
  assertNotInDatabaseFiles,
  callService,
  formBody,
  startTestService,
  type Answer,
  type CallOptions,
  type TestService,
} from './helpers';

const checkingNumber = '000123456789';
const savingsNumber = '000987654321';
const routingNumber = '110000000';
const institutionId = 'ins_109508';

/** Raw values no response may hold. The routing number alone is public, as in Stripe. */
const rawValues = [
  checkingNumber,
  savingsNumber,
  `${routingNumber}${checkingNumber}`,
  `${routingNumber}${savingsNumber}`,
];

const errorKeys = [
  'display_message',
  'documentation_url',
  'error_code',
  'error_message',
  'error_type',
  'request_id',
  'suggested_action',
];

let svc: TestService;
let credentials: { client_id: string; secret: string };

before(async () => {
  svc = await startTestService();
  const { clientId, secret } = svc.service.dev!.plaid;
  credentials = { client_id: clientId, secret };
});
after(async () => {
  await svc.close();
});

async function call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const answer = await callService(svc, method, path, options);
  for (const value of rawValues) assert.equal(answer.text.includes(value), false, 'a raw value is in the response');
  return answer;
}

/** A Plaid call as plaid-node makes it: JSON, credentials in the body unless headers are given. */
function plaid(path: string, body: Record<string, unknown>, headers?: Record<string, string>): Promise<Answer> {
  const payload = headers ? body : { ...credentials, ...body };
  return call('POST', `/plaid${path}`, {
    body: JSON.stringify(payload),
    headers: { 'content-type': 'application/json', ...headers },
  });
}

const createPublicToken = (body: Record<string, unknown> = {}) =>
  plaid('/sandbox/public_token/create', { institution_id: institutionId, initial_products: ['auth'], ...body });

/** Link, in the sandbox: a public token exchanged for an access token. */
async function linkItem(): Promise<{ accessToken: string; itemId: string }> {
  const created = await createPublicToken();
  assert.equal(created.status, 200, created.text);
  const exchanged = await plaid('/item/public_token/exchange', { public_token: created.body.public_token });
  assert.equal(exchanged.status, 200, exchanged.text);
  return { accessToken: exchanged.body.access_token, itemId: exchanged.body.item_id };
}

async function accountsOf(accessToken: string) {
  const answer = await plaid('/accounts/get', { access_token: accessToken });
  assert.equal(answer.status, 200, answer.text);
  const byName = (name: string) => answer.body.accounts.find((account: { name: string }) => account.name === name);
  return { checking: byName('Plaid Checking'), saving: byName('Plaid Saving'), answer };
}

function assertPlaidError(answer: Answer, status: number, type: string, code: string): void {
  assert.equal(answer.status, status, answer.text);
  assert.deepEqual(Object.keys(answer.body).sort(), errorKeys);
  assert.equal(answer.body.error_type, type);
  assert.equal(answer.body.error_code, code);
  assert.equal(typeof answer.body.error_message, 'string');
  // Plaid's error reference: one page per type, one anchor per code.
  const page = {
    INVALID_REQUEST: 'invalid-request',
    INVALID_INPUT: 'invalid-input',
    ITEM_ERROR: 'item',
    API_ERROR: 'api',
  }[type];
  assert.equal(answer.body.documentation_url, `https://plaid.com/docs/errors/${page}/#${code.toLowerCase()}`);
  assert.equal(answer.body.suggested_action, null);
  assert.ok(answer.body.display_message === null || typeof answer.body.display_message === 'string');
  assert.equal(answer.body.request_id, answer.headers.get('request-id'));
}

describe('Plaid sandbox → Stripe bank account token', () => {
  it('links an Item, lists its accounts and makes a btok_ the vault returns and a customer consumes once', async () => {
    const created = await createPublicToken({
      options: { override_username: 'user_good', override_password: 'pass_good' },
    });
    assert.equal(created.status, 200, created.text);
    assert.deepEqual(Object.keys(created.body), ['public_token', 'request_id']);
    assert.match(created.body.public_token, /^public-sandbox-[0-9a-f-]{36}$/);
    assert.equal(created.body.request_id, created.headers.get('request-id'));

    const exchanged = await plaid('/item/public_token/exchange', { public_token: created.body.public_token });
    assert.equal(exchanged.status, 200, exchanged.text);
    assert.deepEqual(Object.keys(exchanged.body), ['access_token', 'item_id', 'request_id']);
    assert.match(exchanged.body.access_token, /^access-sandbox-[0-9a-f-]{36}$/);
    const accessToken: string = exchanged.body.access_token;

    const { checking, saving, answer } = await accountsOf(accessToken);
    assert.equal(answer.body.accounts.length, 2);
    assert.equal(answer.body.item.item_id, exchanged.body.item_id);
    assert.equal(answer.body.item.institution_id, institutionId);
    assert.equal(answer.body.item.institution_name, 'First Platypus Bank');
    // The product lists as Plaid documents them: what the Item was created with, and what it could add.
    assert.deepEqual(answer.body.item.products, ['auth']);
    assert.deepEqual(answer.body.item.billed_products, ['auth']);
    assert.deepEqual(answer.body.item.consented_products, ['auth']);
    assert.ok(answer.body.item.available_products.includes('transactions'));
    assert.ok(!answer.body.item.available_products.includes('auth'));
    assert.deepEqual(checking, {
      account_id: checking.account_id,
      balances: { available: 100, current: 110, iso_currency_code: 'USD', limit: null, unofficial_currency_code: null },
      mask: '6789',
      name: 'Plaid Checking',
      official_name: 'Plaid Gold Standard 0% Interest Checking',
      subtype: 'checking',
      type: 'depository',
    });
    assert.equal(saving.mask, '4321');
    assert.equal(saving.subtype, 'savings');
    assert.notEqual(checking.account_id, saving.account_id);

    const processor = await plaid('/processor/stripe/bank_account_token/create', {
      access_token: accessToken,
      account_id: checking.account_id,
    });
    assert.equal(processor.status, 200, processor.text);
    assert.deepEqual(Object.keys(processor.body), ['stripe_bank_account_token', 'request_id']);
    const tokenId: string = processor.body.stripe_bank_account_token;
    assert.match(tokenId, /^btok_[0-9A-Za-z]{24}$/);

    const token = await call('GET', `/v1/tokens/${tokenId}`, { key: svc.secretKey });
    assert.equal(token.status, 200, token.text);
    assert.equal(token.body.type, 'bank_account');
    assert.equal(token.body.used, false);
    assert.equal(token.body.bank_account.bank_name, 'STRIPE TEST BANK');
    assert.equal(token.body.bank_account.last4, '6789');
    assert.equal(token.body.bank_account.routing_number, routingNumber);
    assert.equal(token.body.bank_account.account_type, 'checking');
    assert.equal(token.body.bank_account.country, 'US');
    assert.equal(token.body.bank_account.currency, 'usd');

    const customer = await call('POST', '/v1/customers', { key: svc.secretKey, body: formBody({ source: tokenId }) });
    assert.equal(customer.status, 200, customer.text);
    assert.equal(customer.body.sources.data[0].object, 'bank_account');
    assert.equal(customer.body.sources.data[0].last4, '6789');
    assert.equal(customer.body.default_source, token.body.bank_account.id);

    const again = await call('POST', '/v1/customers', { key: svc.secretKey, body: formBody({ source: tokenId }) });
    assert.equal(again.status, 400, again.text);
    assert.equal(again.body.error.code, 'token_already_used');
  });

  it('makes a fresh single-use token per call, for savings too, fingerprinted like the same account typed in', async () => {
    const { accessToken } = await linkItem();
    const { checking, saving } = await accountsOf(accessToken);
    const tokenFor = async (accountId: string) => {
      const answer = await plaid('/processor/stripe/bank_account_token/create', {
        access_token: accessToken,
        account_id: accountId,
      });
      assert.equal(answer.status, 200, answer.text);
      return (await call('GET', `/v1/tokens/${answer.body.stripe_bank_account_token}`, { key: svc.secretKey })).body;
    };

    const savingsToken = await tokenFor(saving.account_id);
    assert.equal(savingsToken.bank_account.last4, '4321');
    assert.equal(savingsToken.bank_account.account_type, 'savings');

    const first = await tokenFor(checking.account_id);
    const second = await tokenFor(checking.account_id);
    assert.notEqual(first.id, second.id);
    assert.equal(first.bank_account.fingerprint, second.bank_account.fingerprint);
    assert.notEqual(first.bank_account.fingerprint, savingsToken.bank_account.fingerprint);

    const typedIn = await call('POST', '/v1/tokens', {
      key: svc.publishableKey,
      body: formBody({
        bank_account: { country: 'US', currency: 'usd', routing_number: routingNumber, account_number: checkingNumber },
      }),
    });
    assert.equal(typedIn.status, 200, typedIn.text);
    assert.equal(typedIn.body.bank_account.fingerprint, first.bank_account.fingerprint);
  });

  it('accepts the credentials in the PLAID-CLIENT-ID / PLAID-SECRET headers', async () => {
    const answer = await plaid(
      '/sandbox/public_token/create',
      { institution_id: institutionId, initial_products: ['auth'] },
      { 'plaid-client-id': credentials.client_id, 'plaid-secret': credentials.secret },
    );
    assert.equal(answer.status, 200, answer.text);
  });

  it('keeps account numbers, access tokens and public tokens out of the database files', async () => {
    const created = await createPublicToken();
    const unexchanged: string = created.body.public_token;
    const { accessToken } = await linkItem();
    const { checking } = await accountsOf(accessToken);
    const processor = await plaid('/processor/stripe/bank_account_token/create', {
      access_token: accessToken,
      account_id: checking.account_id,
    });
    assert.equal(processor.status, 200, processor.text);
    await assertNotInDatabaseFiles(svc, {
      'checking account number': checkingNumber,
      'savings account number': savingsNumber,
      'access token': accessToken,
      'public token': unexchanged,
    });
  });
});

describe('Plaid sandbox errors', () => {
  it('refuses wrong or missing credentials with INVALID_API_KEYS, in the body or in headers', async () => {
    const base = { institution_id: institutionId, initial_products: ['auth'] };
    const path = '/sandbox/public_token/create';
    const attempts = [
      plaid(path, { ...base, secret: 'wrong-secret' }),
      plaid(path, { ...base, client_id: 'wrong-client' }),
      plaid(path, base, {}),
      plaid(path, base, { 'plaid-client-id': credentials.client_id }),
      plaid(path, base, { 'plaid-client-id': credentials.client_id, 'plaid-secret': 'wrong-secret' }),
      plaid(path, base, { 'plaid-client-id': 'wrong-client', 'plaid-secret': credentials.secret }),
      plaid(path, { ...base, client_id: credentials.client_id, secret: 42 }, {}),
    ];
    for (const answer of await Promise.all(attempts)) {
      assertPlaidError(answer, 400, 'INVALID_INPUT', 'INVALID_API_KEYS');
      assert.equal(answer.text.includes('wrong-secret'), false);
      assert.equal(answer.text.includes(credentials.secret), false);
    }
    // Every route, not just the first one.
    assertPlaidError(await plaid('/accounts/get', { access_token: 'x' }, {}), 400, 'INVALID_INPUT', 'INVALID_API_KEYS');
  });

  it('refuses an unknown institution', async () => {
    const answer = await createPublicToken({ institution_id: 'ins_000000' });
    assertPlaidError(answer, 400, 'INVALID_INPUT', 'INVALID_INSTITUTION');
    const inherited = await createPublicToken({ institution_id: 'constructor' });
    assertPlaidError(inherited, 400, 'INVALID_INPUT', 'INVALID_INSTITUTION');
  });

  it('refuses test credentials other than user_good / pass_good with ITEM_ERROR INVALID_CREDENTIALS', async () => {
    for (const options of [
      { override_username: 'user_good', override_password: 'pass_bad' },
      { override_username: 'user_bad', override_password: 'pass_good' },
      { override_password: 'wrong' },
    ]) {
      const answer = await createPublicToken({ options });
      assertPlaidError(answer, 400, 'ITEM_ERROR', 'INVALID_CREDENTIALS');
      assert.equal(typeof answer.body.display_message, 'string');
      assert.equal(answer.text.includes('pass_bad'), false);
    }
  });

  it('exchanges a public token once, and never an unknown or expired one', async () => {
    const created = await createPublicToken();
    const publicToken: string = created.body.public_token;
    const exchange = (token: string) => plaid('/item/public_token/exchange', { public_token: token });
    const [first, second] = [await exchange(publicToken), await exchange(publicToken)];
    assert.equal(first.status, 200, first.text);
    assertPlaidError(second, 400, 'INVALID_INPUT', 'INVALID_PUBLIC_TOKEN');
    assertPlaidError(await exchange('public-sandbox-unknown'), 400, 'INVALID_INPUT', 'INVALID_PUBLIC_TOKEN');

    // Same Item, a public token that expired a second ago (Plaid's 30 minutes, elapsed).
    const expired = 'public-sandbox-00000000-0000-4000-8000-000000000000';
    const plaidStore = await openPlaidStore(svc.service.stores.database);
    await plaidStore.savePlaidPublicToken({
      tokenHash: hashPlaidToken(expired),
      itemId: first.body.item_id,
      expiresAt: svc.service.app.clock.now() - 1,
    });
    assertPlaidError(await exchange(expired), 400, 'INVALID_INPUT', 'INVALID_PUBLIC_TOKEN');
  });

  it('refuses an unknown access token', async () => {
    const unknown = 'access-sandbox-00000000-0000-4000-8000-000000000000';
    assertPlaidError(
      await plaid('/accounts/get', { access_token: unknown }),
      400,
      'INVALID_INPUT',
      'INVALID_ACCESS_TOKEN',
    );
    const processor = await plaid('/processor/stripe/bank_account_token/create', {
      access_token: unknown,
      account_id: 'whatever',
    });
    assertPlaidError(processor, 400, 'INVALID_INPUT', 'INVALID_ACCESS_TOKEN');
  });

  it("refuses an account_id that is not the Item's, including another Item's", async () => {
    const { accessToken } = await linkItem();
    const other = await linkItem();
    const { checking: othersChecking } = await accountsOf(other.accessToken);
    for (const accountId of ['no-such-account', othersChecking.account_id, 'constructor']) {
      const answer = await plaid('/processor/stripe/bank_account_token/create', {
        access_token: accessToken,
        account_id: accountId,
      });
      assertPlaidError(answer, 400, 'INVALID_INPUT', 'INVALID_ACCOUNT_ID');
    }
  });

  it('names the missing field with INVALID_REQUEST MISSING_FIELDS', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['/sandbox/public_token/create', { initial_products: ['auth'] }, 'institution_id'],
      ['/sandbox/public_token/create', { institution_id: institutionId }, 'initial_products'],
      ['/item/public_token/exchange', {}, 'public_token'],
      ['/accounts/get', {}, 'access_token'],
      ['/processor/stripe/bank_account_token/create', { account_id: 'a' }, 'access_token'],
      ['/processor/stripe/bank_account_token/create', { access_token: 'access-sandbox-x' }, 'account_id'],
    ];
    for (const [path, body, field] of cases) {
      const answer = await plaid(path, body);
      assertPlaidError(answer, 400, 'INVALID_REQUEST', 'MISSING_FIELDS');
      assert.match(answer.body.error_message, new RegExp(`: ${field}$`), `${path} without ${field}`);
    }
  });

  it('refuses fields of the wrong type with INVALID_REQUEST INVALID_FIELD', async () => {
    const answer = await createPublicToken({ initial_products: [] });
    assertPlaidError(answer, 400, 'INVALID_REQUEST', 'INVALID_FIELD');
    assert.match(answer.body.error_message, /initial_products/);
    const options = await createPublicToken({ options: 'user_good' });
    assertPlaidError(options, 400, 'INVALID_REQUEST', 'INVALID_FIELD');
    const product = await createPublicToken({ initial_products: ['auth', 'teleportation'] });
    assertPlaidError(product, 400, 'INVALID_REQUEST', 'INVALID_FIELD');
    assert.match(product.body.error_message, /initial_products/);
  });

  it("reports an Item's products as created, billed (never balance, which is billed per call) and still available", async () => {
    const created = await createPublicToken({ initial_products: ['transactions', 'balance', 'auth', 'auth'] });
    assert.equal(created.status, 200, created.text);
    const exchanged = await plaid('/item/public_token/exchange', { public_token: created.body.public_token });
    const { answer } = await accountsOf(exchanged.body.access_token);
    const { item } = answer.body;
    assert.deepEqual(item.products, ['auth', 'balance', 'transactions']);
    assert.deepEqual(item.consented_products, ['auth', 'balance', 'transactions']);
    assert.deepEqual(item.billed_products, ['auth', 'transactions']);
    for (const product of item.products) assert.ok(!item.available_products.includes(product), product);
    assert.ok(item.available_products.includes('identity'));
  });

  it('answers bodies that are not a JSON object with a 4xx INVALID_BODY, never a 5xx', async () => {
    const path = '/plaid/accounts/get';
    const json = { 'content-type': 'application/json' };
    const attempts: CallOptions[] = [
      { body: formBody({ ...credentials, access_token: 'access-sandbox-x' }) },
      { body: '{"client_id": ', headers: json },
      { body: '', headers: json },
      { body: '[]', headers: json },
      { body: '"text"', headers: json },
      { body: 'access_token=x', headers: { 'content-type': 'text/plain' } },
      { body: '{"__proto__": {"polluted": true}}', headers: json },
      { body: JSON.stringify({ ...credentials, access_token: 'a'.repeat(100_000) }), headers: json },
      {},
    ];
    for (const options of attempts) {
      const answer = await call('POST', path, options);
      assert.ok(answer.status >= 400 && answer.status < 500, `${answer.status} for ${options.body?.slice(0, 30)}`);
      assert.deepEqual(Object.keys(answer.body).sort(), errorKeys);
      // Unparseable bodies fail first; parseable ones without credentials fail on those.
      assert.ok(['INVALID_BODY', 'INVALID_API_KEYS'].includes(answer.body.error_code), answer.text);
    }
    const headerCredentials = { 'plaid-client-id': credentials.client_id, 'plaid-secret': credentials.secret };
    for (const body of ['[]', '"text"', 'null']) {
      const answer = await call('POST', path, { body, headers: { ...json, ...headerCredentials } });
      assertPlaidError(answer, 400, 'INVALID_REQUEST', 'INVALID_BODY');
    }
    const malformed = await call('POST', path, { body: '{"access_token": "x"', headers: json });
    assertPlaidError(malformed, 400, 'INVALID_REQUEST', 'INVALID_BODY');
  });

  it('answers unknown sandbox routes with Plaid NOT_FOUND and leaves the Stripe API form-encoded', async () => {
    const unknown = await plaid('/item/remove', { access_token: 'x' });
    assertPlaidError(unknown, 404, 'INVALID_REQUEST', 'NOT_FOUND');

    const jsonToStripe = await call('POST', '/v1/tokens', {
      key: svc.publishableKey,
      body: JSON.stringify({ bank_account: { country: 'US' } }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(jsonToStripe.status, 415, jsonToStripe.text);
    assert.equal(jsonToStripe.body.error.type, 'invalid_request_error');
  });
});
