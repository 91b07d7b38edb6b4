import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { hashApiKey } from '../crypto';
import { escapeHtml, injectIntoHead } from '../html';
import { framePages } from '../../protocol/messages';
import { buildMissingMessage, isMissingFile } from './build-output';
import { loaderRoutes } from './loader';
import { clientHolds, entityTag } from './revalidation';

export interface FramesRoutesOptions {
  /** The frame app's Vite output: `<kind>.html` and `assets/`. */
  frameDir: string;
  /** The host loader's build output, holding `tokenframe.js`. */
  hostDir: string;
  /** Frame kinds served; anything else is a 404. */
  frameKinds?: readonly string[];
}

const defaultFrameKinds = framePages;

/** Only exact http(s) origins can go into a CSP header; anything else is dropped, not trusted. */
const cspSafeOrigin = /^https?:\/\/[A-Za-z0-9.\-[\]]+(:\d+)?$/;

/**
 * The key's allowed origins may frame the page; its font origins may serve the fonts (`font-src`) and the font
 * stylesheets (`style-src`, for Stripe's `cssSrc`) that its `fonts` option names — the frame refuses any other
 * before loading it, and this is the second wall.
 */
function frameContentSecurityPolicy(allowedOrigins: readonly string[], fontOrigins: readonly string[] = []): string {
  const ancestors = allowedOrigins.filter((origin) => cspSafeOrigin.test(origin));
  const fonts = ["'self'", ...fontOrigins.filter((origin) => cspSafeOrigin.test(origin))].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${fonts}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    `font-src ${fonts}`,
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${ancestors.length > 0 ? ancestors.join(' ') : "'none'"}`,
  ].join('; ');
}

/** Headers every frame response carries, error pages included. */
function setFrameHeaders(reply: FastifyReply, csp: string, cacheControl: string) {
  reply
    .header('Content-Security-Policy', csp)
    .header('Referrer-Policy', 'no-referrer')
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', cacheControl);
}

/**
 * A frame page carries its key's CSP and allowed origins, so no shared cache
 * may hold it (`private`), and the browser asks again every time (`no-cache`):
 * an origin removed from the key stops framing at once, and after an upgrade
 * the page names the new hashed assets at once. The ETag turns that check
 * into a 304 when nothing changed.
 */
const framePageCaching = 'private, no-cache';

/** Error pages may not be framed by anyone: a wrong key must not render on a merchant page. */
function sendFramePage(reply: FastifyReply, statusCode: number, message: string) {
  setFrameHeaders(reply, "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'", 'no-store');
  return reply
    .status(statusCode)
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tokenframe</title></head><body><p>${escapeHtml(message)}</p></body></html>`,
    );
}

/**
 * Hosts the frame pages on the tokenization origin. The page is allowed to be
 * framed only by the publishable key's allowed origins, and it learns those
 * origins from an injected meta tag so it can check the host's `init` message.
 */
export async function framesRoutes(app: FastifyInstance, options: FramesRoutesOptions): Promise<void> {
  const { keys } = app.stores;
  const frameDir = resolve(options.frameDir);
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
    const { allowedOrigins, fontOrigins } = account;
    const config = escapeHtml(JSON.stringify({ allowedOrigins, fontOrigins }));
    // The page names the allowed and font origins, which also make the CSP: its ETag covers both.
    const page = injectIntoHead(html, `<meta name="tokenframe-config" content="${config}">`);
    const etag = entityTag(page);
    setFrameHeaders(reply, frameContentSecurityPolicy(allowedOrigins, fontOrigins), framePageCaching);
    reply.header('ETag', etag);
    if (clientHolds(request, etag)) return reply.status(304).send();
    return reply.type('text/html; charset=utf-8').send(page);
  });

  // Hashed file names change with their content, so they can be cached forever; the build wrote each
  // compressed beside it (.br, .gz), sent as the browser accepts.
  await app.register(fastifyStatic, {
    preCompressed: true,
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

  await app.register(loaderRoutes, { hostDir: options.hostDir });
}
