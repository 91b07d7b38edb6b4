import { createHmac } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { StripeError } from './errors';

export const maxIdempotencyKeyLength = 255;

/** The `Idempotency-Key` header, or null; over-long keys are refused as Stripe does. */
export function idempotencyKeyOf(request: FastifyRequest): string | null {
  const header = request.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || key === '') return null;
  if (key.length > maxIdempotencyKeyLength) {
    throw new StripeError(
      400,
      'invalid_request_error',
      `Idempotency keys can be at most ${maxIdempotencyKeyLength} characters long.`,
    );
  }
  return key;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Identifies "the same request" for idempotency. Keyed, because the
 * parameters include a card number and a plain hash of one can be reversed.
 */
export function requestHash(hmacKey: Buffer, method: string, path: string, params: unknown): string {
  return createHmac('sha256', hmacKey)
    .update(`idempotency\u0000${method}\u0000${path}\u0000${canonicalJson(params ?? {})}`)
    .digest('base64');
}

export function idempotencyMismatch(key: string): StripeError {
  return new StripeError(
    400,
    'idempotency_error',
    `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
  );
}
