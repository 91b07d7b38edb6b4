import type { FastifyInstance } from 'fastify';
import { apiKeyOf } from '../auth';
import { openSecret, type EncryptedValue, type SealedAt } from '../crypto';
import { noSuchMessage, StripeError } from '../errors';
import { sourceSealedAt, tokenSealedAt } from '../storage/sealed-at';
import { newId } from '../ids';
import { sealWithoutCvc } from '../sources';
import type { Database } from '../storage/database';
import type { ModeScope } from '../storage/types';
import {
  checkKnownParams,
  isParams,
  readDictionary,
  readInteger,
  readMetadata,
  readRequiredString,
  readString,
} from '../tokens/params';
import { normalizeDestinationUrl } from './destination-input';
import { openDestinationStore, type ForwardingDestination, type ReplacementField } from './destinations-store';
import { fillBody, isJsonDestination, type CardValues } from './fill';
import { defaultForwardingLimits, resolveDestination, send, type ForwardingLimits } from './outbound';
import { redactEcho, redactedValues, redactHeaders } from './redact';
import { openRequestStore, type ForwardingRequestObject } from './requests-store';

const requestParams = ['payment_method', 'url', 'replacements', 'request', 'metadata', 'expand'];
/** Stripe's replacements, and the card values each one writes. */
const replacementFieldsOf: Record<string, ReplacementField[]> = {
  card_number: ['card_number'],
  card_expiry: ['card_exp_month', 'card_exp_year'],
  card_cvc: ['card_cvc'],
  cardholder_name: ['cardholder_name'],
};
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Set by tokenframe for the outbound request; a merchant's would let it frame a second request. */
const reservedHeaders = ['host', 'content-length', 'transfer-encoding', 'connection', 'upgrade', 'te', 'trailer'];
const idSchema = {
  params: { type: 'object', properties: { id: { type: 'string', maxLength: 255 } }, required: ['id'] },
} as const;

function invalid(message: string, param: string, code = 'parameter_invalid'): StripeError {
  return new StripeError(400, 'invalid_request_error', message, code, param);
}

function cvcUnavailable(): StripeError {
  return invalid(
    'The CVC of this payment method is not available: a CVC is forwarded at most once, and a saved card ' +
      'keeps it only for its first charge, until its token would have expired. Collect it again ' +
      '(a new card token) to forward card_cvc.',
    'replacements',
    'card_cvc_unavailable',
  );
}

function readReplacements(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0)
    throw invalid('Missing required param: replacements.', 'replacements', 'parameter_missing');
  for (const item of value) {
    if (typeof item !== 'string' || !Object.hasOwn(replacementFieldsOf, item)) {
      throw invalid(`Invalid replacements: must be ${Object.keys(replacementFieldsOf).join(', ')}.`, 'replacements');
    }
  }
  return [...new Set(value as string[])];
}

/** `request[headers][][name|value]`: names HTTP allows, values without line breaks, none tokenframe sets itself. */
function readHeaders(value: unknown): [string, string][] {
  if (value === undefined || value === '') return [];
  if (!Array.isArray(value))
    throw invalid('request[headers] must be a list of name and value pairs.', 'request[headers]');
  return value.map((header, index) => {
    const param = `request[headers][${index}]`;
    if (!isParams(header)) throw invalid(`${param} must have a name and a value.`, param);
    checkKnownParams(header, ['name', 'value'], param);
    const name = readRequiredString(header.name, `${param}[name]`);
    const text = readString(header.value, `${param}[value]`) ?? '';
    if (!headerName.test(name) || reservedHeaders.includes(name.toLowerCase())) {
      throw invalid(`${param}[name] is not a header that can be forwarded.`, `${param}[name]`);
    }
    if (/[\r\n\0]/.test(text)) throw invalid(`${param}[value] cannot hold line breaks.`, `${param}[value]`);
    return [name, text];
  });
}

/** The destination's own headers, credentials read from the service's environment now. */
function destinationHeaders(destination: ForwardingDestination): [string, string][] {
  return destination.headers.map((header) => {
    if (!('env' in header)) return [header.name, header.value];
    const value = process.env[header.env];
    if (value === undefined) {
      // The operator's setup, not the merchant's request: a 500 without the variable's name.
      throw new StripeError(500, 'api_error', 'The destination is not fully configured on this service.');
    }
    return [header.name, value];
  });
}

export interface ForwardingOptions {
  /** The open database: forwarding keeps its own tables there. */
  database: Database;
  /** Timeouts and the answer's size limit (default `defaultForwardingLimits`); tests shorten them. */
  limits?: ForwardingLimits;
}

/**
 * Stripe's Vault and Forward API: a merchant's server sends a request for a
 * registered destination, and the card details of a token are written into
 * it on the way, so the merchant's server never holds them. Secret key only.
 */
