import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Reads a JSON file of the data directory, or creates it (0600) with
 * `create()`'s value. When two processes start at once, the first to write
 * wins and the other reads its file: keys must be the same for both.
 */
export function readOrCreatePrivateFile<T>(path: string, create: () => T): T {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as T;
  const value = create();
  try {
    // `wx` refuses to overwrite a file another process created a moment ago;
    // that process's keys win.
    writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return JSON.parse(readFileSync(path, 'utf8')) as T;
    throw error;
  }
  chmodSync(path, 0o600);
  return value;
}
