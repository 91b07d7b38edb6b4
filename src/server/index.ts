/**
 * `tokenframe/server`: the tokenization service for use inside a Node program.
 *
 * - `startService()` listens on its own port, like `tokenframe serve`.
 * - `createTokenframeHandler()` gives a request handler for a `node:http`
 *   server, Express or Connect app you already run.
 * - `buildApp()` is the bare Fastify app, for tests (`app.inject()`) or your
 *   own lifecycle; it takes stores (and their `database`) from
 *   `openStores()`, secrets from `loadConfig()` and a clock (`systemClock`).
 *
 * Development mode (`dev: true`, `tokenframe serve --dev`) adds the
 * development account and the Plaid sandbox; without it, keys come from
 * `createKeyPair()` or `tokenframe keys create`.
 */
export { startService, sweep, type StartServiceOptions, type RunningService } from './service';
export { systemClock, type Clock } from './clock';
export {
  createTokenframeHandler,
  type EmbeddedService,
  type TokenframeHandler,
  type TokenframeHandlerOptions,
} from './embed';
export { buildApp, type AppOptions } from './app';
export {
  defaultHost,
  defaultPort,
  loadConfig,
  type LoadConfigOptions,
  type ServiceConfig,
  type ServiceSecrets,
} from './config';
export { createKeyPair, type CreateKeyPairOptions, type KeyPair } from './keys';
export { openStores } from './storage';
export type { Stores } from './storage/types';
export type { RateLimits } from './rate-limit/token-limits';
