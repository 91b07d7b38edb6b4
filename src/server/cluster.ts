import cluster, { type Worker } from 'node:cluster';

/**
 * `tokenframe serve --workers N`, in the primary process: forks N workers,
 * each a whole service, which share the port (node:cluster hands each
 * connection to one of them) and the database. A worker that dies after it
 * started listening is replaced; one that dies before it could listen has
 * hit a configuration error every worker would hit, so the service stops
 * with it instead of restarting forever. SIGTERM or SIGINT asks every worker
 * to finish its in-flight requests; the primary exits when all have.
 */
export function runWorkers(count: number): void {
  const listening = new WeakSet<Worker>();
  let live = 0;
  let stopping = false;
  let exitCode = 0;

  const start = () => {
    const worker = cluster.fork();
    live++;
    worker.once('listening', () => listening.add(worker));
  };

  const stop = () => {
    // A second signal means "now", as for a single process.
    if (stopping) {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(1);
    }
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };

  cluster.on('exit', (worker, code, signal) => {
    live--;
    const how = signal ?? `exit code ${code}`;
    if (stopping) {
      if (live === 0) process.exit(exitCode);
    } else if (!listening.has(worker)) {
      process.stderr.write(`tokenframe: a worker could not start (${how}); stopping the others\n`);
      exitCode = 1;
      stop();
      if (live === 0) process.exit(exitCode);
    } else {
      process.stderr.write(`tokenframe: worker ${worker.process.pid} ended (${how}); starting another\n`);
      start();
    }
  });

  for (let i = 0; i < count; i++) start();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
