import type { FastifyError, FastifyRequest, FastifyServerOptions } from 'fastify';

type LoggerOption = FastifyServerOptions['logger'];

/**
 * The URL without its query values: a frame page's query carries the
 * publishable key (`?key=pk_…`), and a client may put anything in one.
 */
function withoutQueryValues(url: string): string {
  const [path, query] = url.split('?', 2);
  if (query === undefined) return path;
  const names = query.split('&').map((pair) => `${pair.split('=', 1)[0]}=[redacted]`);
  return `${path}?${names.join('&')}`;
}

const serializers = {
  req: (request: FastifyRequest) => ({
    method: request.method,
    url: withoutQueryValues(request.url),
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
 * Fastify's JSON logger (pino), each request's lines carrying its `reqId`,
 * with serializers that keep keys and raw values out. Bodies and headers are
 * never logged.
 */
export function logOptions(logger: LoggerOption): LoggerOption {
  if (!logger) return false;
  const options = logger === true ? {} : logger;
  return { ...options, serializers: { ...options.serializers, ...serializers } };
}
