import type { PublicToken } from '../storage/types';

/** What a token builder needs from the request and the service, and nothing more. */
export interface TokenContext {
  /** The caller's IP, echoed as `client_ip`. */
  clientIp: string | null;
  /** Unix seconds. */
  created: number;
  /** Made with a live key: the token says so, and test cards are refused. */
  livemode: boolean;
  /** A keyed, per-account fingerprint of a raw value (see `crypto.fingerprint`). */
  fingerprint(value: string): string;
}

/** A validated token, ready to be stored. */
export interface BuiltToken {
  /** The object the API returns: no raw values in here. */
  token: PublicToken;
  /** The raw values, stored encrypted as one JSON document; never returned. */
  secret: Record<string, unknown>;
  fingerprint: string | null;
}

/**
 * One builder per token kind. `params` is the request's `<kind>` parameter as
 * parsed (a dictionary when well formed); builders throw a `StripeError` for
 * anything they refuse.
 */
export type TokenBuilder = (params: unknown, context: TokenContext) => BuiltToken;
