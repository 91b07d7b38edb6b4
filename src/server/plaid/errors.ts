import type { FastifyError, FastifyInstance } from 'fastify';

/**
 * Plaid's error object and codes, for the Plaid sandbox only (the Stripe side
 * keeps `StripeError`). As there, messages are ours and never quote request
 * values: a field is named, its value never shown.
 */

export type PlaidErrorType = 'INVALID_REQUEST' | 'INVALID_INPUT' | 'ITEM_ERROR' | 'API_ERROR';

export interface PlaidErrorBody {
  display_message: string | null;
  documentation_url: string;
  error_code: string;
  error_message: string;
  error_type: PlaidErrorType;
  request_id: string;
  /** Plaid fills it in for a few codes only (none the sandbox returns). */
  suggested_action: null;
}

/** Each error type's page in Plaid's error reference; each code has its own anchor there. */
const documentationPages: Record<PlaidErrorType, string> = {
  INVALID_REQUEST: 'invalid-request',
  INVALID_INPUT: 'invalid-input',
  ITEM_ERROR: 'item',
  API_ERROR: 'api',
};

class PlaidError extends Error {
  constructor(
    readonly statusCode: number,
    readonly type: PlaidErrorType,
    readonly code: string,
    message: string,
    /** Text Plaid means to be shown to the end user, when there is one. */
    readonly displayMessage: string | null = null,
  ) {
    super(message);
    this.name = 'PlaidError';
  }

  toBody(requestId: string): PlaidErrorBody {
    return {
      display_message: this.displayMessage,
      documentation_url: `https://plaid.com/docs/errors/${documentationPages[this.type]}/#${this.code.toLowerCase()}`,
      error_code: this.code,
      error_message: this.message,
      error_type: this.type,
      request_id: requestId,
      suggested_action: null,
    };
  }
}

export const invalidApiKeys = () =>
  new PlaidError(400, 'INVALID_INPUT', 'INVALID_API_KEYS', 'invalid client_id or secret provided');

const missingFields = (fields: readonly string[]) =>
  new PlaidError(
    400,
    'INVALID_REQUEST',
    'MISSING_FIELDS',
    `the following required fields are missing: ${fields.join(', ')}`,
  );

const invalidField = (field: string, problem: string) =>
  new PlaidError(400, 'INVALID_REQUEST', 'INVALID_FIELD', `${field} ${problem}`);

export const invalidBody = (message = 'body could not be parsed as JSON', statusCode = 400) =>
  new PlaidError(statusCode, 'INVALID_REQUEST', 'INVALID_BODY', message);

export const invalidInstitution = () =>
  new PlaidError(400, 'INVALID_INPUT', 'INVALID_INSTITUTION', 'invalid institution_id provided');

export const invalidCredentials = () =>
  new PlaidError(
    400,
    'ITEM_ERROR',
    'INVALID_CREDENTIALS',
    'the provided credentials were not correct',
    'The provided credentials were not correct. Please try again.',
  );

export const invalidPublicToken = () =>
  new PlaidError(
    400,
    'INVALID_INPUT',
    'INVALID_PUBLIC_TOKEN',
    'could not find matching public token; public tokens can be exchanged once, within 30 minutes of creation',
  );

export const invalidAccessToken = () =>
  new PlaidError(400, 'INVALID_INPUT', 'INVALID_ACCESS_TOKEN', 'could not find matching access token');

export const invalidAccountId = () =>
  new PlaidError(400, 'INVALID_INPUT', 'INVALID_ACCOUNT_ID', 'the provided account_id is not valid for this Item');

/** A JSON schema failure as the Plaid error for its first problem; the field is named by its path. */
function fromValidation(error: FastifyError): PlaidError {
  const [first] = error.validation ?? [];
  const path = (first?.instancePath ?? '').split('/').filter(Boolean).join('.');
  if (first?.keyword === 'required') {
    const missing = String((first.params as { missingProperty?: unknown }).missingProperty ?? '');
    return missingFields([path ? `${path}.${missing}` : missing]);
  }
  if (!path) return invalidBody('body must be a JSON object');
  switch (first?.keyword) {
    case 'type':
      return invalidField(path, `must be of type ${String((first.params as { type?: unknown }).type)}`);
    case 'minItems':
      return invalidField(path, 'must not be empty');
    case 'minLength':
      return invalidField(path, 'must not be empty');
    default:
      return invalidField(path, 'is invalid');
  }
}

/** Fastify's own errors (unparseable or oversized body, schema failures) as Plaid's. */
function toPlaidError(error: unknown): PlaidError {
  if (error instanceof PlaidError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) return fromValidation(fastifyError);
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return invalidBody('request body is too large', 413);
  const status = fastifyError.statusCode ?? 500;
  // Parser errors (malformed JSON, empty body) can quote the body, so they all get the one fixed message.
  if (status >= 400 && status < 500) return invalidBody();
  return new PlaidError(500, 'API_ERROR', 'INTERNAL_SERVER_ERROR', 'an unexpected error occurred');
}

/** Plaid-shaped errors and 404s for every route registered in `app` (an encapsulated plugin). */
export function registerPlaidErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const plaidError = toPlaidError(error);
    if (plaidError.statusCode >= 500) request.log.error({ err: error }, 'Plaid sandbox request failed');
    return reply
      .status(plaidError.statusCode)
      .type('application/json; charset=utf-8')
      .send(plaidError.toBody(request.id));
  });

  // Fastify allows one not-found handler per prefix; mounted at the root, the service's own one stays.
  if (app.prefix !== '' && app.prefix !== '/') {
    app.setNotFoundHandler((request, reply) =>
      reply.status(404).send(new PlaidError(404, 'INVALID_REQUEST', 'NOT_FOUND', 'not found').toBody(request.id)),
    );
  }
}
