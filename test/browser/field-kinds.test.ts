import { expect } from '@open-wc/testing';
import {
  configure,
  createToken,
  type TokenframeBankAccount,
  type TokenframeCvcUpdate,
  type TokenframePii,
} from '../../src/host/index';
import {
  click,
  env,
  frameInput,
  frameTexts,
  mountReady,
  nextChangeError,
  press,
  recordRequests,
  shownErrors,
  tokenRequests,
  type,
} from './helpers';

describe('<tokenframe-bank-account>', () => {
  it('names the bank once the routing number is recognised and tokenizes to a btok_ token', async () => {
    const bank = await mountReady<TokenframeBankAccount>('tokenframe-bank-account', 'bank-us');
    await type('bank-us', 'Routing number', '110000000');
    expect(await frameTexts('bank-us', '.suffix')).to.deep.equal(['STRIPE TEST BANK']);
    await type('bank-us', 'Account number', '000123456789');
    await type('bank-us', 'Confirm account number', '000123456789');
    await type('bank-us', 'Account holder name', 'Jenny Rosen');
    const { token, error } = await bank.tokenize();
    expect(error).to.equal(undefined);
    expect(token!.id).to.match(/^btok_/);
    expect(token!.bank_account).to.include({
      bank_name: 'STRIPE TEST BANK',
      last4: '6789',
      routing_number: '110000000',
      country: 'US',
      currency: 'usd',
      account_holder_name: 'Jenny Rosen',
      account_holder_type: 'individual',
      status: 'new',
    });
    expect(JSON.stringify(token)).not.to.contain('000123456789');
  });

  it('rejects a routing number that fails the ABA checksum and a confirmation that does not match', async () => {
    const bank = await mountReady<TokenframeBankAccount>('tokenframe-bank-account', 'bank-bad');
    await recordRequests();
    const error = nextChangeError(bank);
    await type('bank-bad', 'Routing number', '110000001');
    expect((await error).code).to.equal('routing_number_invalid');
    await type('bank-bad', 'Account number', '000123456789');
    await type('bank-bad', 'Confirm account number', '000123456780');
    await type('bank-bad', 'Account holder name', 'Jenny Rosen');
    const result = await bank.tokenize();
    expect(result.error).to.include({ type: 'validation_error', code: 'routing_number_invalid' });
    expect(await shownErrors('bank-bad')).to.deep.equal([
      'Your routing number is invalid.',
      'The account numbers do not match.',
    ]);
    expect(await tokenRequests()).to.deep.equal([]);
  });

  it('takes an IBAN for IBAN countries, with the country from the attribute', async () => {
    const bank = await mountReady<TokenframeBankAccount>('tokenframe-bank-account', 'bank-de', { country: 'DE' });
    await type('bank-de', 'IBAN', 'DE89 3704 0044 0532 0130 01');
    await type('bank-de', 'Account holder name', 'Jenny Rosen');
    expect((await bank.tokenize()).error).to.include({ code: 'iban_invalid' });
    await press('bank-de', 'IBAN', 'End');
    await press('bank-de', 'IBAN', 'Backspace');
    await type('bank-de', 'IBAN', '0');
    const { token, error } = await bank.tokenize();
    expect(error).to.equal(undefined);
    expect(token!.id).to.match(/^btok_/);
    expect(token!.bank_account).to.include({ country: 'DE', currency: 'eur', last4: '3000', routing_number: null });
  });
});

describe('<tokenframe-cvc-update>', () => {
  it('expects four digits for American Express and tokenizes to a cvctok_ token', async () => {
    const cvc = await mountReady<TokenframeCvcUpdate>('tokenframe-cvc-update', 'cvc-amex', { brand: 'amex' });
    expect((await frameInput('cvc-amex', 'American Express security code')).maxlength).to.equal('4');
    await type('cvc-amex', 'American Express security code', '123');
    expect((await cvc.tokenize()).error).to.include({ code: 'incomplete_cvc' });
    await type('cvc-amex', 'American Express security code', '4');
    const { token } = await cvc.tokenize();
    expect(token).to.include({ type: 'cvc_update', used: false });
    expect(token!.id).to.match(/^cvctok_/);
    expect(JSON.stringify(token)).not.to.match(/(?<![A-Za-z0-9])1234(?![A-Za-z0-9])/);
  });
});

describe('<tokenframe-pii>', () => {
  it('formats and masks an SSN, reveals it on request, and tokenizes to a pii_ token', async () => {
    const pii = await mountReady<TokenframePii>('tokenframe-pii', 'pii-ssn');
    await type('pii-ssn', 'Social Security number', '000000000');
    expect(await frameInput('pii-ssn', 'Social Security number')).to.include({
      value: '000-00-0000',
      type: 'password',
    });
    await click('pii-ssn', 'Show number');
    expect((await frameInput('pii-ssn', 'Social Security number')).type).to.equal('text');
    const { token } = await pii.tokenize();
    expect(token).to.include({ type: 'pii', used: false });
    expect(token!.id).to.match(/^pii_/);
  });

  it('rejects an SSN the SSA never issues, without sending it', async () => {
    const pii = await mountReady<TokenframePii>('tokenframe-pii', 'pii-bad');
    await recordRequests();
    await type('pii-bad', 'Social Security number', '666123456');
    expect((await pii.tokenize()).error).to.include({ code: 'id_number_invalid' });
    expect(await shownErrors('pii-bad')).to.deep.equal(['Your ID number is invalid.']);
    expect(await tokenRequests()).to.deep.equal([]);
  });

  it('takes a generic ID number for other countries', async () => {
    const pii = await mountReady<TokenframePii>('tokenframe-pii', 'pii-de', { country: 'DE' });
    await type('pii-de', 'ID number', 'L01X00T47');
    expect((await pii.tokenize()).token!.id).to.match(/^pii_/);
  });
});

describe('createToken(account | person)', () => {
  before(() => configure({ origin: env.url, publishableKey: env.publishableKey }));

  it('creates a ct_ account token through the hidden frame', async () => {
    const { token, error } = await createToken('account', {
      business_type: 'individual',
      individual: {
        first_name: 'Jane',
        last_name: 'Doe',
        dob: { day: 1, month: 1, year: 1990 },
        id_number: '000000000',
      },
      tos_shown_and_accepted: true,
    });
    expect(error).to.equal(undefined);
    expect(token).to.include({ type: 'account', used: false });
    expect(token!.id).to.match(/^ct_/);
    expect(JSON.stringify(token)).not.to.contain('000000000');
    // One frame for these tokens, taking no room on the page (an inline display would override `hidden`).
    const frames = document.querySelectorAll<HTMLIFrameElement>('iframe[src*="/frame/v1/tokens.html"]');
    expect(frames).to.have.length(1);
    expect([getComputedStyle(frames[0]).display, frames[0].getBoundingClientRect().height]).to.deep.equal(['none', 0]);
  });

  it('creates a cpt_ person token, and reports the service’s parameter errors', async () => {
    const person = await createToken('person', {
      first_name: 'Jenny',
      last_name: 'Rosen',
      relationship: { representative: true, title: 'CEO' },
    });
    expect(person.token!.id).to.match(/^cpt_/);
    const unknown = await createToken('person', { first_name: 'Jenny', favourite_colour: 'blue' });
    expect(unknown.error).to.include({ code: 'parameter_unknown', param: 'person[favourite_colour]' });
    const badDate = await createToken('person', { dob: { day: 31, month: 2, year: 1990 } });
    expect(badDate.error!.code).to.match(/^parameter_invalid_/);
  });
});
