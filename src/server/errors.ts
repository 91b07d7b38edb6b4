import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isDatabaseUnreachable } from './storage/unreachable';

export type StripeErrorType =
  'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error' | 'rate_limit_error';

export interface StripeErrorBody {
  error: {
    type: StripeErrorType;
    code?: string;
    decline_code?: string;
    message: string;
    param?: string;
    doc_url?: string;
  };
}

/**
 * The service's one error type. Messages are written by us and never contain
 * request values, so a card number can't leak through an error response.
 */
export class StripeError extends Error {
  /** For declined cards, Stripe's reason (`generic_decline`, …). */
  declineCode?: string;

  constructor(
    readonly statusCode: number,
    readonly type: StripeErrorType,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = 'StripeError';
  }

  toJSON(): StripeErrorBody {
    const error: StripeErrorBody['error'] = { type: this.type, message: this.message };
    if (this.code) {
      error.code = this.code;
      error.doc_url = `https://stripe.com/docs/error-codes/${this.code.replace(/_/g, '-')}`;
    }
    if (this.declineCode) error.decline_code = this.declineCode;
    if (this.param) error.param = this.param;
    return { error };
  }
}

/**
 * `No such token: 'tok_…'` when the value has an id's shape (a lowercase
 * prefix, an underscore, letters and digits, no long run of digits), and
 * `No such token.` otherwise: the value is the caller's input, and what is
 * not an id may be a card or account number, which must not be echoed (nor
 * stored with an idempotent answer).
 */
export function noSuchMessage(what: string, value: string): string {
  const idShaped = /^[a-z]{1,12}_[A-Za-z0-9_]{1,64}$/.test(value) && !/\d{9}/.test(value);
  return idShaped ? `No such ${what}: '${value}'` : `No such ${what}.`;
}

export const missingParam = (param: string) =>
  new StripeError(400, 'invalid_request_error', `Missing required param: ${param}.`, 'parameter_missing', param);

export const unknownParam = (param: string) =>
  new StripeError(400, 'invalid_request_error', `Received unknown parameter: ${param}`, 'parameter_unknown', param);

/**
 * Fastify's own client errors (bad content type, oversized body, schema
 * failures) mapped to Stripe's shape. Their default messages can quote the
 * request, so each gets a fixed message here.
 */
function fromFastifyError(error: FastifyError): StripeError {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new StripeError(
        415,
        'invalid_request_error',
        'Request bodies must be sent as application/x-www-form-urlencoded.',
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new StripeError(413, 'invalid_request_error', 'The request body is too large.');
  }
  if (error.validation) {
    return new StripeError(400, 'invalid_request_error', 'The request has invalid parameters.');
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return new StripeError(status, 'invalid_request_error', 'The request could not be understood.');
  }
  return new StripeError(500, 'api_error', 'An unexpected error occurred. Please try again.');
}

function toStripeError(error: unknown): StripeError {
  if (error instanceof StripeError) return error;
  // Nothing about the database (driver message, host) is told; the request can be retried.
  if (isDatabaseUnreachable(error))
    return new StripeError(503, 'api_error', 'The service is temporarily unavailable. Please try again shortly.');
  return fromFastifyError(error as FastifyError);
}

async function errorHandling(app: FastifyInstance): Promise<void> {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const stripeError = toStripeError(error);
    // Only unexpected failures are logged; the error object, not the request body.
    if (stripeError.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(stripeError.statusCode).type('application/json; charset=utf-8').send(stripeError.toJSON());
  });

  app.setNotFoundHandler((request, reply) => {
    // The path only: a query string could hold anything.
    const path = request.url.split('?')[0];
    const error = new StripeError(
      404,
      'invalid_request_error',
      `Unrecognized request URL (${request.method}: ${path}).`,
    );
    return reply.status(404).send(error.toJSON());
  });
}

/** Stripe's error object for every failure and for unknown URLs. */
export const errorHandlingPlugin = fp(errorHandling, { name: 'tokenframe-error-handling', fastify: '5.x' });
