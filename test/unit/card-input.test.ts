import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCardNumberInput, formatExpiry, parseExpiry } from '../../src/frame/format';
import { stripeBrand } from '../../src/validation/brand-by-name';
import { brandByName } from '../../src/validation/brand-lookup';
import { checkCardNumber, checkExpiry, checkPostalCode, formatPostalCode } from '../../src/validation/card';

/** What the expiry field shows once `typed` went in at once (pasted or autofilled). */
const shown = (typed: string) => formatExpiry(parseExpiry(typed), false);

describe('parseExpiry: every form an expiry is typed, pasted or autofilled in', () => {
  const forms: [string, string][] = [
    ['12/30', '12 / 30'],
    ['12 / 30', '12 / 30'],
    ['12/2030', '12 / 30'],
    ['12 / 2030', '12 / 30'],
    ['1/30', '01 / 30'],
    ['1 / 2030', '01 / 30'],
    ['1230', '12 / 30'],
    ['122030', '12 / 30'],
    ['12-30', '12 / 30'],
    ['12.2030', '12 / 30'],
    ['12 30', '12 / 30'],
    ['  12 - 2030 ', '12 / 30'],
    ['130', '01 / 30'],
    ['930', '09 / 30'],
  ];
  for (const [typed, expected] of forms) {
    it(`reads ${JSON.stringify(typed)} as ${expected}`, () => assert.equal(shown(typed), expected));
  }

  it('never reads 12/2030 as December 2020, nor 1/30 as month 13', () => {
    assert.deepEqual(parseExpiry('12/2030'), { month: '12', year: '30' });
    assert.equal(Number(parseExpiry('1/30').month), 1);
    assert.equal(checkExpiry(parseExpiry('1/30').month, parseExpiry('1/30').year).state, 'complete');
  });

  it('follows the keys as they are typed one by one', () => {
    let value = '';
    const steps: string[] = [];
    for (const key of '12/2030') {
      value = formatExpiry(parseExpiry(value + key), false);
      steps.push(value);
    }
    assert.deepEqual(steps, ['1', '12 / ', '12 / ', '12 / 2', '12 / 20', '12 / 203', '12 / 30']);
    assert.equal(shown('4'), '04 / ');
    assert.equal(shown('1/'), '01 / ');
    assert.equal(shown('13'), '01 / 3');
    assert.equal(shown('12 / 305'), '12 / 30', 'a digit past a two-digit year is dropped');
  });

  it("lets the separator and the month's 0 go when deleting", () => {
    assert.equal(formatExpiry(parseExpiry('12 /'), true), '12');
    // Backspace after the 1 of `12 / 30`: the customer is about to type another digit there.
    assert.equal(formatExpiry(parseExpiry('2 / 30'), true), '2 / 30');
    assert.equal(formatExpiry(parseExpiry('0 / 30'), true), '0 / 30');
    assert.equal(shown('12 / 30'), '12 / 30');
  });

  it('reads the digits of every supported script', () => {
    for (const typed of ['١٢/٢٠٣٠', '۱۲/۳۰', '१२/२०३०', '๑๒/๓๐', '１２／２０３０', '١/٣٠']) {
      assert.match(shown(typed), /^(12|01) \/ 30$/, typed);
    }
  });

  it('judges a year still being typed as incomplete, not invalid', () => {
    assert.equal(checkExpiry('12', '203').state, 'incomplete');
    assert.equal(checkExpiry('12', '20').state, 'invalid', '2020 has passed, until a third digit comes');
    assert.equal(checkExpiry('12', '19').state, 'invalid');
  });
});

