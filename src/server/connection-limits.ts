import type { Server } from 'node:http';
import type { FastifyHttpOptions } from 'fastify';

/**
 * How long a client may take and how much of the server it may hold. Without
 * them a client sending one byte every few seconds keeps its socket forever,
 * and enough such clients take every socket the process has.
 */
export interface ConnectionLimits {
  /** The whole request, headers and body, must arrive within this; then 408 and the socket is closed. */
  requestTimeoutSeconds: number;
  /** The headers must arrive within this (at most `requestTimeoutSeconds`). */
  headersTimeoutSeconds: number;
  /** An idle keep-alive connection is closed after this; above the load balancer's own idle timeout. */
  keepAliveTimeoutSeconds: number;
  /** A connection on which nothing at all arrives or leaves for this long is closed. */
  idleTimeoutSeconds: number;
  /** Connections open at once; more are closed as they arrive. */
  maxConnections: number;
  /** Requests one connection may carry; the last is answered with `Connection: close`. */
  maxRequestsPerConnection: number;
}

export const defaultConnectionLimits: ConnectionLimits = {
  requestTimeoutSeconds: 30,
  headersTimeoutSeconds: 10,
  // Fastify's own default: above the 60 s idle timeout of common load balancers.
  keepAliveTimeoutSeconds: 72,
  idleTimeoutSeconds: 120,
  maxConnections: 1000,
  maxRequestsPerConnection: 1000,
};

/** The limits as Fastify's and Node's server options (all but `maxConnections`, a property of the server). */
export function serverOptionsFor(limits: ConnectionLimits): FastifyHttpOptions<Server> {
  const requestTimeout = limits.requestTimeoutSeconds * 1000;
  const headersTimeout = limits.headersTimeoutSeconds * 1000;
  return {
    requestTimeout,
    connectionTimeout: limits.idleTimeoutSeconds * 1000,
    keepAliveTimeout: limits.keepAliveTimeoutSeconds * 1000,
    maxRequestsPerSocket: limits.maxRequestsPerConnection,
    http: {
      requestTimeout,
      headersTimeout,
      // Node looks for overdue requests this often (30 s by default, longer than a short timeout).
      connectionsCheckingInterval: Math.min(30_000, Math.ceil(Math.min(requestTimeout, headersTimeout) / 4)),
    },
  };
}
