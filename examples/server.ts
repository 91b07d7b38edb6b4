import { appendFileSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Stripe from 'stripe';

/**
 * One tiny merchant server for the framework examples, each on a localhost
 * port of its own (its own origin, like a real shop):
 *
 * - plain HTML (examples/plain-html/index.html, served with the service URL,
 *   the loader's SRI hash and the publishable key filled in),
 * - React and Vue (examples/{react,vue}/dist, built first by `node --import tsx examples/build.ts`).
 *
 * Each answers `POST /pay` (a form post or JSON `{token}`): it saves the card
 * to a new customer with stripe-node and the secret key, which uses the token
 * up (a token id posted twice is refused), and answers "Paid with {brand} ••••
 * {last4}". It only ever sees token IDs.
 *
 * `node --import tsx examples/server.ts [--service http://127.0.0.1:4242]
 *  [--data-dir .tokenframe] [--request-log FILE] [--plain-port 5301]
 *  [--react-port 5302] [--vue-port 5303]`
 *
 * The keys come from the service's data directory (`dev-keys.json`, written on
 * its first start in development mode), as in demo/main.ts. The examples'
 * origins must be on the key's allowed origins:
 * `tokenframe serve --dev --allowed-origin http://localhost:5301 …`.
 */
const { values } = parseArgs({
  options: {
    service: { type: 'string', default: 'http://127.0.0.1:4242' },
    'data-dir': { type: 'string', default: process.env.TOKENFRAME_DATA_DIR ?? '.tokenframe' },
    'request-log': { type: 'string' },
    host: { type: 'string', default: 'localhost' },
    'plain-port': { type: 'string', default: '5301' },
    'react-port': { type: 'string', default: '5302' },
    'vue-port': { type: 'string', default: '5303' },
  },
});

const here = import.meta.dirname;
const serviceUrl = new URL(values.service).origin;
const keys = JSON.parse(readFileSync(join(resolve(values['data-dir']), 'dev-keys.json'), 'utf8')) as {
  publishableKey: string;
  secretKey: string;
};
const service = new URL(serviceUrl);
const stripe = new Stripe(keys.secretKey, {
  host: service.hostname,
  port: Number(service.port || (service.protocol === 'https:' ? 443 : 80)),
  protocol: service.protocol === 'https:' ? 'https' : 'http',
});

type Site = 'plain' | 'react' | 'vue';
const sites: { site: Site; root: string; port: number }[] = [
  { site: 'plain', root: join(here, 'plain-html'), port: Number(values['plain-port']) },
  { site: 'react', root: join(here, 'react/dist'), port: Number(values['react-port']) },
  { site: 'vue', root: join(here, 'vue/dist'), port: Number(values['vue-port']) },
];

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The loader's `sha384-…`, asked of the service on every page view so a rebuilt loader never breaks the page. */
async function loaderIntegrity(): Promise<string> {
  const response = await fetch(`${serviceUrl}/v1/tokenframe.js.integrity`);
  if (!response.ok) throw new Error(`${serviceUrl}/v1/tokenframe.js.integrity: HTTP ${response.status}`);
  return (await response.text()).trim();
}

/** index.html with the `{{…}}` placeholders filled in (the values are escaped for attributes). */
async function page(root: string): Promise<string> {
  const html = await readFile(join(root, 'index.html'), 'utf8');
  const fill: Record<string, () => Promise<string> | string> = {
    SERVICE_URL: () => serviceUrl,
    PUBLISHABLE_KEY: () => keys.publishableKey,
    INTEGRITY: loaderIntegrity,
  };
  let out = html;
  for (const [name, value] of Object.entries(fill)) {
    if (out.includes(`{{${name}}}`)) out = out.replaceAll(`{{${name}}}`, escapeHtml(await value()));
  }
  return out;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
}

/** The receipt for a form post (plain HTML): a page of its own. */
const receiptPage = (message: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>Thank you</title></head>
<body style="font: 16px/1.5 system-ui, sans-serif; max-width: 28rem; margin: 3rem auto">
<h1>Thank you!</h1><p class="paid">${escapeHtml(message)}</p><p><a href="/">Back to the shop</a></p>
</body></html>`;

async function pay(site: Site, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim();
  const raw = await readBody(request);
  let body: Record<string, unknown>;
  try {
    body = type === 'application/json' ? JSON.parse(raw) : Object.fromEntries(new URLSearchParams(raw));
  } catch {
    body = {};
  }
  if (values['request-log']) {
    const entry = { site, method: request.method, url: request.url, contentType: type, body };
    appendFileSync(values['request-log'], `${JSON.stringify(entry)}\n`);
  }
  const json = type === 'application/json';
  const answer = (status: number, message: string) =>
    json
      ? send(response, status, 'application/json', JSON.stringify(status === 200 ? { message } : { error: message }))
      : send(response, status, 'text/html; charset=utf-8', receiptPage(message));

  const token = body.token;
  if (typeof token !== 'string' || !/^tok_[A-Za-z0-9]+$/.test(token)) return answer(400, 'No card token was posted.');
  try {
    // Saving the card uses the token, as a real integration would: the same token id cannot pay twice.
    const customer = await stripe.customers.create({ source: token });
    const card = customer.sources?.data.find((source): source is Stripe.Card => source.object === 'card');
    if (!card) return answer(400, 'That token is not a card token.');
    answer(200, `Paid with ${card.brand} •••• ${card.last4}`);
  } catch (error) {
    answer(402, error instanceof Stripe.errors.StripeError ? error.message : 'The payment failed.');
  }
}

async function serveFile(root: string, path: string, response: ServerResponse): Promise<void> {
  const file = normalize(join(root, decodeURIComponent(path)));
  if (!file.startsWith(root + '/')) return send(response, 404, 'text/plain', 'Not found');
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    send(response, 404, 'text/plain', 'Not found');
  }
}

const servers = sites.map(({ site, root, port }) => {
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const handle = async () => {
      if (request.method === 'POST' && pathname === '/pay') return pay(site, request, response);
      if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', '');
      if (pathname === '/favicon.ico') return send(response, 204, 'image/x-icon', '');
      if (pathname === '/' || pathname === '/index.html') {
        return send(response, 200, 'text/html; charset=utf-8', await page(root));
      }
      if (site !== 'plain' && pathname.startsWith('/assets/')) return serveFile(root, pathname, response);
      send(response, 404, 'text/plain', 'Not found');
    };
    handle().catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) send(response, 500, 'text/plain', 'Internal error');
    });
  });
  server.listen(port, values.host, () => process.stdout.write(`${site} example: http://${values.host}:${port}\n`));
  return server;
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const server of servers) server.close();
    process.exit(0);
  });
}
