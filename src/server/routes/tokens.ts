import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from '../auth';
import type { ServiceSecrets } from '../config';
import { encrypt, fingerprint } from '../crypto';
import { StripeError } from '../errors';
import { idempotencyKeyOf, idempotencyMismatch, requestHash } from '../idempotency';
import type { PublicToken, TokenStore } from '../storage/types';
import { isTokenKind, tokenBuilders, tokenKinds, type TokenKind } from '../tokens';
import { checkKnownParams, isParams, type Params } from '../tokens/params';

export interface TokensRoutesOptions {
  store: TokenStore;
  secrets: ServiceSecrets;
}

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

function sendJson(reply: FastifyReply, statusCode: number, body: string) {
  return reply.status(statusCode).type('application/json; charset=utf-8').send(body);
}

/**
 * Stripe's Tokens API: `POST /v1/tokens` (publishable or secret key) for every
 * kind in `tokenBuilders`, and `GET /v1/tokens/:id` (secret key only, own
 * account only). The builders validate and shape; this plugin keeps auth,
 * idempotency and storage.
 */
export async function tokensRoutes(app: FastifyInstance, options: TokensRoutesOptions): Promise<void> {
  const { store, secrets } = options;

  async function createToken(request: FastifyRequest, accountId: string, body: Params): Promise<PublicToken> {
    const kind = requestedKind(body);
    const built = tokenBuilders[kind](body[kind], {
      clientIp: request.ip ?? null,
      created: Math.floor(Date.now() / 1000),
      fingerprint: (value) => fingerprint(secrets.fingerprintKey, accountId, value),
    });
    await store.insertToken({
      id: built.token.id,
      accountId,
      type: built.token.type,
      token: built.token,
      secret: encrypt(JSON.stringify(built.secret), secrets.encryptionKey.key, secrets.encryptionKey.id),
      fingerprint: built.fingerprint,
      used: false,
      created: built.token.created,
    });
    return built.token;
  }

  app.post('/v1/tokens', async (request, reply) => {
    const { accountId } = await authenticate(request, store, 'any');
    const body = isParams(request.body) ? request.body : {};
    const idempotencyKey = idempotencyKeyOf(request);
    const hash = idempotencyKey ? requestHash(secrets.fingerprintKey, 'POST', '/v1/tokens', body) : '';

    if (idempotencyKey) {
      const previous = await store.getIdempotencyRecord(accountId, idempotencyKey);
      if (previous) {
        if (previous.requestHash !== hash) throw idempotencyMismatch(idempotencyKey);
        reply.header('Idempotent-Replayed', 'true');
        return sendJson(reply, previous.statusCode, previous.responseBody);
      }
    }

    const responseBody = JSON.stringify(await createToken(request, accountId, body));
    if (!idempotencyKey) return sendJson(reply, 200, responseBody);

    // A concurrent request with the same key may have finished first; its
    // answer is the one the key stands for.
    const stored = await store.putIdempotencyRecord({
      accountId,
      key: idempotencyKey,
      requestHash: hash,
      statusCode: 200,
      responseBody,
      created: Math.floor(Date.now() / 1000),
    });
    if (stored.requestHash !== hash) throw idempotencyMismatch(idempotencyKey);
    if (stored.responseBody !== responseBody) reply.header('Idempotent-Replayed', 'true');
    return sendJson(reply, stored.statusCode, stored.responseBody);
  });

  app.get<{ Params: { id: string } }>(
    '/v1/tokens/:id',
    {
      schema: { params: { type: 'object', properties: { id: { type: 'string', maxLength: 255 } }, required: ['id'] } },
    },
    async (request) => {
      const { accountId } = await authenticate(request, store, 'secret');
      const { id } = request.params;
      const record = await store.getToken(id, accountId);
      if (!record) {
        // Quote the id only when it looks like one: the path is user input.
        const message = /^[a-z]+_[A-Za-z0-9_]+$/.test(id) ? `No such token: '${id}'` : 'No such token.';
        throw new StripeError(404, 'invalid_request_error', message, 'resource_missing', 'token');
      }
      return record.token;
    },
  );
}
