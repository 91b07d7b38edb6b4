import { isPlainObject } from '../../protocol/messages';
import { StripeError, unknownParam } from '../errors';

/**
 * Reading Stripe's bracket parameters (`account[individual][dob][day]=…`) as
 * qs parses them: a tree of dictionaries, arrays and strings. Every error
 * names the full bracket parameter and never quotes the value, because the
 * value may be an account number or an ID number.
 */

export type Params = Record<string, unknown>;

export function isParams(value: unknown): value is Params {
  return isPlainObject(value);
}

/** `child('account', 'individual')` → `account[individual]`. */
function child(parent: string, name: string): string {
  return parent ? `${parent}[${name}]` : name;
}

function invalid(param: string, message: string, code?: string): StripeError {
  return new StripeError(400, 'invalid_request_error', message, code, param);
}

export function readDictionary(value: unknown, param: string): Params {
  if (!isParams(value)) throw invalid(param, `Invalid hash: ${param} must be a dictionary.`);
  return value;
}

/**
 * Refuses any key of `params` not in `known`, naming it in full
 * (`account[individual][colour]`). The lists are short: searched as they
 * are, not made into a set on every request.
 */
export function checkKnownParams(params: Params, known: readonly string[], parent: string): void {
  for (const name of Object.keys(params)) {
    if (!known.includes(name)) throw unknownParam(child(parent, name));
  }
}

/** A string parameter, trimmed; `undefined` when absent. Anything else (a nested hash, an array) is refused. */
export function readString(value: unknown, param: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(param, `Invalid string: ${param} must be a string.`);
  return value.trim();
}

/** Like `readString`, but absent or empty is `parameter_missing`. */
export function readRequiredString(value: unknown, param: string): string {
  const text = readString(value, param);
  if (text === undefined || text === '') {
    throw invalid(param, `Missing required param: ${param}.`, 'parameter_missing');
  }
  return text;
}

/** One of a fixed set of values; Stripe lists the choices and sets no code. */
export function readEnum<T extends string>(value: unknown, param: string, choices: readonly T[]): T | undefined {
  const text = readString(value, param);
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) {
    const list =
      choices.length > 1 ? `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}` : choices[0];
    throw invalid(param, `Invalid ${param}: must be one of ${list}.`);
  }
  return text as T;
}

/** Form encoding has no booleans: stripe-node sends `true` and `false` as text. */
export function readBoolean(value: unknown, param: string): boolean | undefined {
  const text = readString(value, param);
  if (text === undefined) return undefined;
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw invalid(param, `Invalid boolean: ${param} must be true or false.`, 'parameter_invalid_boolean');
}

export function readInteger(value: unknown, param: string): number | undefined {
  const text = readString(value, param);
  if (text === undefined) return undefined;
  if (!/^-?\d{1,15}$/.test(text)) {
    throw invalid(param, `Invalid integer: ${param} must be a whole number.`, 'parameter_invalid_integer');
  }
  return Number(text);
}

/** A decimal in `[min, max]`. Empty text is Stripe's way to unset, so it reads as null. */
export function readDecimal(value: unknown, param: string, min: number, max: number): number | null | undefined {
  const text = readString(value, param);
  if (text === undefined) return undefined;
  if (text === '') return null;
  const number = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(number >= min && number <= max)) {
    throw invalid(
      param,
      `Invalid decimal: ${param} must be a number from ${min} to ${max}.`,
      'parameter_invalid_decimal',
    );
  }
  return number;
}

export interface DateOfBirth {
  day: number;
  month: number;
  year: number;
}

/**
 * `dob[day|month|year]`: all three, integers, a real calendar date after
 * 1900 and before today. An empty `dob` unsets it (null).
 */
export function readDateOfBirth(value: unknown, param: string, today = new Date()): DateOfBirth | null | undefined {
  if (value === undefined) return undefined;
  if (value === '') return null;
  const dob = readDictionary(value, param);
  checkKnownParams(dob, ['day', 'month', 'year'], param);
  const parts = {} as DateOfBirth;
  for (const name of ['day', 'month', 'year'] as const) {
    const number = readInteger(dob[name], child(param, name));
    if (number === undefined) {
      throw invalid(child(param, name), `Missing required param: ${child(param, name)}.`, 'parameter_missing');
    }
    parts[name] = number;
  }
  const { day, month, year } = parts;
  const invalidDate = (at: string) =>
    invalid(at, `Invalid date: ${param} must be a real date after 1900 and in the past.`, 'parameter_invalid_date');
  if (year <= 1900) throw invalidDate(child(param, 'year'));
  if (month < 1 || month > 12) throw invalidDate(child(param, 'month'));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) throw invalidDate(child(param, 'day'));
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (Date.UTC(year, month - 1, day) >= todayUtc) throw invalidDate(param);
  return parts;
}

/** Stripe's metadata limits: 50 keys, names up to 40 characters, values up to 500. */
export function readMetadata(value: unknown, param: string): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (value === '') return {};
  const metadata = readDictionary(value, param);
  const names = Object.keys(metadata);
  if (names.length > 50) throw invalid(param, `Invalid ${param}: at most 50 keys are allowed.`);
  const out: Record<string, string> = {};
  for (const name of names) {
    if (name.length > 40) throw invalid(param, `Invalid ${param}: keys can be at most 40 characters long.`);
    const text = readString(metadata[name], child(param, name)) ?? '';
    if (text.length > 500) {
      throw invalid(child(param, name), `Invalid ${param}: values can be at most 500 characters long.`);
    }
    out[name] = text;
  }
  return out;
}

/**
 * A declarative shape for nested parameters: each name maps to a reader for
 * its value, or to a nested shape. `readShape` walks the tree, refuses
 * unknown names, and returns what the readers return (absent names left out).
 */
export type FieldReader = (value: unknown, param: string) => unknown;
export interface Shape {
  [name: string]: FieldReader | Shape;
}

export function readShape(value: unknown, param: string, shape: Shape): Params {
  const params = readDictionary(value, param);
  checkKnownParams(params, Object.keys(shape), param);
  const out: Params = {};
  for (const [name, field] of Object.entries(shape)) {
    const fieldParam = child(param, name);
    if (!Object.hasOwn(params, name) || params[name] === undefined) continue;
    out[name] =
      typeof field === 'function' ? field(params[name], fieldParam) : readShape(params[name], fieldParam, field);
  }
  return out;
}

/** Field readers for `Shape`s. */
export const field = {
  string: readString,
  boolean: readBoolean,
  metadata: readMetadata,
  dateOfBirth: (value: unknown, param: string) => readDateOfBirth(value, param),
  enum:
    <T extends string>(choices: readonly T[]): FieldReader =>
    (value, param) =>
      readEnum(value, param, choices),
  decimal:
    (min: number, max: number): FieldReader =>
    (value, param) =>
      readDecimal(value, param, min, max),
};
