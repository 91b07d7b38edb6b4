/**
 * `tokenframe/server`: the tokenization service for use inside a Node program.
 *
 * - `startService()` listens on its own port, like `tokenframe serve`.
 * - `createTokenframeHandler()` gives a request handler for a `node:http`
 *   server, Express or Connect app you already run.
 * - `buildApp()` is the bare Fastify app, for tests (`app.inject()`) or your
 *   own lifecycle; it takes a store from `openStore()` and secrets from `loadConfig()`.
 */
export { startService, sweep, type StartServiceOptions, type RunningService } from './service';
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
export { createKeyPair, type KeyPair } from './keys';
export { openStore, type OpenStoreOptions } from './storage';
export type { TokenStore } from './storage/types';
export type { RateLimits } from './routes/tokens';
