import type { FieldCheck } from './card';
import { validationError } from './errors';

/**
 * ID number rules for `pii[id_number]`: US SSN (`XXX-XX-XXXX`), US ITIN (an
 * SSN-shaped number starting with 9, fourth and fifth digits 50–65, 70–88,
 * 90–92 or 94–99), and a generic national ID for other countries.
 */
export type IdNumberType = 'ssn' | 'itin' | 'id';

const param = 'pii[id_number]';

/** The digits (or, for a generic ID, letters and digits) that count, without separators. */
export function normalizeIdNumber(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

function isSsnShaped(digits: string): boolean {
  return /^\d{9}$/.test(digits);
}

/** SSA rules: area not 000, 666 or 9xx; group not 00; serial not 0000. `000000000` is the test SSN. */
export function isSsnValid(digits: string): boolean {
  if (digits === '000000000') return true;
  if (!isSsnShaped(digits)) return false;
  const area = digits.slice(0, 3);
  return (
    area !== '000' && area !== '666' && area[0] !== '9' && digits.slice(3, 5) !== '00' && digits.slice(5) !== '0000'
  );
}

export function isItinValid(digits: string): boolean {
  if (!isSsnShaped(digits) || digits[0] !== '9') return false;
  const group = Number(digits.slice(3, 5));
  return (group >= 50 && group <= 65) || (group >= 70 && group <= 88) || (group >= 90 && group <= 92) || group >= 94;
}

/** `123456789` → `123-45-6789`, as the customer types. */
export function formatSsn(digits: string): string {
  const d = digits.slice(0, 9);
  if (d.length <= 3) return d;
  if (d.length <= 5) return `${d.slice(0, 3)}-${d.slice(3)}`;
  return `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`;
}

export function idNumberTypeFor(country: string, requested?: string): IdNumberType {
  if (country.toUpperCase() !== 'US') return 'id';
  return requested === 'itin' ? 'itin' : 'ssn';
}

export function checkIdNumber(value: string, type: IdNumberType): FieldCheck {
  const id = normalizeIdNumber(value);
  if (id === '') return { state: 'empty', error: validationError('incomplete_id_number', param) };
  if (type === 'id') {
    if (!/^[A-Z0-9]+$/.test(id) || id.length > 20)
      return { state: 'invalid', error: validationError('id_number_invalid', param) };
    return id.length < 4
      ? { state: 'incomplete', error: validationError('incomplete_id_number', param) }
      : { state: 'complete' };
  }
  if (!/^\d+$/.test(id) || id.length > 9)
    return { state: 'invalid', error: validationError('id_number_invalid', param) };
  if (id.length < 9) return { state: 'incomplete', error: validationError('incomplete_id_number', param) };
  const valid = type === 'itin' ? isItinValid(id) : isSsnValid(id);
  return valid ? { state: 'complete' } : { state: 'invalid', error: validationError('id_number_invalid', param) };
}
