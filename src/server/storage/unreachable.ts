/**
 * How long opening a PostgreSQL connection may take, at start and while
 * running (a free one from a full pool included): a database that neither
 * answers nor refuses fails the request after this, instead of holding it.
 */
export const connectTimeoutMs = 5_000;

/**
 * Driver codes of a database that cannot be reached, or not right now
 * (refused, timed out, starting, full): failures that can pass by themselves.
 */
export const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '57P01', // the server is shutting down
  '57P03', // the database system is starting up
  '53300', // too many connections
]);

/** pg's own messages for a connection that was not opened in time, or was lost. */
const unreachableMessages = /^(timeout exceeded when trying to connect|Connection terminated)/;

/**
 * Whether `error` means the database could not be reached, rather than that
 * it refused a query: the request is answered 503, worth retrying, instead of
 * 500. SQLSTATE class 08 is PostgreSQL's "connection exception".
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code } = error as { code?: unknown };
  if (typeof code === 'string' && (unreachableCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  return unreachableMessages.test(error.message);
}