describe('card numbers pasted with any separators', () => {
  it('keeps the digits, spaced by brand', () => {
    assert.equal(formatCardNumberInput('4242\u00a04242\u00a04242\u00a04242'), '4242 4242 4242 4242');
    assert.equal(formatCardNumberInput('4242.4242.4242.4242'), '4242 4242 4242 4242');
    assert.equal(formatCardNumberInput('3782 - 822463 - 10005'), '3782 822463 10005');
    assert.equal(formatCardNumberInput('٤٢٤٢ ٤٢٤٢ ٤٢٤٢ ٤٢٤٢'), '4242 4242 4242 4242');
    assert.equal(formatCardNumberInput('४२४२४२४२४२४२४२४२'), '4242 4242 4242 4242');
  });
});

describe('stripeBrand', () => {
  it("names card-validator's types as Stripe does", () => {
    const names: Record<string, string> = {
      visa: 'visa',
      mastercard: 'mastercard',
      'master-card': 'mastercard',
      'american-express': 'amex',
      'diners-club': 'diners',
      discover: 'discover',
      jcb: 'jcb',
      unionpay: 'unionpay',
      maestro: 'maestro',
      elo: 'elo',
      mir: 'mir',
      hiper: 'hiper',
      hipercard: 'hipercard',
    };
    for (const [type, name] of Object.entries(names)) assert.equal(stripeBrand(type), name, type);
  });

  it('says unknown when no brand was detected', () => {
    assert.equal(stripeBrand(null), 'unknown');
    assert.equal(stripeBrand(checkCardNumber('3').brand?.type), 'unknown');
    assert.equal(stripeBrand(checkCardNumber('378282246310005').brand?.type), 'amex');
  });

  it('finds the brand a merchant names in either vocabulary', () => {
    assert.equal(brandByName('amex')?.type, 'american-express');
    assert.equal(brandByName('American Express')?.type, 'american-express');
    assert.equal(brandByName('diners')?.type, 'diners-club');
    assert.equal(brandByName('mastercard')?.type, 'mastercard');
    assert.equal(brandByName('nonsense'), null);
  });
});

describe('the brands option', () => {
  it('refuses a number of another brand as soon as the brand is known', () => {
    const amex = checkCardNumber('37', 'visa, mastercard');
    assert.equal(amex.state, 'invalid');
    assert.equal(amex.error?.code, 'card_brand_not_accepted');
    assert.equal(amex.error?.message, "Your card's brand is not accepted.");
  });

  it('accepts the listed brands, and every brand without a list', () => {
    assert.equal(checkCardNumber('4242424242424242', 'visa,mastercard').state, 'complete');
    assert.equal(checkCardNumber('378282246310005', 'AMEX').state, 'complete');
    assert.equal(checkCardNumber('378282246310005').state, 'complete');
    assert.equal(checkCardNumber('378282246310005', '').state, 'complete');
    assert.equal(checkCardNumber('3', 'visa').state, 'incomplete', 'no brand yet');
  });
});

describe('postal codes', () => {
  it('accepts US, Canadian, UK and other codes of 3 to 10 letters and digits', () => {
    for (const zip of [
      '94107',
      '94107-1234',
      'K1A 0B1',
      'SW1A 1AA',
      'M1 1AE',
      '75001',
      '1012 AB',
      '100-0001',
      'D02 X285',
    ]) {
      assert.equal(checkPostalCode(zip).state, 'complete', zip);
    }
    assert.equal(checkPostalCode('').state, 'empty');
    for (const zip of ['12', '12345678901', '941#07']) assert.equal(checkPostalCode(zip).state, 'incomplete', zip);
  });

  it('shows them in capitals, spaced as written in their country', () => {
    assert.equal(formatPostalCode('k1a0b1'), 'K1A 0B1');
    assert.equal(formatPostalCode('sw1a1aa'), 'SW1A 1AA');
    assert.equal(formatPostalCode('ec1a 1bb'), 'EC1A 1BB');
    assert.equal(formatPostalCode('941071234'), '94107-1234');
    assert.equal(formatPostalCode('94107'), '94107');
    assert.equal(formatPostalCode('1012 ab'), '1012 AB');
    assert.equal(formatPostalCode('k1a0b'), 'K1A0B', 'incomplete: as typed');
  });
});
