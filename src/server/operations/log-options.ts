import type { FastifyError, FastifyRequest, FastifyServerOptions } from 'fastify';

type LoggerOption = FastifyServerOptions['logger'];

/**
 * The query names the service reads (a frame page's `key` and `locale`, a
 * list's cursor): only these are logged by name. Values are never logged: the
 * frame's `key` is a publishable key, and a client may put anything in a URL.
 */
const loggedQueryNames = new Set(['key', 'locale', 'limit', 'starting_after', 'ending_before', 'created', 'expand']);

/** A path segment holding a long run of digits (a card or account number sent as an id) is left out. */
function redactPathSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // Malformed escapes: judged as sent.
  }
  return /\d{9}/.test(decoded.replace(/[^0-9A-Za-z]/g, '')) ? '[redacted]' : segment;
}

/** The URL as logged: path segments that may be raw values, and every query value, replaced. */
function redactedUrl(url: string): string {
  // Most URLs (`/v1/tokens`) have no query, no escape and no segment to leave out: logged as they are.
  if (!/[?%]/.test(url) && !/\d{9}/.test(url.replace(/[^0-9A-Za-z/]/g, ''))) return url;
  const queryStart = url.indexOf('?');
  const path = (queryStart < 0 ? url : url.slice(0, queryStart)).split('/').map(redactPathSegment).join('/');
  if (queryStart < 0) return path;
  const pairs = url.slice(queryStart + 1).split('&');
  const shown = pairs.map((pair) => {
    const name = pair.split('=', 1)[0];
    // `created[gte]`, `expand%5B%5D`: known by the name before the brackets.
    return loggedQueryNames.has(name.split(/\[|%5B/i, 1)[0]) ? `${name}=[redacted]` : '[redacted]';
  });
  return `${path}?${shown.join('&')}`;
}

const serializers = {
  req: (request: FastifyRequest) => ({
    method: request.method,
    url: redactedUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  }),
  // What an operator needs to find the cause, not every property: a
  // database error's `detail` quotes the row values it was about.
  err: (error: FastifyError) => ({
    type: error.name,
    message: error.message,
    code: error.code,
    stack: error.stack ?? '',
  }),
};

/**
 * Standard output, written once per turn of the event loop: pino's default
 * writes each line with a system call of its own, two per request, which
 * under load costs more than making the lines. Lines still pending when the
 * process exits are written then; only a kill -9 loses them, at most one
 * turn's worth.
 */
function stdoutByTurn(): { write(line: string): void } {
  let pending = '';
  const flush = () => {
    const text = pending;
    pending = '';
    if (text) process.stdout.write(text);
  };
  process.once('exit', flush);
  return {
    write(line) {
      if (!pending) setImmediate(flush);
      pending += line;
    },
  };
}

/** The one stdout writer of the process, however many apps it runs. */
let sharedStdout: ReturnType<typeof stdoutByTurn> | null = null;

/**
 * Fastify's JSON logger (pino), each request's lines carrying its `reqId`,
 * with serializers that keep keys and raw values out. Bodies and headers are
 * never logged.
 */
export function logOptions(logger: LoggerOption): LoggerOption {
  if (!logger) return false;
  const options = logger === true ? {} : logger;
  const stream = 'stream' in options && options.stream ? options.stream : (sharedStdout ??= stdoutByTurn());
  return { ...options, stream, serializers: { ...options.serializers, ...serializers } };
}
