import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asciiDigits, digitsOnly, normalizeTyped, parseExpiry } from '../../src/frame/format';

describe('digits typed on non-Latin keyboards', () => {
  it('reads Arabic-Indic, Eastern Arabic-Indic, Devanagari, Thai and full-width digits as ASCII', () => {
    assert.equal(asciiDigits('٠١٢٣٤٥٦٧٨٩'), '0123456789');
    assert.equal(asciiDigits('۰۱۲۳۴۵۶۷۸۹'), '0123456789');
    assert.equal(asciiDigits('०१२३४५६७८९'), '0123456789');
    assert.equal(asciiDigits('๐๑๒๓๔๕๖๗๘๙'), '0123456789');
    assert.equal(asciiDigits('０１２３４５６７８９'), '0123456789');
    assert.equal(asciiDigits('abc 12-'), 'abc 12-');
  });

  it('keeps them as digits when filtering a number, and drops everything else', () => {
    assert.equal(digitsOnly('٤٢٤٢ ٤٢٤٢-۴۲۴۲ ４２４２'), '4242424242424242');
    assert.equal(digitsOnly('a٤b'), '4');
  });

  it('reads an expiry typed in Arabic-Indic digits', () => {
    assert.deepEqual(parseExpiry('١٢ / ٣٠'), { month: '12', year: '30' });
    assert.deepEqual(parseExpiry('٤'), { month: '04', year: '' });
  });

  it('folds full-width letters too, for IBANs and postal codes typed with an IME', () => {
    assert.equal(normalizeTyped('ＤＥ８９　３７０４'), 'DE89 3704');
    assert.equal(normalizeTyped('٩٤١٠٧'), '94107');
  });
});
