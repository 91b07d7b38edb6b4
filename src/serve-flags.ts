import { parseArgs } from 'node:util';
import { ConfigError, type LoadConfigOptions } from './server/config';
import { settings, type Setting, type SettingValues } from './server/config/settings';
import { devShopOrigin } from './server/dev/dev-setup';

/** `tokenframe serve`'s flags: one per setting, plus development mode's. */

interface ServeFlags extends LoadConfigOptions {
  allowedOrigins?: string[];
  /** Processes sharing the port (node:cluster); 0: this process alone. */
  workers: number;
  help: boolean;
}

const names = Object.keys(settings) as (keyof typeof settings)[];

function row(flag: string, help: string, detail?: string): string {
  const lines = [`  ${flag.padEnd(36)} ${help}`];
  if (detail) lines.push(`  ${''.padEnd(36)} ${detail}`);
  return lines.join('\n');
}

function settingRow(setting: Setting<unknown>): string {
  const shown = Array.isArray(setting.default) ? setting.default.join(',') : String(setting.default);
  const env = setting.env.map((name) => `$${name}`).join(', then ');
  return row(`--${setting.flag} ${setting.placeholder}`, setting.help, `env ${env}; default ${shown}`);
}

export const serveUsage = `Usage: tokenframe serve [flags]

Flags win over environment variables, which win over the data directory's files.

${names.map((name) => settingRow(settings[name])).join('\n')}
${row(
  '--dev',
  `development mode (what \`npm start\` uses): creates DIR/secrets.json if missing, and a development account
${''.padEnd(39)}whose keys are written to DIR/dev-keys.json, with ${devShopOrigin} among its allowed origins,
${''.padEnd(39)}and the Plaid sandbox under /plaid (credentials in DIR/plaid.json). Without it there is none
${''.padEnd(39)}of these: run \`tokenframe init\`, then create keys with \`tokenframe keys create\`.`,
  'env none; default off',
)}
${row('--allowed-origin ORIGIN', 'with --dev: another origin allowed to embed the development account’s frames (repeatable)')}
${row('--workers N', 'processes sharing the port (node:cluster); a crashed one is restarted', 'env none; default 0 (this process alone)')}

Environment only (secrets and passwords stay out of the process list):
${row('DATABASE_URL', 'PostgreSQL connection string; without it, the SQLite file DIR/tokenframe.db')}
${row('TOKENFRAME_ENCRYPTION_KEYS', 'the encryption keyring: id:base64,id:base64 (32-byte keys); the first is current')}
${row('TOKENFRAME_ENCRYPTION_KEY_ID', 'the id of the key that encrypts new values, if not the first')}
${row('TOKENFRAME_FINGERPRINT_KEY', 'the fingerprint key: base64, at least 32 bytes')}
  Without the keys in the environment, they are read from DIR/secrets.json (made by \`tokenframe init\`).
  Make a key with \`openssl rand -base64 32\`.
`;

/** Reads the flags; a malformed value throws a ConfigError naming its flag, an unknown flag parseArgs's error. */
export function parseServeFlags(args: string[]): ServeFlags {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      ...Object.fromEntries(names.map((name) => [settings[name].flag, { type: 'string' as const }])),
      'allowed-origin': { type: 'string', multiple: true },
      dev: { type: 'boolean' },
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const given: Partial<SettingValues> = {};
  for (const name of names) {
    const setting: Setting<unknown> = settings[name];
    const text = (values as Record<string, unknown>)[setting.flag];
    if (typeof text === 'string') Object.assign(given, { [name]: setting.parse(text, `--${setting.flag}`) });
  }
  const { rateLimitPerKey, rateLimitPerIp, rateLimitFailedAuthPerIp, ...rest } = given;
  return {
    ...rest,
    rateLimits: {
      perKeyPerMinute: rateLimitPerKey,
      perIpPerMinute: rateLimitPerIp,
      failedAuthPerIpPerMinute: rateLimitFailedAuthPerIp,
    },
    dev: values.dev === true,
    allowedOrigins: values['allowed-origin'] as string[] | undefined,
    workers: parseWorkers(values.workers as string | undefined),
    help: values.help === true,
  };
}

function parseWorkers(text: string | undefined): number {
  if (text === undefined) return 0;
  if (!/^\d+$/.test(text)) throw new ConfigError('--workers must be a whole number of processes.');
  return Number(text);
}
