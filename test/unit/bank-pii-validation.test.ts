import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bankNameFor,
  checkAccountNumber,
  checkIban,
  checkRoutingNumber,
  defaultCurrency,
  isRoutingNumberValid,
  last4,
  usesIban,
} from '../../src/validation/bank';
import { checkIdNumber, isItinValid, isSsnValid, normalizeIdNumber } from '../../src/validation/pii';

describe('routing numbers (ABA checksum)', () => {
  it('accepts 110000000, the Stripe test bank', () => {
    assert.equal(isRoutingNumberValid('110000000'), true);
    assert.deepEqual(checkRoutingNumber('110000000'), { state: 'complete', bankName: 'STRIPE TEST BANK' });
    assert.equal(bankNameFor('110000000'), 'STRIPE TEST BANK');
  });

  it('accepts other numbers whose weighted sum is a multiple of 10', () => {
    // 3·0+7·2+1·1+3·0+7·0+1·0+3·0+7·2+1·1 = 30
    assert.equal(isRoutingNumberValid('021000021'), true);
    assert.equal(checkRoutingNumber('021000021').state, 'complete');
    assert.equal(bankNameFor('021000021'), null);
  });

  it('rejects 110000001, which fails the checksum', () => {
    assert.equal(isRoutingNumberValid('110000001'), false);
    const check = checkRoutingNumber('110000001');
    assert.equal(check.state, 'invalid');
    assert.equal(check.error?.code, 'routing_number_invalid');
    assert.equal(check.error?.param, 'bank_account[routing_number]');
  });

  it('tells an incomplete number from an invalid one', () => {
    assert.equal(checkRoutingNumber('').state, 'empty');
    assert.equal(checkRoutingNumber('11000000').state, 'incomplete');
    assert.equal(checkRoutingNumber('1100000000').state, 'invalid');
    assert.equal(checkRoutingNumber('11000000a').state, 'invalid');
    assert.equal(isRoutingNumberValid('11000000'), false);
  });
});

describe('account numbers (4–17 digits)', () => {
  it('accepts 4 to 17 digits', () => {
    for (const value of ['0001', '000123456789', '12345678901234567']) {
      assert.equal(checkAccountNumber(value).state, 'complete', `${value.length} digits`);
    }
  });

  it('rejects fewer than 4 digits, more than 17, and anything but digits', () => {
    assert.equal(checkAccountNumber('').state, 'empty');
    assert.equal(checkAccountNumber('123').state, 'incomplete');
    assert.equal(checkAccountNumber('123456789012345678').state, 'invalid');
    assert.equal(checkAccountNumber('12345-678').state, 'invalid');
    assert.equal(checkAccountNumber('123456789012345678').error?.code, 'account_number_invalid');
  });

  it('shows only the last four', () => {
    assert.equal(last4('000123456789'), '6789');
  });
});

describe('IBANs', () => {
  it('accepts DE89370400440532013000, with or without spaces and in lower case', () => {
    for (const value of ['DE89370400440532013000', 'de89 3704 0044 0532 0130 00']) {
      assert.deepEqual(checkIban(value), { state: 'complete', country: 'DE', iban: 'DE89370400440532013000' });
    }
  });

  it('rejects a wrong check digit', () => {
    const check = checkIban('DE88370400440532013000');
    assert.equal(check.state, 'invalid');
    assert.equal(check.iban, null);
    assert.equal(check.error?.code, 'iban_invalid');
    assert.equal(check.error?.param, 'bank_account[account_number]');
  });

  it('tells an IBAN still being typed from one that cannot be right', () => {
    assert.equal(checkIban('').state, 'empty');
    assert.equal(checkIban('DE8937040044').state, 'incomplete');
    assert.equal(checkIban('XX89370400440532013000').state, 'invalid');
  });

  it('knows which countries use IBANs and their default currency', () => {
    assert.equal(usesIban('DE'), true);
    assert.equal(usesIban('fr'), true);
    assert.equal(usesIban('US'), false);
    assert.equal(defaultCurrency('us'), 'usd');
    assert.equal(defaultCurrency('DE'), 'eur');
    assert.equal(defaultCurrency('GB'), 'gbp');
    assert.equal(defaultCurrency('CH'), 'chf');
  });
});

describe('SSNs', () => {
  it('accepts 000000000, the test SSN, and ordinary numbers', () => {
    assert.equal(isSsnValid('000000000'), true);
    assert.equal(isSsnValid('123456789'), true);
    assert.equal(checkIdNumber('000-00-0000', 'ssn').state, 'complete');
  });

  it('rejects area 666, 000 and 9xx, group 00 and serial 0000', () => {
    for (const value of ['666123456', '000123456', '900123456', '123006789', '123450000']) {
      assert.equal(isSsnValid(value), false, value);
      assert.equal(checkIdNumber(value, 'ssn').state, 'invalid', value);
    }
    assert.equal(checkIdNumber('666123456', 'ssn').error?.code, 'id_number_invalid');
  });

  it('tells an incomplete SSN from an invalid one', () => {
    assert.equal(checkIdNumber('', 'ssn').state, 'empty');
    assert.equal(checkIdNumber('12345', 'ssn').state, 'incomplete');
    assert.equal(checkIdNumber('1234567890', 'ssn').state, 'invalid');
    assert.equal(checkIdNumber('12345678A', 'ssn').state, 'invalid');
  });
});

describe('ITINs', () => {
  it('accepts 9xx numbers whose fourth and fifth digits are 50–65, 70–88, 90–92 or 94–99', () => {
    for (const group of ['50', '65', '70', '88', '90', '92', '94', '99']) {
      assert.equal(isItinValid(`912${group}3456`), true, group);
      assert.equal(checkIdNumber(`912-${group}-3456`, 'itin').state, 'complete', group);
    }
  });

  it('rejects the groups outside those ranges and numbers not starting with 9', () => {
    for (const group of ['00', '49', '66', '69', '89', '93']) {
      assert.equal(isItinValid(`912${group}3456`), false, group);
    }
    assert.equal(isItinValid('812703456'), false);
    assert.equal(checkIdNumber('912933456', 'itin').error?.code, 'id_number_invalid');
  });
});

describe('generic ID numbers', () => {
  it('accepts 4–20 letters or digits after removing spaces and dashes', () => {
    assert.equal(normalizeIdNumber('ab 12-cd'), 'AB12CD');
    for (const value of ['1234', 'X1234567Z', '000000000', '1'.repeat(20), 'AB-12 34']) {
      assert.equal(checkIdNumber(value, 'id').state, 'complete', value);
    }
  });

  it('rejects short, long and punctuated ID numbers', () => {
    assert.equal(checkIdNumber('123', 'id').state, 'incomplete');
    assert.equal(checkIdNumber('1'.repeat(21), 'id').state, 'invalid');
    assert.equal(checkIdNumber('1234#5678', 'id').state, 'invalid');
    assert.equal(checkIdNumber('1234#5678', 'id').error?.param, 'pii[id_number]');
  });
});
