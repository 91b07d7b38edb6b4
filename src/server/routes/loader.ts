import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isPlainObject } from '../../protocol/messages';
import { buildMissingMessage, isMissingFile } from './build-output';
import { loaderFileName, subresourceIntegrity } from './loader-file';
import { clientHolds, entityTag } from './revalidation';

export interface LoaderRoutesOptions {
  /** The host loader's build output: `tokenframe.js`, `loader.json` and the versioned files in `loader/`. */
  hostDir: string;
}

/** A versioned loader's name: what loaderFileName writes, and nothing that could leave the folder. */
const versionedName = /^tokenframe-([0-9A-Za-z.+-]+)-[0-9a-f]{16}\.js$/;

/** The latest loader: five minutes in any cache, then asked again (a 304 when unchanged). */
const latestCaching = 'public, max-age=300, must-revalidate';

/** Pages load the loader cross-origin, with `integrity` and `crossorigin`, which needs CORS. */
function sendScript(reply: FastifyReply, script: string | Buffer, cacheControl: string) {
  return reply
    .header('Access-Control-Allow-Origin', '*')
    .header('Cross-Origin-Resource-Policy', 'cross-origin')
    .header('Cache-Control', cacheControl)
    .type('text/javascript; charset=utf-8')
    .send(script);
}

/** The best precompressed encoding the request accepts: brotli, then gzip, else none. */
function acceptedEncoding(request: FastifyRequest): 'br' | 'gzip' | null {
  const accepted = String(request.headers['accept-encoding'] ?? '')
    .split(',')
    .map((entry) => entry.trim().split(';'))
    .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
    .map(([name]) => name.trim().toLowerCase());
  return accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : null;
}

function sendBuildMissing(reply: FastifyReply) {
  return reply
    .status(503)
    .header('Cache-Control', 'no-store')
    .type('text/plain; charset=utf-8')
    .send(buildMissingMessage);
}

/**
 * The loader merchants include with `<script src>`, at two kinds of URL:
 *
 * - `/v1/tokenframe.js`, the latest. Its bytes change with every release, so
 *   it is cached briefly and then revalidated (ETag), letting fixes reach pages
 *   within minutes. A page that pins it with `integrity` breaks on the next
 *   upgrade, which is what the versioned URL is for.
 * - `/v1/loader/tokenframe-{version}-{hash}.js`, one file per build, named for
 *   its bytes and cached forever. A page pins this one with `integrity`;
 *   `/v1/loader.json` tells the current name and integrity value.
 */
export async function loaderRoutes(app: FastifyInstance, options: LoaderRoutesOptions): Promise<void> {
  const hostDir = resolve(options.hostDir);

  async function readBuilt(path: string): Promise<Buffer | null> {
    try {
      return await readFile(join(hostDir, path));
    } catch (error) {
      if (isMissingFile(error)) return null;
      throw error;
    }
  }

  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
  });

  app.get('/v1/tokenframe.js', async (request, reply) => {
    const encoding = acceptedEncoding(request);
    // The build compressed it (vite.config.ts); a build without those copies sends it as it is.
    const compressed = encoding && (await readBuilt(`tokenframe.js.${encoding === 'br' ? 'br' : 'gz'}`));
    const script = compressed || (await readBuilt('tokenframe.js'));
    if (script === null) return sendBuildMissing(reply);
    reply.header('Vary', 'Accept-Encoding');
    if (compressed) reply.header('Content-Encoding', encoding);
    // Each encoding is its own representation, with its own ETag.
    const etag = entityTag(script);
    reply.header('ETag', etag);
    if (clientHolds(request, etag)) return reply.status(304).header('Cache-Control', latestCaching).send();
    return sendScript(reply, script, latestCaching);
  });

  // The Subresource Integrity value for the latest loader, for `<script integrity="…">`.
  app.get('/v1/tokenframe.js.integrity', async (_request, reply) => {
    const script = await readBuilt('tokenframe.js');
    if (script === null) return sendBuildMissing(reply);
    return reply
      .header('Cache-Control', 'no-store')
      .type('text/plain; charset=utf-8')
      .send(subresourceIntegrity(script));
  });

  app.get<{ Params: { file: string } }>('/v1/loader/:file', async (request, reply) => {
    const { file } = request.params;
    const version = versionedName.exec(file)?.[1];
    const script = version === undefined ? null : await readBuilt(join('loader', file));
    // Serving only bytes that match their name is what keeps `immutable` true, whatever lands in the folder.
    if (version === undefined || script === null || loaderFileName(version, script) !== file) {
      return reply
        .status(404)
        .header('Cache-Control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send('There is no such loader.');
    }
    return sendScript(reply, script, 'public, max-age=31536000, immutable');
  });

  // Which versioned loader is current, for a merchant (or their build) to pin: changes with every upgrade.
  app.get('/v1/loader.json', async (_request, reply) => {
    const text = await readBuilt('loader.json');
    if (text === null) return sendBuildMissing(reply);
    const manifest: unknown = JSON.parse(text.toString('utf8'));
    if (!isPlainObject(manifest) || typeof manifest.file !== 'string' || !versionedName.test(manifest.file)) {
      throw new Error(`${join(hostDir, 'loader.json')} does not name a versioned loader.`);
    }
    return reply
      .header('Access-Control-Allow-Origin', '*')
      .header('Cache-Control', 'no-cache')
      .send({ version: manifest.version, url: `/v1/loader/${manifest.file}`, integrity: manifest.integrity });
  });
}
