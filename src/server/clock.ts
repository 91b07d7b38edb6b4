/**
 * The service's one source of time, in whole seconds since the epoch (what
 * every stored `created`, `expiresAt` and `revokedAt` holds). Decorated on the
 * app once, so a test can hand the whole service a clock it controls.
 */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Math.floor(Date.now() / 1000) };
