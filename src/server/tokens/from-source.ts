import type { Clock } from '../clock';
import type { ServiceSecrets } from '../config';
import { openSecret, sealSecret } from '../crypto';
import { noSuchMessage, StripeError } from '../errors';
import { newId } from '../ids';
import { sourceSealedAt, tokenSealedAt } from '../storage/sealed-at';
import type { CustomerStore, ModeScope, TokenRecord } from '../storage/types';
import { checkKnownParams, readString, type Params } from './params';

/**
 * `POST /v1/tokens` with `customer=cus_…` and `card=card_…` (or
 * `bank_account=ba_…`): a new single-use token from a card or bank account
 * saved on that customer, so it can be forwarded or saved elsewhere like any
 * token. Secret key only. The token has no CVC: a saved card keeps none.
 */

export interface SourceTokenOptions {
  scope: ModeScope;
  /** Echoed as `client_ip`. */
  clientIp: string | null;
  customers: CustomerStore;
  secrets: ServiceSecrets;
  clock: Clock;
  /** How long the token can be used. */
  ttlSeconds: number;
}

const sourceKinds = { card: { prefix: 'card', token: 'tok' }, bank_account: { prefix: 'ba', token: 'btok' } } as const;

function invalid(message: string, param: string, code: string): StripeError {
  return new StripeError(400, 'invalid_request_error', message, code, param);
}

/** Whether the request asks for a token from a customer's saved source rather than from new details. */
export function isSourceTokenRequest(body: Params): boolean {
  return body.customer !== undefined && body.customer !== '';
}

/** Finds the customer and its source in the key's account and mode, and makes the new token's record. */
export async function tokenFromSavedSource(body: Params, options: SourceTokenOptions): Promise<TokenRecord> {
  const { scope, customers, secrets, clock } = options;
  checkKnownParams(body, ['customer', ...Object.keys(sourceKinds), 'expand'], '');
  const customerId = readString(body.customer, 'customer') ?? '';
  const kinds = (Object.keys(sourceKinds) as (keyof typeof sourceKinds)[]).filter((kind) => body[kind] !== undefined);
  if (kinds.length !== 1) {
    throw invalid('A token from a customer needs exactly one of card or bank_account.', 'card', 'parameter_missing');
  }
  const [kind] = kinds;
  const sourceId = readString(body[kind], kind) ?? '';
  if (!(await customers.getCustomer(customerId, scope))) {
    throw invalid(noSuchMessage('customer', customerId), 'customer', 'resource_missing');
  }
  const source = /^[a-z]+_[A-Za-z0-9]+$/.test(sourceId) ? await customers.getSource(sourceId, scope) : null;
  const { prefix, token: tokenPrefix } = sourceKinds[kind];
  if (!source || source.customerId !== customerId || !source.id.startsWith(`${prefix}_`)) {
    // Stripe's wording and code for a source that is not saved on the customer.
    const shown = sourceId.startsWith(`${prefix}_`) ? sourceId.slice(0, 40) : 'that ID';
    throw invalid(`Customer ${customerId} does not have ${kind.replace('_', ' ')} with ID ${shown}`, kind, 'missing');
  }
  const raw = openSecret(source.secret, secrets.encryptionKeys, sourceSealedAt(source));
  // A saved card's CVC is for its own first charge only (forwarding takes it): the new token never carries it.
  delete raw.cvc;
  const object: Record<string, unknown> = { ...source.source, id: newId(prefix) };
  delete object.customer;
  if (kind === 'card') object.cvc_check = null;
  const created = clock.now();
  const id = newId(tokenPrefix);
  const at = { id, accountId: scope.accountId, livemode: scope.livemode };
  return {
    ...at,
    type: kind,
    token: {
      id,
      object: 'token',
      [kind]: object,
      client_ip: options.clientIp,
      created,
      livemode: scope.livemode,
      type: kind,
      used: false,
    },
    secret: sealSecret(raw, secrets, tokenSealedAt(at)),
    fingerprint: source.fingerprint,
    used: false,
    created,
    expiresAt: created + options.ttlSeconds,
  };
}
