import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateCardParams } from '../../src/validation/card';

const futureYear = String(new Date().getFullYear() + 3);

/** Every card in TEST_DATA.md that tokenizes, with the brand Stripe names and its CVC length. */
const testCards = [
  { number: '4242424242424242', brand: 'Visa', cvc: '123' },
  { number: '4000056655665556', brand: 'Visa', cvc: '123' },
  { number: '5555555555554444', brand: 'MasterCard', cvc: '123' },
  { number: '2223003122003222', brand: 'MasterCard', cvc: '123' },
  { number: '378282246310005', brand: 'American Express', cvc: '1234' },
  { number: '6011111111111117', brand: 'Discover', cvc: '123' },
  { number: '3056930009020004', brand: 'Diners Club', cvc: '123' },
  { number: '3566002020360505', brand: 'JCB', cvc: '123' },
  { number: '6200000000000005', brand: 'UnionPay', cvc: '123' },
  { number: '4000000000000002', brand: 'Visa', cvc: '123' },
];

function errorCode(card: Record<string, string>) {
  const result = validateCardParams(card);
  return result.ok ? null : result.error.code;
}

describe('validateCardParams', () => {
  for (const card of testCards) {
    it(`accepts ${card.brand} ${card.number}`, () => {
      const result = validateCardParams({ number: card.number, exp_month: '12', exp_year: futureYear, cvc: card.cvc });
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.card.brand.name, card.brand);
      assert.equal(result.card.number, card.number);
      assert.equal(result.card.expMonth, 12);
      assert.equal(result.card.expYear, Number(futureYear));
    });
  }

  it('accepts spaces in the number and a two-digit year', () => {
    const result = validateCardParams({ number: '4242 4242 4242 4242', exp_month: '5', exp_year: futureYear.slice(2) });
    assert.ok(result.ok);
    assert.equal(result.card.number, '4242424242424242');
    assert.equal(result.card.expYear, Number(futureYear));
    assert.equal(result.card.cvc, null);
  });

  it('rejects a number that fails Luhn', () => {
    assert.equal(errorCode({ number: '4242424242424241', exp_month: '12', exp_year: futureYear }), 'incorrect_number');
  });

  it('rejects letters and short numbers', () => {
    assert.equal(errorCode({ number: '4242abcd42424242', exp_month: '12', exp_year: futureYear }), 'incorrect_number');
    assert.equal(errorCode({ number: '4242', exp_month: '12', exp_year: futureYear }), 'incorrect_number');
  });

  it('rejects invalid months', () => {
    for (const month of ['0', '13', 'ab', '123']) {
      assert.equal(
        errorCode({ number: '4242424242424242', exp_month: month, exp_year: futureYear }),
        'invalid_expiry_month',
        month,
      );
    }
  });

  it('rejects past and malformed years', () => {
    for (const year of ['2020', '19', '202', 'abcd']) {
      assert.equal(
        errorCode({ number: '4242424242424242', exp_month: '12', exp_year: year }),
        'invalid_expiry_year',
        year,
      );
    }
  });

  it('rejects a month already past in the current year', (t) => {
    const now = new Date();
    if (now.getMonth() === 0) return t.skip('January has no past month');
    const code = errorCode({
      number: '4242424242424242',
      exp_month: String(now.getMonth()),
      exp_year: String(now.getFullYear()),
    });
    assert.equal(code, 'invalid_expiry_month');
  });

  it('takes the CVC length from the brand', () => {
    const visa = { number: '4242424242424242', exp_month: '12', exp_year: futureYear };
    const amex = { number: '378282246310005', exp_month: '12', exp_year: futureYear };
    assert.equal(errorCode({ ...visa, cvc: '123' }), null);
    assert.equal(errorCode({ ...visa, cvc: '1234' }), 'invalid_cvc');
    assert.equal(errorCode({ ...visa, cvc: '12' }), 'invalid_cvc');
    assert.equal(errorCode({ ...amex, cvc: '1234' }), null);
    assert.equal(errorCode({ ...amex, cvc: '123' }), 'invalid_cvc');
    assert.equal(errorCode({ ...visa, cvc: '12a' }), 'invalid_cvc');
  });

  it('names the missing parameter', () => {
    for (const field of ['number', 'exp_month', 'exp_year']) {
      const card: Record<string, string> = { number: '4242424242424242', exp_month: '12', exp_year: futureYear };
      delete card[field];
      const result = validateCardParams(card);
      assert.ok(!result.ok);
      assert.equal(result.error.code, 'parameter_missing');
      assert.equal(result.error.param, `card[${field}]`);
    }
  });
});
