import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hashApiKey } from './crypto';
import { StripeError } from './errors';
import { cachedKeyLookup } from './key-cache';
import type { ApiKeyKind, ApiKeyRecord } from './storage/types';

export interface AuthenticatedKey extends ApiKeyRecord {
  /** Kept only to redact it into error messages; never logged or stored. */
  key: string;
}

/** What a route asks of the caller's key, in its `config.auth`: any key, or a secret one. */
export type KeyRequirement = 'any' | Extract<ApiKeyKind, 'secret'>;

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: KeyRequirement;
  }
  interface FastifyRequest {
    /** The caller's key, on routes with `config.auth`. */
    apiKey: AuthenticatedKey | null;
  }
}

/**
 * Reads the key as Stripe accepts it: `Authorization: Bearer <key>`, or HTTP
 * Basic with the key as the user name and an empty password (curl `-u sk_…:`).
 */
function readApiKey(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const [scheme, credentials] = authorization.trim().split(/\s+/, 2);
  if (!credentials) return null;
  if (/^bearer$/i.test(scheme)) return credentials;
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const user = decoded.split(':', 1)[0];
    return user || null;
  }
  return null;
}

/** `pk_test_****abcd`: enough to tell keys apart, too little to use one. */
export function redactApiKey(key: string): string {
  const prefix = /^(pk|sk|rk)_(test|live)_/.exec(key)?.[0] ?? '';
  const last4 = key.length >= prefix.length + 8 ? key.slice(-4).replace(/[^A-Za-z0-9]/g, '*') : '';
  return `${prefix}****${last4}`;
}

const missingKeyMessage =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').";

const publishableKeyMessage = 'This API call cannot be made with a publishable API key. Please use a secret API key.';

function unauthorized(message: string): StripeError {
  return new StripeError(401, 'invalid_request_error', message);
}

/**
 * Resolves the request's API key to its account, or throws Stripe's 401.
 * `needs: 'secret'` is for routes that read or consume vault data.
 */
async function authenticate(
  request: FastifyRequest,
  findKeyByHash: (hash: string) => Promise<ApiKeyRecord | null>,
  needs: KeyRequirement,
): Promise<AuthenticatedKey> {
  const key = readApiKey(request.headers.authorization);
  if (!key) throw unauthorized(missingKeyMessage);
  const record = await findKeyByHash(hashApiKey(key));
  if (!record) throw unauthorized(`Invalid API Key provided: ${redactApiKey(key)}`);
  if (needs === 'secret' && record.kind !== 'secret') throw unauthorized(publishableKeyMessage);
  return { ...record, key };
}

/**
 * Authenticates every route that declares `config: { auth }`, before its body
 * is read, and puts the key on `request.apiKey` for the hooks and handlers
 * after it (rate limits, idempotency). Each 401 counts against the client's
 * address (`app.failedAuthLimit`); once it has spent its failures, it gets a
 * 429 before its key is looked at, until the window passes.
 */
async function auth(app: FastifyInstance): Promise<void> {
  app.decorateRequest('apiKey', null);
  const findKeyByHash = cachedKeyLookup(app.stores.keys);
  app.addHook('onRequest', async (request) => {
    const needs = request.routeOptions.config?.auth;
    if (!needs) return;
    await app.failedAuthLimit.refuseSpent(request);
    try {
      request.apiKey = await authenticate(request, findKeyByHash, needs);
    } catch (error) {
      if (error instanceof StripeError) await app.failedAuthLimit.countFailure(request);
      throw error;
    }
  });
}

export const authPlugin = fp(auth, {
  name: 'tokenframe-auth',
  fastify: '5.x',
  dependencies: ['tokenframe-dependencies', 'tokenframe-rate-limit'],
});

/** The key of a route with `config.auth`; a programming error anywhere else. */
export function apiKeyOf(request: FastifyRequest): AuthenticatedKey {
  if (!request.apiKey) throw new Error(`${request.routeOptions.url} has no config.auth`);
  return request.apiKey;
}
