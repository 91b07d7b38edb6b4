import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { apiKeyOf } from './auth';
import { StripeError } from './errors';

const maxIdempotencyKeyLength = 255;
/** How long a key is remembered, as Stripe does. */
export const idempotencyWindowSeconds = 24 * 60 * 60;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set while a POST with an Idempotency-Key runs for the first time. */
    idempotency: { key: string; hash: string } | null;
  }
}

/** The `Idempotency-Key` header, or null; over-long keys are refused as Stripe does. */
function idempotencyKeyOf(request: FastifyRequest): string | null {
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
function requestHash(hmacKey: Buffer, method: string, path: string, params: unknown): string {
  return createHmac('sha256', hmacKey)
    .update(`idempotency\u0000${method}\u0000${path}\u0000${canonicalJson(params ?? {})}`)
    .digest('base64');
}

function idempotencyMismatch(key: string): StripeError {
  return new StripeError(
    400,
    'idempotency_error',
    `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
  );
}

function idempotencyInProgress(key: string): StripeError {
  return new StripeError(
    409,
    'idempotency_error',
    `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${key}. Please try again later.`,
  );
}

/** A claim older than this belongs to a process that died mid-request; the key is free again. */
const abandonedClaimSeconds = 60;
/** How long a request waits for another one with its key to finish before answering 409. */
const inProgressWaitMs = 2_000;
const inProgressPollMs = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `Idempotency-Key` on every authenticated POST, scoped to the API key that
 * sent it and kept 24 hours: the same key with the same parameters replays
 * the stored response; with other parameters it is an `idempotency_error`.
 * The first request claims the key in the database before it runs, so of
 * requests sent at once to any number of processes only one runs; the others
 * wait for its answer and replay it (or get Stripe's 409 if it takes long).
 * Responses below 500 are stored (a 500 may be retried for real).
 */
async function idempotency(app: FastifyInstance): Promise<void> {
  const { stores, secrets, clock } = app;
  const store = stores.idempotency;
  const hmacKey = secrets.fingerprintKey;
  app.decorateRequest('idempotency', null);

  /**
   * Claims the key, or replays or refuses as the earlier request with it
   * says. A replay returns the reply, which settles once it has been sent.
   */
  async function claimKey(request: FastifyRequest, reply: FastifyReply, key: string): Promise<unknown> {
    const scope = apiKeyOf(request).id;
    const path = request.url.split('?')[0];
    const hash = requestHash(hmacKey, request.method, path, request.body);
    for (let waited = 0; ; waited += inProgressPollMs) {
      const now = clock.now();
      const notBefore = now - idempotencyWindowSeconds;
      const claim = { scope, key, requestHash: hash, created: now };
      if (await store.claimIdempotencyKey(claim, notBefore, now - abandonedClaimSeconds)) {
        request.idempotency = { key, hash };
        return;
      }
      const previous = await store.getIdempotencyRecord(scope, key, notBefore);
      // Gone between the claim and the read (released after a 500): claim again.
      if (!previous) continue;
      if (previous.requestHash !== hash) throw idempotencyMismatch(key);
      if ('statusCode' in previous) {
        return reply
          .header('Idempotent-Replayed', 'true')
          .status(previous.statusCode)
          .type('application/json; charset=utf-8')
          .send(previous.responseBody);
      }
      if (waited >= inProgressWaitMs) throw idempotencyInProgress(key);
      await sleep(inProgressPollMs);
    }
  }

  /** Stores the answer the claimed key stands for, or the answer another request stored first. */
  async function answer(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
    const pending = request.idempotency!;
    const claim = { scope: apiKeyOf(request).id, key: pending.key, requestHash: pending.hash, created: clock.now() };
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      await store.releaseIdempotencyKey(claim);
      return payload;
    }
    const stored = await store.putIdempotencyRecord({ ...claim, statusCode: reply.statusCode, responseBody: payload });
    if (stored.responseBody === payload) return payload;
    // This request's claim was taken as abandoned and the other request finished first: its answer is the one the key stands for.
    if (stored.requestHash !== pending.hash) {
      reply.status(400);
      return JSON.stringify(idempotencyMismatch(pending.key).toJSON());
    }
    reply.header('Idempotent-Replayed', 'true').status(stored.statusCode);
    return stored.responseBody;
  }

  // Callback hooks: a request without an Idempotency-Key passes them without a promise.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method !== 'POST' || !request.routeOptions.config?.auth) return done();
    const key = idempotencyKeyOf(request);
    if (!key) return done();
    // After a replay the reply has been sent, and Fastify goes no further.
    claimKey(request, reply, key).then(() => done(), done);
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    if (!request.idempotency) return done(null, payload);
    answer(request, reply, payload).then((sent) => done(null, sent), done);
  });
}

export const idempotencyPlugin = fp(idempotency, {
  name: 'tokenframe-idempotency',
  fastify: '5.x',
  dependencies: ['tokenframe-dependencies', 'tokenframe-auth'],
});
