import { spawn } from 'node:child_process';
import { tokenframeCli } from '../support/cli';

/** `node bin/tokenframe.js …` as an operator runs it, with exactly the environment given (plus PATH). */

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Serving {
  url: string;
  stdout: string;
  stop(): Promise<void>;
}

/** The environment of a shell with nothing of tokenframe's set, so the host's own variables cannot leak in. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
}

/** Runs the CLI to its end; one that is still running after 30 s (a serve that should have refused) is killed. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  const child = spawn(process.execPath, [tokenframeCli, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** Starts `tokenframe serve …` and waits for its banner; rejects with its output if it exits first. */
export function serveCli(args: string[], env: NodeJS.ProcessEnv): Promise<Serving> {
  const child = spawn(process.execPath, [tokenframeCli, 'serve', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      const url = /tokenframe is listening on (\S+)/.exec(stdout)?.[1];
      // The banner is written in one piece; its last line is the storage.
      if (url && /storage: .*\n/.test(stdout)) {
        resolve({
          url,
          stdout,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before listening:\n${stdout}${stderr}`)));
  });
}
