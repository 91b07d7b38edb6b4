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

/** How often, while draining, connections that have become idle are closed. */
const idleSweepMs = 200;

/**
 * Graceful shutdown. Closing the server stops new connections and drops the
 * keep-alive ones idle at that moment, but a connection busy then stays open
 * once it becomes idle, for as long as the client keeps it (Fastify's
 * keep-alive timeout is 72 s): that is what held `npm start`'s Ctrl-C after
 * "finishing in-flight requests". So every response sent while draining
 * closes its connection, connections that become idle otherwise (a client
 * still sending the body of a request already answered) are closed as they
 * do, and whatever is still open after `drainTimeoutMs` is cut off.
 */
async function drain(app: FastifyInstance): Promise<void> {
  let draining = false;
  const timers: NodeJS.Timeout[] = [];
  app.decorate('draining', { getter: () => draining });

  app.addHook('preClose', async () => {
    draining = true;
    timers.push(
      setInterval(() => app.server.closeIdleConnections(), idleSweepMs),
      setTimeout(() => app.server.closeAllConnections(), drainTimeoutMs),
    );
    for (const timer of timers) timer.unref();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (draining) reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('onClose', async () => {
    for (const timer of timers) clearTimeout(timer);
  });
}

export const drainPlugin = fp(drain, { name: 'tokenframe-drain', fastify: '5.x' });
