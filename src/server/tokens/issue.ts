import type { Clock } from '../clock';
import type { ServiceSecrets } from '../config';
import { fingerprint, sealSecret } from '../crypto';
import { tokenSealedAt } from '../storage/sealed-at';
import type { ModeScope, TokenRecord } from '../storage/types';
import { tokenBuilders, type TokenKind } from './index';

export interface IssueOptions {
  /** The account and mode whose vault holds the token; fingerprints are keyed per account. */
  scope: ModeScope;
  /** Echoed as `client_ip`; null when the token is made server to server. */
  clientIp: string | null;
  secrets: ServiceSecrets;
  clock: Clock;
  /** How long the token can be used. */
  ttlSeconds: number;
}

/**
 * Validates `params` with the kind's builder and makes the record the vault
 * stores: the public token object, the raw values encrypted under the current
 * key, the keyed fingerprint. Every way a token comes to be (`POST
 * /v1/tokens`, Plaid's processor endpoint, Stripe's test tokens) goes through
 * here, so they are stored alike.
 */
export function issueToken(kind: TokenKind, params: unknown, options: IssueOptions): TokenRecord {
  const { scope, clientIp, secrets, clock, ttlSeconds } = options;
  const { accountId, livemode } = scope;
  const created = clock.now();
  const built = tokenBuilders[kind](params, {
    clientIp,
    created,
    livemode,
    fingerprint: (value) => fingerprint(secrets.fingerprintKey, accountId, value),
  });
  return {
    id: built.token.id,
    accountId,
    livemode,
    type: built.token.type,
    token: built.token,
    secret: sealSecret(built.secret, secrets, tokenSealedAt({ id: built.token.id, accountId, livemode })),
    fingerprint: built.fingerprint,
    used: false,
    created,
    expiresAt: created + ttlSeconds,
  };
}
