import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { invalidApiKeys } from './errors';

export interface PlaidCredentials {
  clientId: string;
  secret: string;
}

/** Hashed first so the comparison takes the same time whatever the lengths. */
function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Plaid takes `client_id` and `secret` in the JSON body or in the
 * `PLAID-CLIENT-ID` / `PLAID-SECRET` headers; the body wins when it has them.
 * Missing and wrong are the same error, which never says which one was wrong.
 */
export function checkPlaidCredentials(request: FastifyRequest, expected: PlaidCredentials): void {
  const body = (request.body ?? {}) as { client_id?: unknown; secret?: unknown };
  const clientId = body.client_id ?? request.headers['plaid-client-id'];
  const secret = body.secret ?? request.headers['plaid-secret'];
  // Both compared, always: which one failed must not show in the timing either.
  const clientIdMatches = sameSecret(clientId, expected.clientId);
  const secretMatches = sameSecret(secret, expected.secret);
  if (!clientIdMatches || !secretMatches) throw invalidApiKeys();
}
