import type { Clock } from './clock';
import type { ServiceSecrets } from './config';
import { openSecret, sealSecret, type EncryptedValue } from './crypto';
import { noSuchMessage, StripeError } from './errors';
import { sourceSealedAt, tokenSealedAt } from './storage/sealed-at';
import type { ModeScope, SealWithoutCvc, SourceRecord, TokenRecord, VaultStore } from './storage/types';
import { issueToken } from './tokens/issue';
import { liveModeTestCard, testTokenCards } from './tokens/test-cards';

/**
 * Turning a single-use token into a customer's source: consuming it
 * atomically, Stripe's test tokens, and the test card that is declined.
 */

/** Tokenizes but is declined when used, as in Stripe's test mode. */
const declinedCardNumbers = new Set(['4000000000000002']);

/** What consuming a token needs: the vault it is in, the keys to open it, the time it is used at. */
export interface SourceTokenDependencies {
  vault: VaultStore;
  secrets: ServiceSecrets;
  clock: Clock;
}

function sourceError(message: string, code?: string): StripeError {
  return new StripeError(400, 'invalid_request_error', message, code, 'source');
}

/** A token-shaped record for a test token, built fresh (with its own card id) on every use. */
function testTokenRecord(id: string, scope: ModeScope, { secrets, clock }: SourceTokenDependencies): TokenRecord {
  const nextYear = String(new Date(clock.now() * 1000).getUTCFullYear() + 1);
  const card = {
    number: testTokenCards[id],
    exp_month: '12',
    exp_year: nextYear,
    cvc: id === 'tok_amex' ? '1234' : '123',
  };
  const record = issueToken('card', card, { scope, clientIp: null, secrets, clock, ttlSeconds: 0 });
  // Its raw values are bound to the id it was issued with; only the card number says which test token it was.
  return { ...record, used: true };
}

/**
 * Uses the token named by `source` once, in the key's account and mode. Card
 * and bank account tokens only; a second use, an expired token or an unknown
 * one (the other mode's tokens included) is refused with Stripe's error. A
 * declined test card is refused before the token is used up, and test tokens
 * in live mode are refused outright.
 */
export async function consumeSourceToken(
  dependencies: SourceTokenDependencies,
  scope: ModeScope,
  tokenId: string,
): Promise<TokenRecord> {
  const { vault, secrets, clock } = dependencies;
  if (Object.hasOwn(testTokenCards, tokenId)) {
    if (scope.livemode) throw liveModeTestCard('source');
    const record = testTokenRecord(tokenId, scope, dependencies);
    if (declinedCardNumbers.has(testTokenCards[tokenId])) throw cardDeclined();
    return record;
  }
  const existing = await vault.getToken(tokenId, scope);
  if (!existing) throw sourceError(noSuchMessage('token', tokenId), 'resource_missing');
  if (existing.type !== 'card' && existing.type !== 'bank_account') {
    throw sourceError(`You cannot use a ${existing.type} token as a payment source.`, 'token_in_use');
  }
  if (existing.type === 'card' && existing.secret && !existing.used) {
    const raw = openSecret(existing.secret, secrets.encryptionKeys, tokenSealedAt(existing));
    if (declinedCardNumbers.has(String(raw.number))) throw cardDeclined();
  }
  const result = await vault.consumeToken(tokenId, scope, clock.now());
  if (result.ok) return result.token;
  if (result.reason === 'used') {
    throw sourceError(`You cannot use a Stripe token more than once: ${tokenId}.`, 'token_already_used');
  }
  if (result.reason === 'expired') throw sourceError(`This token has expired: ${tokenId}.`, 'token_expired');
  throw sourceError(noSuchMessage('token', tokenId), 'resource_missing');
}

function cardDeclined(): StripeError {
  const error = new StripeError(402, 'card_error', 'Your card was declined.', 'card_declined', 'source');
  error.declineCode = 'generic_decline';
  return error;
}

/**
 * The source a used token becomes: its card or bank account, now belonging to
 * the customer, its raw values re-encrypted for the source's row. A card keeps
 * number, expiry and name (what forwarding it later needs) and, as in Stripe,
 * its CVC for the first charge only: until the token would have expired
 * (`cvcExpiresAt`), when the sweeper wipes it, unless a forward takes it first.
 * Card data rules forbid keeping a CVC after use. Test tokens never expire
 * later than now, so their cards keep none.
 */
export function sourceFromToken(
  token: TokenRecord,
  customerId: string,
  created: number,
  secrets: ServiceSecrets,
): SourceRecord {
  const object = (token.type === 'card' ? token.token.card : token.token.bank_account) as Record<string, unknown> & {
    id: string;
    object: string;
  };
  if (!token.secret) throw sourceError(`This token has expired: ${token.id}.`, 'token_expired');
  const at = { id: object.id, accountId: token.accountId, livemode: token.livemode };
  const raw = openSecret(token.secret, secrets.encryptionKeys, tokenSealedAt(token));
  const keepsCvc = token.type === 'card' && Boolean(raw.cvc) && token.expiresAt > created;
  if (!keepsCvc) delete raw.cvc;
  return {
    ...at,
    customerId,
    source: { ...object, customer: customerId },
    secret: sealSecret(raw, secrets, sourceSealedAt(at)),
    fingerprint: token.fingerprint,
    created,
    cvcExpiresAt: keepsCvc ? token.expiresAt : null,
  };
}

/** Drops the CVC from a saved card's value, re-sealed for the same row: what taking or wiping it writes. */
export function sealWithoutCvc(secrets: ServiceSecrets): SealWithoutCvc {
  return (source: SourceRecord): EncryptedValue => {
    const at = sourceSealedAt(source);
    const raw = openSecret(source.secret, secrets.encryptionKeys, at);
    delete raw.cvc;
    return sealSecret(raw, secrets, at);
  };
}
