import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { defaultHost, defaultPort } from './server/config';
import { devShopOrigin } from './server/dev/dev-setup';
import { runWorkers } from './server/cluster';
import { startService } from './server/service';
import { keysCommand, keysUsage } from './keys-cli';

const usage = `Usage: tokenframe serve [--port ${defaultPort}] [--host ${defaultHost}] [--data-dir DIR] [--dev [--allowed-origin ORIGIN …]]

  --port             port to listen on (0 picks a free one)
  --host             interface to listen on
  --data-dir         where keys and the database live (default $TOKENFRAME_DATA_DIR or ./.tokenframe)
  --token-ttl        seconds an unused token stays usable (default 3600); then its raw values are wiped
  --dev              development mode (what \`npm start\` uses): a development account whose keys are
                     written to DIR/dev-keys.json, with ${devShopOrigin} among its allowed origins,
                     and the Plaid sandbox under /plaid (credentials in DIR/plaid.json).
                     Without it there is none of these: create keys with \`tokenframe keys create\`.
  --allowed-origin   with --dev: another origin allowed to embed the development account's frames (repeatable)
  --workers          processes sharing the port (node:cluster; default 0: this process alone); a crashed one is restarted
`;

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'allowed-origin': { type: 'string', multiple: true },
      'token-ttl': { type: 'string' },
      dev: { type: 'boolean' },
      workers: { type: 'string' },
    },
  });
  const port = values.port === undefined ? defaultPort : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number.`);
  if (!/^\d+$/.test(values.workers ?? '0')) throw new Error('--workers must be a whole number of processes.');
  const workers = Number(values.workers ?? 0);
  if (workers > 0 && cluster.isPrimary) return runWorkers(workers);

  const service = await startService({
    port,
    host: values.host,
    dataDir: values['data-dir'],
    dev: values.dev ?? false,
    allowedOrigins: values['allowed-origin'],
    tokenTtlSeconds: values['token-ttl'] === undefined ? undefined : Number(values['token-ttl']),
    logger: true,
  });
  const { config, dev } = service;
  const devLines = dev
    ? [
        '  development mode: on (--dev); not for production',
        `  allowed origins:  ${dev.account.allowedOrigins.join(' ')}`,
        `  publishable key:  ${dev.account.publishableKey}`,
        `  secret key:       ${dev.account.secretKey}`,
        `  plaid client_id:  ${dev.plaid.clientId}`,
        `  plaid secret:     ${dev.plaid.secret}`,
      ]
    : ['  keys:             tokenframe keys list / tokenframe keys create --origin ORIGIN'];
  process.stdout.write(
    [
      '',
      `tokenframe is listening on ${service.url}`,
      `  data directory:   ${config.dataDir}`,
      ...devLines,
      `  storage:          ${config.databaseUrl ? 'PostgreSQL ($DATABASE_URL)' : config.databasePath}`,
      '',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: string) => {
    // A second signal means "now": don't wait for slow requests.
    if (stopping) process.exit(1);
    stopping = true;
    service.app.log.info(`${signal} received, finishing in-flight requests`);
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  // Ctrl-C reaches every process of the terminal; a worker waits for its primary's SIGTERM instead.
  process.on('SIGINT', () => {
    if (!cluster.isWorker) stop('SIGINT');
  });
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'serve') return serve(rest);
  if (command === 'keys') return keysCommand(rest);
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${usage}\n${keysUsage}`);
    return;
  }
  process.stderr.write(`Unknown command: ${command}\n\n${usage}\n${keysUsage}`);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
