import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { hashApiKey } from '../crypto';
import { escapeHtml, injectIntoHead } from '../html';
import { framePages } from '../../protocol/messages';

export interface FramesRoutesOptions {
  /** The frame app's Vite output: `<kind>.html` and `assets/`. */
  frameDir: string;
  /** The host loader's build output, holding `tokenframe.js`. */
  hostDir: string;
  /** Frame kinds served; anything else is a 404. */
  frameKinds?: readonly string[];
}

const defaultFrameKinds = framePages;

const buildMissingMessage = 'tokenframe has not been built yet. Run `npm run build` and reload.';

/** Only exact http(s) origins can go into a CSP header; anything else is dropped, not trusted. */
const cspSafeOrigin = /^https?:\/\/[A-Za-z0-9.\-[\]]+(:\d+)?$/;

function frameContentSecurityPolicy(allowedOrigins: readonly string[]): string {
  const ancestors = allowedOrigins.filter((origin) => cspSafeOrigin.test(origin));
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${ancestors.length > 0 ? ancestors.join(' ') : "'none'"}`,
  ].join('; ');
}

/** Headers every frame response carries, error pages included. */
function setFrameHeaders(reply: FastifyReply, csp: string) {
  reply
    .header('Content-Security-Policy', csp)
    .header('Referrer-Policy', 'no-referrer')
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'no-store');
}

/** Error pages may not be framed by anyone: a wrong key must not render on a merchant page. */
function sendFramePage(reply: FastifyReply, statusCode: number, message: string) {
  setFrameHeaders(reply, "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  return reply
    .status(statusCode)
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tokenframe</title></head><body><p>${escapeHtml(message)}</p></body></html>`,
    );
}

function isMissingFile(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Hosts the frame pages on the tokenization origin. The page is allowed to be
 * framed only by the publishable key's allowed origins, and it learns those
 * origins from an injected meta tag so it can check the host's `init` message.
 */
export async function framesRoutes(app: FastifyInstance, options: FramesRoutesOptions): Promise<void> {
  const { keys } = app.stores;
  const frameDir = resolve(options.frameDir);
  const hostDir = resolve(options.hostDir);
  const kinds = new Set(options.frameKinds ?? defaultFrameKinds);

  app.get<{ Params: { page: string }; Querystring: { key?: unknown } }>('/frame/v1/:page', async (request, reply) => {
    const kind = /^([a-z][a-z-]*)\.html$/.exec(request.params.page)?.[1];
    if (!kind || !kinds.has(kind)) return sendFramePage(reply, 404, 'There is no such tokenframe field.');

    const key = request.query.key;
    if (typeof key !== 'string' || key === '') {
      return sendFramePage(reply, 400, 'The frame URL needs a publishable key (?key=pk_…).');
    }
    const record = await keys.findKeyByHash(hashApiKey(key));
    // A secret key in a URL is already a leak; refuse to let it work at all.
    if (!record || record.kind !== 'publishable') {
      return sendFramePage(reply, 401, 'The publishable key in the frame URL is not valid.');
    }
    const account = await keys.getAccount(record.accountId);
    if (!account) return sendFramePage(reply, 401, 'The publishable key in the frame URL is not valid.');

    let html: string;
    try {
      html = await readFile(join(frameDir, `${kind}.html`), 'utf8');
    } catch (error) {
      if (isMissingFile(error)) return sendFramePage(reply, 503, buildMissingMessage);
      throw error;
    }
    const config = escapeHtml(JSON.stringify({ allowedOrigins: account.allowedOrigins }));
    setFrameHeaders(reply, frameContentSecurityPolicy(account.allowedOrigins));
    return reply
      .type('text/html; charset=utf-8')
      .send(injectIntoHead(html, `<meta name="tokenframe-config" content="${config}">`));
  });

  // Hashed file names change with their content, so they can be cached forever.
  await app.register(fastifyStatic, {
    root: join(frameDir, 'assets'),
    prefix: '/frame/v1/assets/',
    decorateReply: false,
    index: false,
    dotfiles: 'deny',
    cacheControl: true,
    maxAge: 31536000 * 1000,
    immutable: true,
    setHeaders(reply) {
      reply.header('X-Content-Type-Options', 'nosniff');
    },
  });

  async function readLoader(reply: FastifyReply): Promise<string | null> {
    reply.header('X-Content-Type-Options', 'nosniff');
    try {
      return await readFile(join(hostDir, 'tokenframe.js'), 'utf8');
    } catch (error) {
      if (!isMissingFile(error)) throw error;
      reply.status(503).header('Cache-Control', 'no-store').type('text/plain; charset=utf-8').send(buildMissingMessage);
      return null;
    }
  }

  // The loader merchants include with <script src>; it is not hashed, so it is
  // cached briefly to let fixes reach pages quickly. CORS lets pages load it
  // with `integrity` and `crossorigin`.
  app.get('/v1/tokenframe.js', async (_request, reply) => {
    const script = await readLoader(reply);
    if (script === null) return reply;
    return reply
      .header('Access-Control-Allow-Origin', '*')
      .header('Cross-Origin-Resource-Policy', 'cross-origin')
      .header('Cache-Control', 'public, max-age=300')
      .type('text/javascript; charset=utf-8')
      .send(script);
  });

  // The Subresource Integrity value for the loader this service serves, for `<script integrity="…">`.
  app.get('/v1/tokenframe.js.integrity', async (_request, reply) => {
    const script = await readLoader(reply);
    if (script === null) return reply;
    return reply
      .header('Cache-Control', 'no-store')
      .type('text/plain; charset=utf-8')
      .send(subresourceIntegrity(script));
  });
}

/** `sha384-…` as `<script integrity>` expects it. */
function subresourceIntegrity(content: string | Buffer): string {
  return `sha384-${createHash('sha384').update(content).digest('base64')}`;
}
