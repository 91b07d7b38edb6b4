import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** How long `close()` waits for in-flight requests before it cuts their connections. */
const drainTimeoutMs = 10_000;

declare module 'fastify' {
  interface FastifyInstance {
    /** True from the moment `close()` is called: the app stops accepting and finishes what it has. */
    readonly draining: boolean;
  }
}

/**
 * Graceful shutdown. Closing the server stops new connections and drops idle
 * keep-alive ones, but a connection whose request is still in flight stays
 * open after its response, for as long as the client keeps it (Fastify's
 * keep-alive timeout is 72 s): that is what held `npm start`'s Ctrl-C after
 * "finishing in-flight requests". So every response sent while draining
 * closes its connection, and a client that never finishes its request is cut
 * off after `drainTimeoutMs`.
 */
async function drain(app: FastifyInstance): Promise<void> {
  let draining = false;
  let deadline: NodeJS.Timeout | undefined;
  app.decorate('draining', { getter: () => draining });

  app.addHook('preClose', async () => {
    draining = true;
    deadline = setTimeout(() => app.server.closeAllConnections(), drainTimeoutMs);
    deadline.unref();
  });
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
  app.addHook('onClose', async () => clearTimeout(deadline));
}

export const drainPlugin = fp(drain, { name: 'tokenframe-drain', fastify: '5.x' });
