import cluster from 'node:cluster';
import { runWorkers } from './server/cluster';
import { ConfigError } from './server/config';
import { startService } from './server/service';
import { forwardingCommand, forwardingUsage } from './forwarding-cli';
import { initCommand, initUsage } from './init-cli';
import { keysCommand, keysUsage } from './keys-cli';
import { parseServeFlags, serveUsage } from './serve-flags';

const usage = `${serveUsage}\n${initUsage}\n${keysUsage}\n${forwardingUsage}`;

async function serve(args: string[]): Promise<void> {
  const { help, workers, ...flags } = parseServeFlags(args);
  if (help) {
    process.stdout.write(serveUsage);
    return;
  }
  if (workers > 0 && cluster.isPrimary) return runWorkers(workers);
  const service = await startService({ ...flags, logger: true });
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
      `  secrets:          ${config.secretsSource === 'environment' ? 'TOKENFRAME_ENCRYPTION_KEYS and TOKENFRAME_FINGERPRINT_KEY' : config.secretsSource}`,
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
  if (command === 'init') return initCommand(rest);
  if (command === 'keys') return keysCommand(rest);
  if (command === 'forwarding') return forwardingCommand(rest);
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(usage);
    return;
  }
  process.stderr.write(`Unknown command: ${command}\n\n${usage}`);
  process.exitCode = 2;
}

/** An unknown flag, a flag without its value, or an argument no command takes. */
function isUsageError(error: unknown): boolean {
  return String((error as { code?: unknown } | null)?.code).startsWith('ERR_PARSE_ARGS_');
}

const [command] = process.argv.slice(2);
main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (isUsageError(error)) console.error(`See \`tokenframe ${command} --help\`.`);
  // 2 for what the operator must fix in the command or its configuration; 1 for a failure at run time.
  process.exit(error instanceof ConfigError || isUsageError(error) ? 2 : 1);
});
