import { isIP } from 'node:net';
import { defaultConnectionLimits } from '../connection-limits';
import { defaultRateLimits } from '../rate-limit/token-limits';
import { ConfigError } from './config-error';

/** Fastify's `trustProxy`, as an operator can write it: on, off, or the proxies' addresses. */
export type TrustProxy = boolean | string[];

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/**
 * One setting of `tokenframe serve`: its flag, the environment variables it
 * falls back to, its default. The loader reads the variables, the CLI the
 * flags, and `serve --help` is written from this table, so the three cannot
 * disagree.
 */
export interface Setting<T> {
  /** The flag, without `--`. */
  flag: string;
  /** What the help shows after the flag. */
  placeholder: string;
  /** Read when the flag is not given; the first one set wins. */
  env: readonly string[];
  default: T;
  help: string;
  /** `source` is the flag or variable the text came from, for the error message. */
  parse(text: string, source: string): T;
}

function text(value: string, source: string): string {
  if (value.trim() === '') throw new ConfigError(`${source} is empty.`);
  return value;
}

function integerFrom(value: string, source: string, min: number, max: number, what: string): number {
  const number = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new ConfigError(`${source} must be ${what}; got "${value}".`);
  }
  return number;
}

const positiveInteger = (value: string, source: string) =>
  integerFrom(value, source, 1, Number.MAX_SAFE_INTEGER, 'a whole number above 0');

function trustProxy(value: string, source: string): TrustProxy {
  const trimmed = value.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (/^\d+$/.test(trimmed)) {
    // Fastify ignores hop counts (it cannot tell the nearest proxy from a client sending X-Forwarded-For itself).
    throw new ConfigError(
      `${source} cannot be a hop count: list the load balancers' addresses or CIDR ranges instead, e.g. 10.0.0.0/8.`,
    );
  }
  const ranges = trimmed.split(',').map((part) => part.trim());
  for (const range of ranges) {
    const [address, prefix, ...rest] = range.split('/');
    const version = isIP(address);
    const maxPrefix = version === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (version === 0 || !prefixOk || rest.length > 0) {
      throw new ConfigError(
        `${source} must be true, false, or a comma-separated list of IP addresses and CIDR ranges; "${range}" is none of these.`,
      );
    }
  }
  return ranges;
}

function logLevel(value: string, source: string): LogLevel {
  const level = logLevels.find((known) => known === value.trim());
  if (!level) throw new ConfigError(`${source} must be one of ${logLevels.join(', ')}; got "${value}".`);
  return level;
}