export async function forwardingRoutes(app: FastifyInstance, options: ForwardingOptions): Promise<void> {
  const { stores, secrets, clock, metrics } = app;
  const destinations = await openDestinationStore(options.database);
  const requests = await openRequestStore(options.database);

  /** The values to fill in, from raw values opened (bound to their row `at`) and the public card object. */
  function cardValues(secret: EncryptedValue, at: SealedAt, card: Record<string, unknown> | undefined): CardValues {
    const raw = openSecret(secret, secrets.encryptionKeys, at);
    return {
      card_number: String(raw.number),
      card_exp_month: String(raw.exp_month),
      card_exp_year: String(raw.exp_year),
      ...(raw.cvc ? { card_cvc: String(raw.cvc) } : {}),
      ...(typeof card?.name === 'string' && card.name ? { cardholder_name: card.name } : {}),
    };
  }

  /** Refuses, before anything is used or sent, a forward that asks for a value the card does not have. */
  function checkFields(card: CardValues, fields: ReplacementField[]): void {
    if (fields.includes('card_cvc') && card.card_cvc === undefined) throw cvcUnavailable();
    const missing = fields.find((field) => card[field] === undefined);
    if (missing) throw invalid(`The payment method has no ${missing} to forward.`, 'replacements');
  }

  /**
   * The values of `fields` from the card behind `payment_method`: a card
   * saved on a customer (`card_…`, reusable; its CVC taken by the first
   * forward that asks for it) or a card token, used once here. Both only in
   * the caller's account and mode; refusals are Stripe's errors, and a
   * refused token or saved CVC stays as it was.
   */
  async function takeCard(paymentMethod: string, scope: ModeScope, fields: ReplacementField[]): Promise<CardValues> {
    const param = 'payment_method';
    const missing = () => invalid(noSuchMessage('PaymentMethod', paymentMethod), param, 'resource_missing');
    let card: CardValues;
    if (/^card_[A-Za-z0-9]+$/.test(paymentMethod)) {
      const source = await stores.customers.getSource(paymentMethod, scope);
      if (!source || source.source.object !== 'card') throw missing();
      card = cardValues(source.secret, sourceSealedAt(source), source.source);
      // Only a CVC within its first-charge window is forwarded (cards saved before it existed may hold one).
      if (source.cvcExpiresAt === null || source.cvcExpiresAt <= clock.now()) delete card.card_cvc;
      checkFields(card, fields);
      if (fields.includes('card_cvc')) {
        const taken = await stores.customers.takeSourceCvc(source.id, scope, clock.now(), sealWithoutCvc(secrets));
        // Another forward (in any process) took it since the read above: this one sends nothing.
        if (!taken) throw cvcUnavailable();
        card = cardValues(taken.secret, sourceSealedAt(taken), taken.source);
      }
    } else {
      const token = /^tok_[A-Za-z0-9]+$/.test(paymentMethod) ? await stores.vault.getToken(paymentMethod, scope) : null;
      if (!token || token.type !== 'card') throw missing();
      if (!token.used && token.secret)
        checkFields(
          cardValues(token.secret, tokenSealedAt(token), token.token.card as Record<string, unknown>),
          fields,
        );
      const result = await stores.vault.consumeToken(token.id, scope, clock.now());
      if (!result.ok && result.reason === 'used') {
        throw invalid(`You cannot use a Stripe token more than once: ${token.id}.`, param, 'token_already_used');
      }
      if (!result.ok || !result.token.secret)
        throw invalid(`This token has expired: ${token.id}.`, param, 'token_expired');
      card = cardValues(
        result.token.secret,
        tokenSealedAt(result.token),
        result.token.token.card as Record<string, unknown> | undefined,
      );
    }
    return Object.fromEntries(fields.map((field) => [field, card[field]]));
  }

  app.post('/v1/forwarding/requests', { config: { auth: 'secret' } }, async (request, reply) => {
    const body = isParams(request.body) ? request.body : {};
    checkKnownParams(body, requestParams, '');
    const key = apiKeyOf(request);
    const scope: ModeScope = { accountId: key.accountId, livemode: key.livemode };
    const paymentMethod = readRequiredString(body.payment_method, 'payment_method');
    const urlText = readRequiredString(body.url, 'url');
    const replacements = readReplacements(body.replacements);
    const outbound = readDictionary(body.request ?? {}, 'request');
    checkKnownParams(outbound, ['body', 'headers'], 'request');
    const requestBody = readString(outbound.body, 'request[body]') ?? '';
    const merchantHeaders = readHeaders(outbound.headers);
    const metadata = readMetadata(body.metadata, 'metadata') ?? {};

    let url: string;
    try {
      url = normalizeDestinationUrl(urlText);
    } catch {
      throw invalid('Invalid URL: url must be an https URL of a registered destination.', 'url');
    }
    // Read now, not cached: a destination the operator removed a moment ago is refused.
    const destination = await destinations.findDestination(scope.accountId, url);
    if (!destination) {
      throw invalid(
        'This URL is not a registered forwarding destination of your account.',
        'url',
        'forwarding_destination_unregistered',
      );
    }
    const target = new URL(url);
    if (scope.livemode && (target.protocol !== 'https:' || destination.allowPrivateNetwork)) {
      throw invalid(
        'Live mode forwards only to https destinations on public networks.',
        'url',
        'forwarding_destination_refused',
      );
    }
    const fields = replacements.flatMap((replacement) => replacementFieldsOf[replacement]);
    const unmapped = fields.find((field) => !destination.mappings.some((mapping) => mapping.field === field));
    if (unmapped) throw invalid(`The destination has no place for ${unmapped}.`, 'replacements');
    const mappings = destination.mappings.filter((mapping) => fields.includes(mapping.field));
    // Filled once with stand-ins first: a body that cannot take the values is refused before the card is used.
    fillBody(requestBody, mappings, Object.fromEntries(fields.map((field) => [field, '0'])));
    const ownHeaders = destinationHeaders(destination);
    const address = await resolveDestination(target, destination.allowPrivateNetwork);

    const values = await takeCard(paymentMethod, scope, fields);

    const ownNames = new Set(ownHeaders.map(([name]) => name.toLowerCase()));
    const contentType = isJsonDestination(destination.mappings)
      ? 'application/json'
      : 'application/x-www-form-urlencoded';
    const headers: [string, string][] = [
      ...merchantHeaders.filter(([name]) => !ownNames.has(name.toLowerCase())),
      ...ownHeaders,
    ];
    if (!headers.some(([name]) => name.toLowerCase() === 'content-type')) headers.push(['Content-Type', contentType]);

    /**
     * stripe-node retries a 5xx by itself; not a failure from here on, as the card may have reached the
     * destination (and a saved card would be sent again).
     */
    const notRetried = (error: unknown): never => {
      reply.header('Stripe-Should-Retry', 'false');
      throw error;
    };
    const started = performance.now();
    const response = await send(
      { url: target, address, method: destination.method, headers, body: fillBody(requestBody, mappings, values) },
      options.limits ?? defaultForwardingLimits,
    ).catch(notRetried);
    const duration = Math.round(performance.now() - started);
    metrics.forwardedRequests.inc({ status: String(response.status) });
    if (response.status >= 300 && response.status < 400) {
      // The registered URL got the request; where it points next is not registered, and its
      // Location, which may name anything, is neither followed, stored nor repeated.
      throw invalid(
        `The destination answered with a redirect (${response.status}), which is not followed. ` +
          'Register the URL it redirects to and forward there. A card token used for this request stays used.',
        'url',
        'forwarding_destination_redirect',
      );
    }

    const created = clock.now();
    const forwarded: ForwardingRequestObject = {
      id: newId('fwdreq'),
      object: 'forwarding.request',
      created,
      livemode: scope.livemode,
      metadata,
      payment_method: paymentMethod,
      replacements,
      request_context: { destination_duration: duration, destination_ip_address: address },
      request_details: {
        body: fillBody(requestBody, mappings, redactedValues(values)),
        headers: redactHeaders(headers),
        http_method: destination.method,
      },
      response_details: {
        body: redactEcho(response.body, values),
        headers: response.headers.map(([name, value]) => ({ name, value: redactEcho(value, values) })),
        status: response.status,
      },
      url,
    };
    await requests.insertRequest({ id: forwarded.id, ...scope, request: forwarded, created }).catch(notRetried);
    return forwarded;
  });

  app.get<{ Params: { id: string } }>(
    '/v1/forwarding/requests/:id',
    { config: { auth: 'secret' }, schema: idSchema },
    async (request) => {
      const record = await requests.getRequest(request.params.id, apiKeyOf(request));
      if (!record) {
        const message = noSuchMessage('forwarding request', request.params.id);
        throw new StripeError(404, 'invalid_request_error', message, 'resource_missing', 'id');
      }
      return record.request;
    },
  );

  app.get('/v1/forwarding/requests', { config: { auth: 'secret' } }, async (request) => {
    const query = isParams(request.query) ? request.query : {};
    checkKnownParams(query, ['limit', 'starting_after', 'expand', 'created'], '');
    const key = apiKeyOf(request);
    const limit = readInteger(query.limit, 'limit') ?? 10;
    if (limit < 1 || limit > 100) throw invalid('limit must be between 1 and 100.', 'limit');
    const afterId = readString(query.starting_after, 'starting_after');
    // The cursor must be one of the caller's own: another account's would reveal where its requests sit.
    if (afterId && !(await requests.getRequest(afterId, key)))
      throw invalid(noSuchMessage('forwarding request', afterId), 'starting_after', 'resource_missing');
    const page = await requests.listRequests(key, limit + 1, afterId);
    return {
      object: 'list',
      data: page.slice(0, limit).map((record) => record.request),
      has_more: page.length > limit,
      url: '/v1/forwarding/requests',
    };
  });
}
