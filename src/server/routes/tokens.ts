import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cardHolderFields, cardParamNames, validateCardParams } from '../../validation/card';
import { authenticate } from '../auth';
import { cardMetadata } from '../card-metadata';
import { buildCardToken, type CardHolderDetails } from '../card-token';
import type { ServiceSecrets } from '../config';
import { encrypt, fingerprint } from '../crypto';
import { missingParam, StripeError, unknownParam } from '../errors';
import { idempotencyKeyOf, idempotencyMismatch, requestHash } from '../idempotency';
import { newId } from '../ids';
import type { PublicToken, TokenStore } from '../storage/types';

export interface TokensRoutesOptions {
  store: TokenStore;
  secrets: ServiceSecrets;
}

/** Top-level parameters `POST /v1/tokens` understands today. */
const tokenParamNames = new Set(['card', 'expand']);

const noTokenDataMessage =
  'You must supply either a card, customer, PII data, bank account, or account legal entity to create a token.';

type Params = Record<string, unknown>;

function isParams(value: unknown): value is Params {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the shape of `card[...]` before the card rules run, so errors name the right parameter. */
function readCardParams(body: Params): { card: Params; holder: CardHolderDetails } {
  for (const name of Object.keys(body)) {
    if (!tokenParamNames.has(name)) throw unknownParam(name);
  }
  if (body.card === undefined || body.card === '') {
    throw new StripeError(400, 'invalid_request_error', noTokenDataMessage, 'parameter_missing');
  }
  if (!isParams(body.card)) {
    throw new StripeError(
      400,
      'invalid_request_error',
      'Invalid hash: card must be a dictionary of card details.',
      undefined,
      'card',
    );
  }
  const card = body.card;
  for (const name of Object.keys(card)) {
    if (!(cardParamNames as readonly string[]).includes(name)) throw unknownParam(`card[${name}]`);
  }
  for (const name of cardParamNames) {
    if (card[name] !== undefined && typeof card[name] !== 'string') {
      throw new StripeError(
        400,
        'invalid_request_error',
        `Invalid string: card[${name}] must be a string.`,
        undefined,
        `card[${name}]`,
      );
    }
  }
  const holder = Object.fromEntries(
    cardHolderFields.map((name) => {
      const value = typeof card[name] === 'string' ? card[name].trim() : '';
      return [name, value === '' ? null : value];
    }),
  ) as CardHolderDetails;
  return { card, holder };
}

function sendJson(reply: FastifyReply, statusCode: number, body: string) {
  return reply.status(statusCode).type('application/json; charset=utf-8').send(body);
}

/**
 * Stripe's Tokens API for cards: `POST /v1/tokens` (publishable or secret key)
 * and `GET /v1/tokens/:id` (secret key only, own account only).
 */
export async function tokensRoutes(app: FastifyInstance, options: TokensRoutesOptions): Promise<void> {
  const { store, secrets } = options;

  async function createCardToken(request: FastifyRequest, accountId: string, body: Params): Promise<PublicToken> {
    const { card: params, holder } = readCardParams(body);
    const result = validateCardParams(params);
    if (!result.ok) {
      if (result.error.code === 'parameter_missing') throw missingParam(result.error.param);
      // Stripe answers a card it can't accept with 402 and a card_error.
      throw new StripeError(402, 'card_error', result.error.message, result.error.code, result.error.param);
    }
    const card = result.card;
    const token = buildCardToken({
      id: newId('tok'),
      cardId: newId('card'),
      card,
      holder,
      fingerprint: fingerprint(secrets.fingerprintKey, accountId, card.number),
      metadata: cardMetadata(card.number),
      clientIp: request.ip ?? null,
      created: Math.floor(Date.now() / 1000),
    });
    const raw = JSON.stringify({
      number: card.number,
      cvc: card.cvc,
      exp_month: card.expMonth,
      exp_year: card.expYear,
    });
    await store.insertToken({
      id: token.id,
      accountId,
      type: token.type,
      token: token as unknown as PublicToken,
      secret: encrypt(raw, secrets.encryptionKey.key, secrets.encryptionKey.id),
      fingerprint: token.card.fingerprint,
      used: false,
      created: token.created,
    });
    return token as unknown as PublicToken;
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

    const responseBody = JSON.stringify(await createCardToken(request, accountId, body));
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
