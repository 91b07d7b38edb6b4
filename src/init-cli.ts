import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { initDataDir } from './server/config';

export const initUsage = `Usage: tokenframe init [--data-dir DIR]
  Creates DIR (default $TOKENFRAME_DATA_DIR or ./.tokenframe, made private) with a new encryption keyring
  and fingerprint key in DIR/secrets.json (0600). Prints where they are, never the keys themselves.
  Refuses to replace secrets that already exist.
`;

/** `tokenframe init`: the secrets a production start needs, made once, on purpose. */
export function initCommand(args: string[]): void {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(initUsage);
    return;
  }
  const secretsPath = initDataDir({ dataDir: values['data-dir'] });
  const dataDir = dirname(secretsPath);
  process.stdout.write(
    [
      `Created the encryption keyring and fingerprint key in ${secretsPath} (readable by you only).`,
      'Back this file up with the database: without it no stored value can be read again.',
      '',
      'Next:',
      `  tokenframe keys create --live --origin https://shop.example --data-dir ${dataDir}`,
      `  tokenframe serve --data-dir ${dataDir}`,
      '',
      'Processes on other hosts need the same keys: copy the file to their data directory, or give every',
      'process TOKENFRAME_ENCRYPTION_KEYS and TOKENFRAME_FINGERPRINT_KEY (see `tokenframe serve --help`).',
      '',
    ].join('\n'),
  );
}
