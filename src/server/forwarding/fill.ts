import { StripeError } from '../errors';
import type { FieldMapping, ReplacementField } from './destinations-store';

/** The card values one forward writes, by the field the destination maps them to. */
export type CardValues = Partial<Record<ReplacementField, string>>;

function bodyError(message: string): StripeError {
  return new StripeError(400, 'invalid_request_error', message, 'parameter_invalid', 'request[body]');
}

/** A JSON pointer's keys (RFC 6901): `/a~1b/c` is `a/b`, then `c`. */
function pointerKeys(pointer: string): string[] {
  return pointer
    .slice(1)
    .split('/')
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function setByPointer(document: Record<string, unknown>, pointer: string, value: string): void {
  const keys = pointerKeys(pointer);
  let parent: Record<string, unknown> = document;
  for (const [index, key] of keys.entries()) {
    // A body is the merchant's: its keys must not reach Object.prototype.
    if (key === '__proto__' || key === 'constructor' || key === 'prototype')
      throw bodyError('The body cannot be filled.');
    if (index === keys.length - 1) {
      parent[key] = value;
      return;
    }
    const next = parent[key];
    if (next === undefined || next === null) parent[key] = {};
    else if (typeof next !== 'object') throw bodyError('The body has a value where the card details go.');
    parent = parent[key] as Record<string, unknown>;
  }
}

/** Whether the destination takes JSON: its mappings are JSON pointers (the CLI refuses a mix). */
export function isJsonDestination(mappings: FieldMapping[]): boolean {
  return mappings.every(({ target }) => target.startsWith('/'));
}

/**
 * The merchant's body with the card values written where the destination's
 * mappings say: by JSON pointer, creating missing objects on the way, or by
 * form field name. Mappings without a value in `values` are left alone.
 */
export function fillBody(body: string, mappings: FieldMapping[], values: CardValues): string {
  const filled = mappings.filter(({ field }) => values[field] !== undefined);
  if (isJsonDestination(mappings)) {
    let document: unknown;
    try {
      document = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      throw bodyError('The body is not JSON, which this destination takes.');
    }
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
      throw bodyError('The body must be a JSON object for this destination.');
    }
    for (const { field, target } of filled) setByPointer(document as Record<string, unknown>, target, values[field]!);
    return JSON.stringify(document);
  }
  const form = new URLSearchParams(body);
  for (const { field, target } of filled) form.set(target, values[field]!);
  return form.toString();
}
