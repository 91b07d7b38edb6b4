import type { IncomingMessage, ServerResponse } from 'node:http';
import { prepareService, type PreparedService, type StartServiceOptions } from './service';

/** What `startService` takes, less where to listen: the embedding server already listens. */
export type TokenframeHandlerOptions = Omit<StartServiceOptions, 'port' | 'host'>;

/** The service once its data directory and database are open. */
export type EmbeddedService = PreparedService;

export interface TokenframeHandler {
  /**
   * A `node:http` request listener: `server.on('request', handler)`, or
   * `app.use(handler)` in Express or Connect. It answers every request it is
   * given (unknown paths get Stripe's 404 error), so give it a server or a
   * virtual host of its own. Mount it before any body parser: it reads the
   * request body itself.
   */
  handler(req: IncomingMessage, res: ServerResponse): void;
  /** Resolves once the database is open and the routes are ready; rejects if they cannot be. */
  ready(): Promise<EmbeddedService>;
  /** Lets in-flight requests finish, stops the sweeper, closes the database. Does not close your server. */
  close(): Promise<void>;
}

/**
 * The tokenization service as a request handler, for mounting in a Node
 * server you already run, instead of `startService`'s own listener. It loads
 * the same configuration (the data directory's secrets, made once with
 * `tokenframe init`, or the environment's; SQLite file or `DATABASE_URL`).
 *
 * The service must still have an origin of its own (say `vault.example`,
 * distinct from the shop's): the frames are only isolated from the merchant
 * page because they are cross-origin. Serve it from a separate port or host
 * name, never from a path under the checkout's origin.
 *
 * In a Fastify app, prefer `startService` on a port of its own: the service
 * sets up its own body parsing, request ids and error handling, which would
 * collide with the host app's if it were registered as a plugin.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createTokenframeHandler } from 'tokenframe/server';
 *
 * const tokenframe = createTokenframeHandler({ dataDir: '/var/lib/tokenframe' });
 * await tokenframe.ready();
 * createServer(tokenframe.handler).listen(4242);
 * ```
 */
export function createTokenframeHandler(options: TokenframeHandlerOptions = {}): TokenframeHandler {
  const setup = prepareService(options).then(async (prepared) => {
    // `routing` exists only once every plugin has loaded.
    try {
      await prepared.app.ready();
    } catch (error) {
      await prepared.close();
      throw error;
    }
    return prepared;
  });
  // A failed setup is reported by ready() and to each request, not as an unhandled rejection.
  setup.catch(() => {});

  return {
    handler(req, res) {
      setup.then(
        ({ app }) => app.routing(req, res),
        // The cause is what ready() rejects with; a visitor only learns that the service is down.
        () => {
          res.statusCode = 503;
          res.setHeader('Content-Type', 'application/json');
          res.end(
            JSON.stringify({ error: { type: 'api_error', message: 'The tokenization service is unavailable.' } }),
          );
        },
      );
    },
    ready: () => setup,
    close: () =>
      setup.then(
        (prepared) => prepared.close(),
        () => {},
      ),
  };
}
