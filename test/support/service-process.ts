import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tokenframeCli } from './cli';

/** `tokenframe serve --dev` as a process of its own, on a data directory (and database) the caller keeps. */
export interface ServiceProcess {
  url: string;
  pid: number;
  publishableKey: string;
  secretKey: string;
  /** Resolves with the exit code, or the signal's name, once the process has gone. */
  exited: Promise<number | string | null>;
  /** Sends a signal; SIGKILL is the crash, SIGTERM the orderly stop. */
  kill(signal: NodeJS.Signals): void;
}

export interface ServiceProcessOptions {
  dataDir: string;
  /** PostgreSQL when set, else the data directory's SQLite file. */
  databaseUrl?: string | null;
  /** More environment, such as `TOKENFRAME_RATE_LIMIT_PER_KEY`. */
  env?: NodeJS.ProcessEnv;
  /** Extra `node` flags, such as `--cpu-prof`. */
  nodeFlags?: string[];
}

/** Rate limits high enough that a burst or a benchmark measures the service, not its limits. */
export const unlimitedRates: NodeJS.ProcessEnv = {
  TOKENFRAME_RATE_LIMIT_PER_KEY: '1000000000',
  TOKENFRAME_RATE_LIMIT_PER_IP: '1000000000',
  TOKENFRAME_RATE_LIMIT_FAILED_AUTH: '1000000000',
};

/**
 * Starts the service from `bin/tokenframe.js` and waits until it listens.
 * Restarting it on the same data directory and database is how a test sees
 * what survived a crash.
 */
export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const args = [tokenframeCli, 'serve', '--dev', '--port', '0', '--host', '127.0.0.1'];
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), ...args, '--data-dir', options.dataDir],
    {
      env: { ...process.env, ...options.env, DATABASE_URL: options.databaseUrl ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const readBanner = (chunk: Buffer) => {
        stdout += chunk;
        if (!/storage: .*\n/.test(stdout)) return;
        // The request log that follows is not kept: it would grow without bound under load.
        child.stdout!.off('data', readBanner);
        resolve(/tokenframe is listening on (\S+)/.exec(stdout)![1]);
      };
      child.stdout!.on('data', readBanner);
      void exited.then((code) => reject(new Error(`serve exited (${code}) before listening:\n${stderr}`)));
    });
    // The request log is not needed, but a full pipe would stall the service.
    child.stdout!.resume();
    const keys = JSON.parse(await readFile(join(options.dataDir, 'dev-keys.json'), 'utf8')) as {
      publishableKey: string;
      secretKey: string;
    };
    return {
      url,
      pid: child.pid!,
      publishableKey: keys.publishableKey,
      secretKey: keys.secretKey,
      exited,
      kill: (signal) => void child.kill(signal),
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

/** Stops the service in order and waits for it to exit. */
export async function stopServiceProcess(service: ServiceProcess): Promise<void> {
  service.kill('SIGTERM');
  await service.exited;
}
