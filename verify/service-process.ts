/**
 * `tokenframe serve --dev` as a child process, the way an operator runs it, so
 * a part can watch it from outside: its memory, whether it crashed, what it
 * logged (to a file the at-rest scan greps), and SIGKILL it mid-burst.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { cleanEnv } from '../test/server/cli-process';
import { formBody } from '../test/server/helpers';

const cli = fileURLToPath(new URL('../bin/tokenframe.js', import.meta.url));

export interface ServiceProcess {
  url: string;
  publishableKey: string;
  secretKey: string;
  pid: number;
  /** Resident memory now, in MB (from /proc). */
  memoryMb(): Promise<number>;
  /** The exit code or signal once it has exited; null while it runs. */
  exitStatus(): string | null;
  /** Stops it with `signal` and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface ServeOptions {
  dataDir: string;
  /** Everything it prints (its request log included) is appended here. */
  logFile: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
}

/** Starts `serve --dev --port 0` and resolves once its banner names the URL and the development keys. */
export function startServiceProcess({ dataDir, logFile, args = [], env = {} }: ServeOptions): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [cli, 'serve', '--dev', '--port', '0', '--data-dir', dataDir, ...args], {
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  let output = '';
  let status: string | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      status = signal ?? String(code);
      resolve();
    }),
  );
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk: Buffer) => {
      log.write(chunk);
      output += chunk;
    });
  }
  const field = (name: string) => new RegExp(`${name}:\\s+(\\S+)`).exec(output)?.[1];
  return new Promise((resolve, reject) => {
    const check = () => {
      const url = /tokenframe is listening on (\S+)/.exec(output)?.[1];
      const publishableKey = field('publishable key');
      const secretKey = field('secret key');
      if (!url || !publishableKey || !secretKey) return;
      child.stdout.off('data', check);
      resolve({
        url,
        publishableKey,
        secretKey,
        pid: child.pid!,
        async memoryMb() {
          const text = await readFile(`/proc/${child.pid}/status`, 'utf8');
          return Math.round(Number(/VmRSS:\s+(\d+)/.exec(text)?.[1] ?? 0) / 1024);
        },
        exitStatus: () => status,
        async stop(signal = 'SIGTERM') {
          if (status === null) child.kill(signal);
          await exited;
          await new Promise((done) => log.end(done));
        },
      });
    };
    child.stdout.on('data', check);
    void exited.then(() => reject(new Error(`serve exited (${status}) before listening:\n${output.slice(-2000)}`)));
  });
}

/** The form body of a card token request, for parts that need a valid one. */
export function cardBody(number = '4242424242424242', cvc = '123'): string {
  return formBody({ card: { number, exp_month: 12, exp_year: new Date().getFullYear() + 2, cvc } });
}

/** A form POST with a key, as a merchant's client sends it; the parsed JSON body and status. */
export async function post(
  url: string,
  key: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { id?: string; error?: { type?: string; code?: string; message?: string } } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
  const text = await response.text();
  let parsed = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: the status says enough.
  }
  return { status: response.status, body: parsed };
}
