import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StripeError } from '../../src/server/errors';
import {
  checkKnownParams,
  field,
  readBoolean,
  readDateOfBirth,
  readDecimal,
  readDictionary,
  readEnum,
  readInteger,
  readMetadata,
  readRequiredString,
  readShape,
  readString,
} from '../../src/server/tokens/params';

/** Asserts `run` throws a StripeError with this code and param, and a message that quotes no value. */
function assertRefused(run: () => unknown, code: string | undefined, param: string, value?: string) {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof StripeError);
    assert.equal(error.statusCode, 400);
    assert.equal(error.type, 'invalid_request_error');
    assert.equal(error.code, code);
    assert.equal(error.param, param);
    if (value) assert.equal(error.message.includes(value), false, 'the message quotes the value');
    return true;
  });
}

describe('parameter readers', () => {
  it('names unknown parameters in full bracket syntax', () => {
    assert.doesNotThrow(() => checkKnownParams({ a: '1' }, ['a', 'b'], 'x[y]'));
    assertRefused(() => checkKnownParams({ a: '1', c: '2' }, ['a'], 'x[y]'), 'parameter_unknown', 'x[y][c]');
    assertRefused(() => checkKnownParams({ colour: '1' }, ['card'], ''), 'parameter_unknown', 'colour');
  });

  it('reads strings, trimmed, and refuses hashes and arrays where a string belongs', () => {
    assert.equal(readString(undefined, 'p'), undefined);
    assert.equal(readString('  Jane ', 'p'), 'Jane');
    assertRefused(() => readString({ a: '1' }, 'p'), undefined, 'p');
    assertRefused(() => readString(['1'], 'p'), undefined, 'p');
    assertRefused(() => readRequiredString('', 'p'), 'parameter_missing', 'p');
    assertRefused(() => readRequiredString(undefined, 'p'), 'parameter_missing', 'p');
    assertRefused(() => readDictionary('000123456789', 'bank_account'), undefined, 'bank_account', '000123456789');
  });

  it('reads booleans as Stripe sends them', () => {
    assert.equal(readBoolean('true', 'p'), true);
    assert.equal(readBoolean('false', 'p'), false);
    assert.equal(readBoolean(undefined, 'p'), undefined);
    for (const bad of ['yes', '1', 'TRUE', ''])
      assertRefused(() => readBoolean(bad, 'p'), 'parameter_invalid_boolean', 'p');
  });

  it('reads integers and decimals within bounds', () => {
    assert.equal(readInteger('1980', 'p'), 1980);
    assertRefused(() => readInteger('19.5', 'p'), 'parameter_invalid_integer', 'p');
    assertRefused(() => readInteger('one', 'p'), 'parameter_invalid_integer', 'p');
    assert.equal(readDecimal('62.5', 'p', 0, 100), 62.5);
    assert.equal(readDecimal('0', 'p', 0, 100), 0);
    assert.equal(readDecimal('100', 'p', 0, 100), 100);
    assert.equal(readDecimal('', 'p', 0, 100), null);
    for (const bad of ['100.01', '-1', 'half', '1e2', 'NaN']) {
      assertRefused(() => readDecimal(bad, 'p', 0, 100), 'parameter_invalid_decimal', 'p');
    }
  });

  it('reads enums and lists the choices without quoting the value', () => {
    assert.equal(readEnum('company', 'p', ['individual', 'company']), 'company');
    assertRefused(() => readEnum('robot', 'p', ['individual', 'company']), undefined, 'p', 'robot');
  });

  it('reads metadata as a flat map of strings', () => {
    assert.deepEqual(readMetadata({ a: '1', b: ' 2 ' }, 'm'), { a: '1', b: '2' });
    assert.deepEqual(readMetadata('', 'm'), {});
    assertRefused(() => readMetadata({ a: { b: '1' } }, 'm'), undefined, 'm[a]');
    assertRefused(() => readMetadata({ ['k'.repeat(41)]: '1' }, 'm'), undefined, 'm');
  });
});

describe('readDateOfBirth', () => {
  const today = new Date(Date.UTC(2025, 5, 15));
  const dob = (day: string, month: string, year: string) => readDateOfBirth({ day, month, year }, 'x[dob]', today);

  it('accepts real past dates after 1900, leap days included', () => {
    assert.deepEqual(dob('1', '2', '1980'), { day: 1, month: 2, year: 1980 });
    assert.deepEqual(dob('29', '2', '2000'), { day: 29, month: 2, year: 2000 });
    assert.deepEqual(dob('1', '1', '1901'), { day: 1, month: 1, year: 1901 });
    assert.deepEqual(dob('14', '6', '2025'), { day: 14, month: 6, year: 2025 });
    assert.equal(readDateOfBirth('', 'x[dob]', today), null);
    assert.equal(readDateOfBirth(undefined, 'x[dob]', today), undefined);
  });

  it('names the part at fault', () => {
    assertRefused(() => dob('29', '2', '1999'), 'parameter_invalid_date', 'x[dob][day]');
    assertRefused(() => dob('0', '2', '1999'), 'parameter_invalid_date', 'x[dob][day]');
    assertRefused(() => dob('1', '13', '1999'), 'parameter_invalid_date', 'x[dob][month]');
    assertRefused(() => dob('1', '1', '1900'), 'parameter_invalid_date', 'x[dob][year]');
    assertRefused(() => dob('15', '6', '2025'), 'parameter_invalid_date', 'x[dob]');
    assertRefused(() => dob('1', 'Feb', '1999'), 'parameter_invalid_integer', 'x[dob][month]');
    assertRefused(
      () => readDateOfBirth({ day: '1', month: '2' }, 'x[dob]', today),
      'parameter_missing',
      'x[dob][year]',
    );
    assertRefused(
      () => readDateOfBirth({ day: '1', month: '2', year: '1980', era: 'AD' }, 'x[dob]', today),
      'parameter_unknown',
      'x[dob][era]',
    );
  });
});

describe('readShape', () => {
  const shape = {
    name: field.string,
    tos: field.boolean,
    kind: field.enum(['a', 'b']),
    address: { line1: field.string, country: field.string },
  };

  it('returns what was given, read by each field, and leaves out what was not', () => {
    assert.deepEqual(readShape({ name: ' Jane ', tos: 'true', address: { country: 'US' } }, 'account', shape), {
      name: 'Jane',
      tos: true,
      address: { country: 'US' },
    });
  });

  it('refuses unknown names at every depth, with the full parameter', () => {
    assertRefused(() => readShape({ colour: 'red' }, 'account', shape), 'parameter_unknown', 'account[colour]');
    assertRefused(
      () => readShape({ address: { planet: 'Mars' } }, 'account', shape),
      'parameter_unknown',
      'account[address][planet]',
    );
    assertRefused(() => readShape({ address: 'Main St' }, 'account', shape), undefined, 'account[address]');
    assertRefused(() => readShape({ kind: 'c' }, 'account', shape), undefined, 'account[kind]');
  });

  it('does not mistake inherited names for known ones', () => {
    assertRefused(() => readShape({ toString: 'x' }, 'account', shape), 'parameter_unknown', 'account[toString]');
  });
});
