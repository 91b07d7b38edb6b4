import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tokenframeCli } from '../support/cli';
import { createTestDatabase } from './helpers';

const run = promisify(execFile);

/** `tokenframe serve --dev` in a process of its own on a data directory the test keeps, logs in `stdout`. */
export interface ForwardingService {
  url: string;
  accountId: string;
  publishableKey: string;
  secretKey: string;
  child: ChildProcess;
  stdout(): string;
  exited: Promise<unknown>;
}

/** Where a service process keeps its data: a fresh folder, and a fresh database on the stage's PostgreSQL if any. */
export interface Scratch {
  dataDir: string;
  /** Empty on SQLite. */
  databaseUrl: string;
  /** Drops the database and removes the folder. */
  cleanUp(): Promise<void>;
}

export async function scratch(name: string): Promise<Scratch> {
  const dataDir = await mkdtemp(join(tmpdir(), `tokenframe-${name}-`));
  const database = await createTestDatabase();
  return {
    dataDir,
    databaseUrl: database?.url ?? '',
    cleanUp: async () => {
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts the service on `dataDir` (and `databaseUrl`, when given) and waits for its banner. */
export async function startForwardingService(dataDir: string, databaseUrl: string): Promise<ForwardingService> {
  const child = spawn(
    process.execPath,
    [tokenframeCli, 'serve', '--dev', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk;
      const listening = /tokenframe is listening on (\S+)/.exec(stdout)?.[1];
      if (listening && /storage: .*\n/.test(stdout)) resolve(listening);
    });
    void exited.then(() => reject(new Error(`serve exited before listening:\n${stdout}${stderr}`)));
  });
  const keys = JSON.parse(await readFile(join(dataDir, 'dev-keys.json'), 'utf8')) as Record<string, string>;
  return {
    url,
    accountId: keys.accountId,
    publishableKey: keys.publishableKey,
    secretKey: keys.secretKey,
    child,
    stdout: () => stdout,
    exited,
  };
}

/** `tokenframe forwarding add` for a local destination taking the card number at `/card/number` of a JSON body. */
export async function addLocalDestination(dataDir: string, databaseUrl: string, accountId: string, url: string) {
  await run(
    process.execPath,
    [
      tokenframeCli,
      'forwarding',
      'add',
      '--account',
      accountId,
      '--url',
      url,
      '--map',
      'card_number=/card/number',
      '--map',
      'card_cvc=/card/cvc',
      '--allow-private-network',
      '--data-dir',
      dataDir,
    ],
    { env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
}

/** A service call with a key and a form body; the answer's status and JSON. */
export async function post(
  service: ForwardingService,
  path: string,
  key: string,
  body: string,
): Promise<{ status: number; body: Record<string, unknown>; text: string }> {
  const response = await fetch(service.url + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown>, text };
}