export const settings = {
  dataDir: {
    flag: 'data-dir',
    placeholder: 'DIR',
    env: ['TOKENFRAME_DATA_DIR'],
    default: './.tokenframe',
    help: 'where secrets.json (from `tokenframe init`) and the SQLite database live',
    parse: text,
  },
  host: {
    flag: 'host',
    placeholder: 'ADDRESS',
    env: ['TOKENFRAME_HOST', 'HOST'],
    default: '127.0.0.1',
    help: 'interface to listen on (0.0.0.0 for every one)',
    parse: text,
  },
  port: {
    flag: 'port',
    placeholder: 'PORT',
    env: ['TOKENFRAME_PORT', 'PORT'],
    default: 4242,
    help: 'port to listen on (0 picks a free one)',
    parse: (value: string, source: string) => integerFrom(value, source, 0, 65535, 'a port number (0 to 65535)'),
  },
  tokenTtlSeconds: {
    flag: 'token-ttl',
    placeholder: 'SECONDS',
    env: ['TOKENFRAME_TOKEN_TTL'],
    default: 60 * 60,
    help: 'how long an unused token stays usable; then its raw values are wiped',
    parse: positiveInteger,
  },
  rateLimitPerKey: {
    flag: 'rate-limit-per-key',
    placeholder: 'N',
    env: ['TOKENFRAME_RATE_LIMIT_PER_KEY'],
    default: defaultRateLimits.perKeyPerMinute,
    help: 'tokens a key may create a minute, from all its clients together (refused requests do not count)',
    parse: positiveInteger,
  },
  rateLimitPerIp: {
    flag: 'rate-limit-per-ip',
    placeholder: 'N',
    env: ['TOKENFRAME_RATE_LIMIT_PER_IP'],
    default: defaultRateLimits.perIpPerMinute,
    help: 'token requests a minute per client address, refused ones included (behind a proxy: --trust-proxy)',
    parse: positiveInteger,
  },
  rateLimitFailedAuthPerIp: {
    flag: 'rate-limit-failed-auth',
    placeholder: 'N',
    env: ['TOKENFRAME_RATE_LIMIT_FAILED_AUTH'],
    default: defaultRateLimits.failedAuthPerIpPerMinute,
    help: 'failed authentications (401) a minute per client address; then 429 on every authenticated route',
    parse: positiveInteger,
  },
  requestTimeoutSeconds: {
    flag: 'request-timeout',
    placeholder: 'SECONDS',
    env: ['TOKENFRAME_REQUEST_TIMEOUT'],
    default: defaultConnectionLimits.requestTimeoutSeconds,
    help: 'a request’s headers and body must arrive within this; then 408 and the connection is closed',
    parse: positiveInteger,
  },
  headersTimeoutSeconds: {
    flag: 'headers-timeout',
    placeholder: 'SECONDS',
    env: ['TOKENFRAME_HEADERS_TIMEOUT'],
    default: defaultConnectionLimits.headersTimeoutSeconds,
    help: 'a request’s headers must arrive within this (at most --request-timeout)',
    parse: positiveInteger,
  },
  keepAliveTimeoutSeconds: {
    flag: 'keep-alive-timeout',
    placeholder: 'SECONDS',
    env: ['TOKENFRAME_KEEP_ALIVE_TIMEOUT'],
    default: defaultConnectionLimits.keepAliveTimeoutSeconds,
    help: 'an idle keep-alive connection is closed after this; keep it above the load balancer’s idle timeout',
    parse: positiveInteger,
  },
  idleTimeoutSeconds: {
    flag: 'idle-timeout',
    placeholder: 'SECONDS',
    env: ['TOKENFRAME_IDLE_TIMEOUT'],
    default: defaultConnectionLimits.idleTimeoutSeconds,
    help: 'a connection on which nothing arrives or leaves for this long is closed',
    parse: positiveInteger,
  },
  maxConnections: {
    flag: 'max-connections',
    placeholder: 'N',
    env: ['TOKENFRAME_MAX_CONNECTIONS'],
    default: defaultConnectionLimits.maxConnections,
    help: 'connections open at once (per process); more are closed as they arrive',
    parse: positiveInteger,
  },
  maxRequestsPerConnection: {
    flag: 'max-requests-per-connection',
    placeholder: 'N',
    env: ['TOKENFRAME_MAX_REQUESTS_PER_CONNECTION'],
    default: defaultConnectionLimits.maxRequestsPerConnection,
    help: 'requests one keep-alive connection may carry; then the client opens another',
    parse: positiveInteger,
  },
  trustProxy: {
    flag: 'trust-proxy',
    placeholder: 'VALUE',
    env: ['TOKENFRAME_TRUST_PROXY'],
    default: false as TrustProxy,
    help: 'the load balancers’ addresses (IPs, CIDRs, comma-separated) or true: client IPs from X-Forwarded-For',
    parse: trustProxy,
  },
  logLevel: {
    flag: 'log-level',
    placeholder: 'LEVEL',
    env: ['TOKENFRAME_LOG_LEVEL'],
    default: 'info' as LogLevel,
    help: logLevels.join(', '),
    parse: logLevel,
  },
  databaseConnectAttempts: {
    flag: 'database-connect-attempts',
    placeholder: 'N',
    env: ['TOKENFRAME_DATABASE_CONNECT_ATTEMPTS'],
    default: 5,
    help: 'tries to reach PostgreSQL at start, pausing longer each time (5 take about 10 s)',
    parse: positiveInteger,
  },
} satisfies Record<string, Setting<unknown>>;

type Settings = typeof settings;
export type SettingValues = { [name in keyof Settings]: ReturnType<Settings[name]['parse']> };

/** The setting's value from the first of its environment variables that is set, or undefined. */
export function fromEnvironment<T>(setting: Setting<T>, env: NodeJS.ProcessEnv): T | undefined {
  const name = setting.env.find((variable) => env[variable] !== undefined && env[variable] !== '');
  return name === undefined ? undefined : setting.parse(env[name]!, name);
}
