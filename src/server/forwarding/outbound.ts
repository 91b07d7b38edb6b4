import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import { StripeError } from '../errors';

/** How long a forward may take and how much its answer may hold. */
export interface ForwardingLimits {
  /** Until the destination accepts the connection (TLS included). */
  connectTimeoutMs: number;
  /** The whole exchange, from connecting to the answer's last byte. */
  totalTimeoutMs: number;
  /** The processor's answer is stored and returned whole; a bigger one is not an answer to a payment. */
  responseLimitBytes: number;
}

/** The limits every forward runs under; only tests pass others, to see them hit without waiting 30 s. */
export const defaultForwardingLimits: ForwardingLimits = {
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 30_000,
  responseLimitBytes: 256 * 1024,
};

/** Loopback, private, link-local (cloud metadata at 169.254.169.254 and fd00:ec2::254), and other non-public ranges. */
const privateRanges = new BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  privateRanges.addSubnet(address, prefix, 'ipv4');
}
for (const [address, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  privateRanges.addSubnet(address, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 one.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return privateRanges.check(mapped, 'ipv4');
  return privateRanges.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

function refused(message: string, code = 'forwarding_destination_refused'): StripeError {
  return new StripeError(400, 'invalid_request_error', message, code, 'url');
}

function unreachable(message: string): StripeError {
  return new StripeError(502, 'api_error', message, 'forwarding_destination_unreachable', 'url');
}

/**
 * A send that failed part way. The card details may have reached the
 * destination, so nothing is retried and a card token stays used: a card is
 * forwarded at most once.
 */
function sendFailed(message: string): StripeError {
  return unreachable(`${message} It is not retried and a card token used for it stays used.`);
}

/**
 * The one address the request goes to: the host is resolved once here and
 * connected to directly, so a DNS answer that changes between a check and the
 * connection cannot send card data to an address the check refused.
 */
export async function resolveDestination(url: URL, allowPrivateNetwork: boolean): Promise<string> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map(({ address }) => address);
    } catch {
      throw unreachable('The destination host could not be resolved.');
    }
  }
  // Every address is checked, not only the one used: a name that resolves partly inside is refused.
  if (!allowPrivateNetwork && addresses.some(isPrivateAddress)) {
    throw refused('The destination resolves to a private network address, which it is not registered for.');
  }
  return addresses[0];
}

export interface OutboundRequest {
  url: URL;
  address: string;
  method: string;
  headers: [string, string][];
  body: string;
}

export interface OutboundResponse {
  status: number;
  headers: [string, string][];
  body: string;
}

/**
 * Sends the request to the resolved address and reads the answer. Redirects
 * are not followed here (the caller refuses a 3xx). The connection, the whole
 * exchange and the answer's size are bounded.
 */
export function send(
  { url, address, method, headers, body }: OutboundRequest,
  { connectTimeoutMs, totalTimeoutMs, responseLimitBytes }: ForwardingLimits = defaultForwardingLimits,
): Promise<OutboundResponse> {
  const family = isIP(address);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(url, {
      method,
      // Given as a list, the headers keep their order and case, and Node adds no Host of its own.
      headers: ['Host', url.host, ...headers.flat(), 'Content-Length', String(Buffer.byteLength(body))],
      // Pinned to the checked address; the URL's host still names the server for TLS and the Host header.
      lookup: (_host, options, callback) => {
        if ((options as { all?: boolean }).all) (callback as (...args: unknown[]) => void)(null, [{ address, family }]);
        else callback(null, address, family);
      },
      agent: false,
    });
    const total = setTimeout(
      () => request.destroy(sendFailed('The destination did not answer in time.')),
      totalTimeoutMs,
    );
    const connect = setTimeout(
      () => request.destroy(sendFailed('The destination did not accept a connection in time.')),
      connectTimeoutMs,
    );
    request.once('socket', (socket) =>
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connect)),
    );
    request.once('close', () => {
      clearTimeout(total);
      clearTimeout(connect);
    });
    request.once('error', (error) =>
      reject(error instanceof StripeError ? error : sendFailed('The destination could not be reached.')),
    );
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > responseLimitBytes) request.destroy(sendFailed('The destination answered with too much data.'));
        else chunks.push(chunk);
      });
      response.once('end', () => {
        const pairs: [string, string][] = [];
        for (let index = 0; index < response.rawHeaders.length; index += 2) {
          pairs.push([response.rawHeaders[index], response.rawHeaders[index + 1]]);
        }
        resolve({ status: response.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks).toString('utf8') });
      });
      response.once('error', () => reject(sendFailed('The destination could not be reached.')));
    });
    request.end(body);
  });
}
