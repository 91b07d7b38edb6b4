// Loopback helpers shared by the scripts and the test set-up that start servers of their own.
import { createServer } from 'node:net';

/** A port on 127.0.0.1 where nothing listens right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Resolves once `url` answers with a status below 500, polling every 200 ms;
 * rejects after `timeoutMs`. Resolves at once when `stopped()` turns true (the
 * caller is shutting down and no longer waits).
 * @param {string} url
 * @param {{ timeoutMs?: number, stopped?: () => boolean }} [options]
 */
export async function waitForUrl(url, { timeoutMs = 20_000, stopped = () => false } = {}) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    if (stopped()) return;
    await new Promise((wake) => setTimeout(wake, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.`);
}
