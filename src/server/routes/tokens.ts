import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiKeyOf } from '../auth';
import { noSuchMessage, StripeError } from '../errors';
import { defaultRateLimits, tokenCreationLimits, type RateLimits } from '../rate-limit/token-limits';
import type { ModeScope, PublicToken } from '../storage/types';
import { isTokenKind, tokenKinds, type TokenKind } from '../tokens';
import { isSourceTokenRequest, tokenFromSavedSource } from '../tokens/from-source';
import { issueToken } from '../tokens/issue';
import { checkKnownParams, isParams, type Params } from '../tokens/params';

export interface TokensRoutesOptions {
  /** How long an unused token can be used, in seconds. */
  tokenTtlSeconds: number;
  rateLimits?: RateLimits;
}

const publishableKeyMessage = 'This API call cannot be made with a publishable API key. Please use a secret API key.';

/** Top-level parameters `POST /v1/tokens` understands: one token kind, and `expand`. */
const tokenParamNames = [...tokenKinds, 'expand'];

const noTokenDataMessage =
  'You must supply either a card, customer, PII data, bank account, or account legal entity to create a token.';

/** The one token kind the request names; an empty value counts as not given. */
function requestedKind(body: Params): TokenKind {
  checkKnownParams(body, tokenParamNames, '');
  const kinds = Object.keys(body).filter((name) => isTokenKind(name) && body[name] !== '') as TokenKind[];
  if (kinds.length === 0) {
    throw new StripeError(400, 'invalid_request_error', noTokenDataMessage, 'parameter_missing');
  }
  if (kinds.length > 1) {
    throw new StripeError(
      400,
      'invalid_request_error',
      `You may only specify one of these parameters: ${kinds.join(', ')}.`,
      'parameters_exclusive',
      kinds[1],
    );
  }
  return kinds[0];
}

/**
 * Stripe's Tokens API: `POST /v1/tokens` (publishable or secret key) for every
 * kind in `tokenBuilders`, and `GET /v1/tokens/:id` (secret key only, own
 * account and mode only). The builders validate and shape; this plugin keeps auth,
 * idempotency and storage.
 */
export async function tokensRoutes(app: FastifyInstance, options: TokensRoutesOptions): Promise<void> {
  const { stores, secrets, clock } = app;
  const { tokenTtlSeconds, rateLimits = defaultRateLimits } = options;
  const limits = tokenCreationLimits(app, rateLimits);

  async function createToken(request: FastifyRequest, scope: ModeScope, body: Params): Promise<PublicToken> {
    const options = { scope, clientIp: request.ip ?? null, secrets, clock, ttlSeconds: tokenTtlSeconds };
    let record;
    if (isSourceTokenRequest(body)) {
      // A customer's saved details are vault data: reading them takes the secret key, as in Stripe.
      if (apiKeyOf(request).kind !== 'secret')
        throw new StripeError(401, 'invalid_request_error', publishableKeyMessage);
      record = await tokenFromSavedSource(body, { ...options, customers: stores.customers });
    } else {
      const kind = requestedKind(body);
      record = issueToken(kind, body[kind], options);
    }
    await limits.checkKey(request);
    await stores.vault.insertToken(record);
    app.metrics.tokensCreated.inc({ type: record.type });
    return record.token;
  }

  app.post(
    '/v1/tokens',
    {
      config: { auth: 'any' },
      onRequest: (request) => limits.checkClient(request),
    },
    async (request) => {
      const body = isParams(request.body) ? request.body : {};
      return createToken(request, apiKeyOf(request), body);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/v1/tokens/:id',
    {
      config: { auth: 'secret' },
      schema: { params: { type: 'object', properties: { id: { type: 'string', maxLength: 255 } }, required: ['id'] } },
    },
    async (request) => {
      const { id } = request.params;
      // The other mode's tokens are as unknown as another account's.
      const record = await stores.vault.getToken(id, apiKeyOf(request));
      if (!record) {
        throw new StripeError(404, 'invalid_request_error', noSuchMessage('token', id), 'resource_missing', 'token');
      }
      return record.token;
    },
  );
}
