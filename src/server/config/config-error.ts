/**
 * A setting is missing, malformed or too weak. The CLI prints its message
 * alone (no stack) and exits with 2: the operator has something to fix, and
 * the message says what. It never quotes a secret's value.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
