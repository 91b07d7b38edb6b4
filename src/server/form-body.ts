import qs from 'qs';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { StripeError, unknownParam } from './errors';
import { tokenKinds } from './tokens';

const bodyLimit = 1024 * 1024;

/**
 * Bounds on Stripe's bracket syntax (`card[number]=…`, `expand[]=…`), so a
 * crafted body can't build deep or huge objects. Going past a bound is an
 * error rather than a silent truncation.
 */
const formParseOptions: qs.IParseOptions = {
  depth: 5,
  strictDepth: true,
  parameterLimit: 1000,
  arrayLimit: 100,
  throwOnLimitExceeded: true,
  allowPrototypes: false,
  charset: 'utf-8',
};

/** A parameter name as qs reads it: `+` is a space, then percent-decoding (left as is when malformed). */
function decodeName(encoded: string): string {
  const spaced = encoded.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** Every name Object.prototype has, as one pattern. */
const prototypeNames = new RegExp(
  Object.getOwnPropertyNames(Object.prototype)
    .map((name) => name.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&'))
    .join('|'),
);

/**
 * Whether any part of any name may be one of Object.prototype's: only if the
 * whole body, decoded, holds one somewhere. A body that decodes as a whole
 * decodes piece by piece into the same text (`&` and `=` never split an
 * escape), and `+` (a space in a name) is in no prototype name. Almost every
 * body holds none, and is let through without being split up.
 */
function mayHavePrototypeName(body: string): boolean {
  let text = body;
  if (body.includes('%')) {
    try {
      text = decodeURIComponent(body);
    } catch {
      return true;
    }
  }
  return prototypeNames.test(text);
}

/**
 * qs drops names that Object.prototype has (`card[hasOwnProperty]`,
 * `__proto__`) without a word, so after parsing they could not be refused.
 * No Stripe parameter has such a name: each is unknown, as Stripe says, and is
 * refused here, named up to the offending part.
 */
function refusePrototypeNames(body: string): void {
  if (!mayHavePrototypeName(body)) return;
  for (const pair of body.split('&')) {
    const name = decodeName(pair.split('=', 1)[0]);
    const root = name.split('[', 1)[0];
    const parts = [root, ...Array.from(name.slice(root.length).matchAll(/\[([^[\]]*)\]/g), (match) => match[1])];
    const at = parts.findIndex((part) => Object.hasOwn(Object.prototype, part));
    if (at >= 0) throw unknownParam(parts.slice(1, at + 1).reduce((param, part) => `${param}[${part}]`, root));
  }
}

export function parseFormBody(body: string): Record<string, unknown> {
  refusePrototypeNames(body);
  try {
    return qs.parse(body, formParseOptions) as Record<string, unknown>;
  } catch {
    throw new StripeError(400, 'invalid_request_error', 'The request body could not be parsed.');
  }
}

/** The parameters that carry card, bank account and identity data: one per token kind. */
const sensitiveParams: ReadonlySet<string> = new Set(tokenKinds);

/**
 * Card, bank account and identity data sent in a URL's query, which proxies
 * and access logs write down: a token kind's parameter (`card[number]=…`), or
 * a value holding as many digits in a row as a card number.
 */
function sensitiveQueryParam(url: string): string | null {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return null;
  for (const [name, value] of new URLSearchParams(url.slice(queryStart + 1))) {
    const root = name.split('[', 1)[0];
    if (sensitiveParams.has(root)) return root;
    if (/\d{13}/.test(value.replace(/[\s-]/g, ''))) return root;
  }
  return null;
}

/**
 * Replaces Fastify's JSON and text parsers: like Stripe, the API speaks form
 * encoding only, and anything else is refused before a route runs. Raw values
 * in a URL's query are refused before that.
 */
async function formBody(app: FastifyInstance): Promise<void> {
  // Refused before any route runs; the request log shows no query value (operations/log-options.ts).
  // A callback hook: no promise per request. What it throws, Fastify answers with.
  app.addHook('onRequest', (request, _reply, done) => {
    const param = sensitiveQueryParam(request.url);
    if (param !== null) {
      throw new StripeError(
        400,
        'invalid_request_error',
        'Card, bank account and identity data must be sent in the request body, never in the URL.',
        undefined,
        param,
      );
    }
    done();
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit },
    (_request, body, done) => {
      try {
        done(null, parseFormBody(body as string));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
  app.addContentTypeParser('*', { bodyLimit }, (_request, _payload, done) => {
    done(
      new StripeError(
        415,
        'invalid_request_error',
        'Request bodies must be sent as application/x-www-form-urlencoded.',
      ),
      undefined,
    );
  });
}

export const formBodyPlugin = fp(formBody, { name: 'tokenframe-form-body', fastify: '5.x' });
