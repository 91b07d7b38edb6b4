import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from './helpers';
import { tokenframeCli } from '../support/cli';

/** `tokenframe serve --dev` in a process of its own, as an operator (or `npm start`) runs it. */
export interface ServeProcess {
  url: string;
  port: number;
  publishableKey: string;
  secretKey: string;
  /** Everything it has written to stdout: the banner, then one JSON log line per event. */
  stdout(): string;
  /** Its exit code, once it has exited. */
  exited: Promise<number | null>;
  /** Resolves when stdout holds a line matching `pattern`. */
  waitForOutput(pattern: RegExp): Promise<void>;
  /** Sends the process a signal, as an orchestrator or Ctrl-C does. */
  signal(name: NodeJS.Signals): void;
  /** Sends SIGKILL if still running, deletes its data directory and database. */
  cleanUp(): Promise<void>;
}

export async function startServeProcess(): Promise<ServeProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tokenframe-operations-'));
  const database = await createTestDatabase();
  const child = spawn(
    process.execPath,
    [tokenframeCli, 'serve', '--dev', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir],
    { env: { ...process.env, DATABASE_URL: database?.url ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  const waiters: (() => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
    for (const waiter of waiters) waiter();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitForOutput = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(stdout)) resolve();
      };
      waiters.push(check);
      check();
      void exited.then((code) => reject(new Error(`serve exited (${code}) before printing ${pattern}:\n${stderr}`)));
    });
  const cleanUp = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForOutput(/storage: .*\n/);
    const url = /tokenframe is listening on (\S+)/.exec(stdout)![1];
    const keys = JSON.parse(await readFile(join(dataDir, 'dev-keys.json'), 'utf8'));
    return {
      url,
      port: Number(new URL(url).port),
      publishableKey: keys.publishableKey,
      secretKey: keys.secretKey,
      stdout: () => stdout,
      exited,
      waitForOutput,
      cleanUp,
      signal: (name) => void child.kill(name),
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
