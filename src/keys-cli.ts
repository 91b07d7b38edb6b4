import { parseArgs } from 'node:util';
import { redactApiKey } from './server/auth';
import { systemClock } from './server/clock';
import { addEncryptionKey, loadConfig, loadStorageConfig } from './server/config';
import { hashApiKey } from './server/crypto';
import { addKeyPair, createKeyPair } from './server/keys';
import { normalizeOrigins } from './server/origins';
import { openPlaidStore } from './server/plaid/store';
import { openStores } from './server/storage';
import { resealValues } from './server/storage/reseal';
import type { AccountRecord, KeyStore } from './server/storage/types';
import type { OpenStores } from './server/service';

export const keysUsage = `Usage:
  tokenframe keys create --origin ORIGIN [--origin ORIGIN …] [--font-origin ORIGIN …] [--live]
                                                              a new key pair whose frames these origins may embed;
                                                              test keys (pk_test_/sk_test_), or live ones with --live;
                                                              its frames may load fonts from each --font-origin
  tokenframe keys create --account KEY_OR_ACCOUNT [--live]    another key pair for that account, with its origins
                                                              (live and test keys of one account see apart data)
  tokenframe keys list                                        every key: id, kind, mode, account, origins, revoked
  tokenframe keys origins add KEY_OR_ACCOUNT ORIGIN           lets ORIGIN embed the frames of that key pair
  tokenframe keys origins remove KEY_OR_ACCOUNT ORIGIN        stops ORIGIN embedding them
  tokenframe keys fonts add KEY_OR_ACCOUNT ORIGIN             lets those frames load fonts (and font stylesheets)
                                                              from ORIGIN, e.g. https://fonts.gstatic.com
  tokenframe keys fonts remove KEY_OR_ACCOUNT ORIGIN          stops them loading fonts from ORIGIN
                                                              (KEY_OR_ACCOUNT: acct_…, key_…, or the pk_… key)
  tokenframe keys revoke KEY_ID                               the key stops working at once
  tokenframe keys rotate-encryption                           a new encryption key; re-encrypts every stored value

  Options for all: --data-dir DIR (default $TOKENFRAME_DATA_DIR or ./.tokenframe); $DATABASE_URL selects PostgreSQL.
`;

async function withStores<T>(dataDir: string | undefined, use: (stores: OpenStores) => Promise<T>): Promise<T> {
  // Keys are stored by hash: these commands need the database, not the encryption keys.
  const stores = await openStores(loadStorageConfig({ dataDir }));
  try {
    return await use(stores);
  } finally {
    await stores.close();
  }
}

interface CreateOptions {
  origins: string[];
  fontOrigins: string[];
  live: boolean;
  /** An existing account (or one of its keys) to add the pair to, instead of a new account. */
  account?: string;
}

async function create({ origins, fontOrigins, live, account }: CreateOptions, dataDir?: string): Promise<void> {
  if (account && origins.length + fontOrigins.length > 0) {
    throw new Error(
      'keys create --account keeps the account’s origins; change them with `tokenframe keys origins` or `keys fonts`.',
    );
  }
  if (!account && origins.length === 0)
    throw new Error('keys create needs at least one --origin, e.g. --origin https://shop.example');
  const options = { live, clock: systemClock, fontOrigins };
  const pair = await withStores(dataDir, async ({ keys }) =>
    account ? addKeyPair(keys, await accountNamed(keys, account), options) : createKeyPair(keys, origins, options),
  );
  process.stdout.write(
    [
      `account:          ${pair.accountId}`,
      `allowed origins:  ${pair.allowedOrigins.join(' ')}`,
      ...(pair.fontOrigins?.length ? [`font origins:     ${pair.fontOrigins.join(' ')}`] : []),
      `publishable key:  ${pair.publishableKey}`,
      `secret key:       ${pair.secretKey}`,
      '',
      'The secret key is shown only now: store it where your server reads its secrets.',
      '',
    ].join('\n'),
  );
}

async function list(dataDir?: string): Promise<void> {
  await withStores(dataDir, async ({ keys }) => {
    const accounts = new Map((await keys.listAccounts()).map((account) => [account.id, account]));
    const rows = (await keys.listApiKeys()).map((key) => [
      key.id,
      key.kind,
      key.livemode ? 'live' : 'test',
      key.display,
      key.accountId,
      (accounts.get(key.accountId)?.allowedOrigins ?? []).join(' '),
      (accounts.get(key.accountId)?.fontOrigins ?? []).join(' '),
      key.revokedAt ? `revoked ${new Date(key.revokedAt * 1000).toISOString()}` : 'active',
    ]);
    const header = ['id', 'kind', 'mode', 'key', 'account', 'allowed origins', 'font origins', 'status'];
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
    for (const row of [header, ...rows]) {
      process.stdout.write(
        `${row
          .map((cell, column) => cell.padEnd(widths[column]))
          .join('  ')
          .trimEnd()}\n`,
      );
    }
  });
}

async function revoke(keyId: string | undefined, dataDir?: string): Promise<void> {
  if (!keyId) throw new Error('keys revoke needs a key id (see `tokenframe keys list`).');
  const found = await withStores(dataDir, ({ keys }) => keys.revokeApiKey(keyId, systemClock.now()));
  if (!found) throw new Error(`No key with id ${keyId}.`);
  process.stdout.write(`${keyId} revoked.\n`);
}

/** The account a key pair belongs to, named by its account id, a key id, or one of its keys. */
async function accountNamed(keys: KeyStore, name: string): Promise<AccountRecord> {
  const isKey = /^(pk|sk)_(test|live)_/.test(name);
  let accountId = name;
  if (name.startsWith('key_')) {
    accountId = (await keys.listApiKeys()).find((key) => key.id === name)?.accountId ?? '';
  } else if (isKey) {
    accountId = (await keys.findKeyByHash(hashApiKey(name)))?.accountId ?? '';
  }
  const account = accountId ? await keys.getAccount(accountId) : null;
  // A secret key typed here must not end up on the screen or in a log.
  if (!account) throw new Error(`No key pair ${isKey ? redactApiKey(name) : name} (see \`tokenframe keys list\`).`);
  return account;
}

/**
 * Adds or removes one allowed origin of an existing key pair, keeping its
 * account, keys and data; frames see the new list on their next load.
 */
async function editOrigins(
  action: string | undefined,
  name: string | undefined,
  origin: string | undefined,
  dataDir?: string,
) {
  if ((action !== 'add' && action !== 'remove') || !name || !origin) {
    throw new Error('Usage: tokenframe keys origins add|remove KEY_OR_ACCOUNT ORIGIN');
  }
  const [normalized] = normalizeOrigins([origin]);
  const origins = await withStores(dataDir, async ({ keys }) => {
    const account = await accountNamed(keys, name);
    const current = account.allowedOrigins;
    if (action === 'remove' && !current.includes(normalized)) {
      throw new Error(`${normalized} is not an allowed origin of ${account.id}.`);
    }
    if (action === 'remove' && current.length === 1) {
      throw new Error(`${normalized} is the only allowed origin of ${account.id}: add another first.`);
    }
    const allowedOrigins =
      action === 'add' ? normalizeOrigins([...current, normalized]) : current.filter((item) => item !== normalized);
    await keys.saveAccount({ ...account, allowedOrigins });
    return { accountId: account.id, allowedOrigins };
  });
  process.stdout.write(
    [`account:          ${origins.accountId}`, `allowed origins:  ${origins.allowedOrigins.join(' ')}`, ''].join('\n'),
  );
}

/**
 * Adds or removes one font origin of an existing key pair: its frames may load `fonts` (font files and
 * stylesheets such as Google Fonts' `cssSrc`) from it; frames see the new list on their next load.
 */
async function editFontOrigins(
  action: string | undefined,
  name: string | undefined,
  origin: string | undefined,
  dataDir?: string,
) {
  if ((action !== 'add' && action !== 'remove') || !name || !origin) {
    throw new Error('Usage: tokenframe keys fonts add|remove KEY_OR_ACCOUNT ORIGIN');
  }
  const [normalized] = normalizeOrigins([origin]);
  const saved = await withStores(dataDir, async ({ keys }) => {
    const account = await accountNamed(keys, name);
    const current = account.fontOrigins ?? [];
    if (action === 'remove' && !current.includes(normalized)) {
      throw new Error(`${normalized} is not a font origin of ${account.id}.`);
    }
    const fontOrigins =
      action === 'add' ? normalizeOrigins([...current, normalized]) : current.filter((item) => item !== normalized);
    await keys.saveAccount({ ...account, fontOrigins });
    return { accountId: account.id, fontOrigins };
  });
  process.stdout.write(
    [`account:          ${saved.accountId}`, `font origins:     ${saved.fontOrigins.join(' ')}`, ''].join('\n'),
  );
}

/**
 * Adds a new current key to the keyring, then re-encrypts every stored value
 * that is under an older key (or not yet bound to its row), store by store
 * (vault, customers, Plaid sandbox), a page at a time. Old keys stay in the
 * keyring, so a run that is interrupted can simply be run again. A value that
 * does not open (altered, or copied from another row) is left as it is and
 * named, and the run fails.
 */
async function rotateEncryption(dataDir?: string): Promise<void> {
  addEncryptionKey(loadConfig({ dataDir }).dataDir);
  const config = loadConfig({ dataDir });
  const target = config.currentEncryptionKey();
  let count = 0;
  const unreadable: string[] = [];
  await withStores(dataDir, async (stores) => {
    // Items from development runs hold encrypted bank numbers too.
    for (const rows of [stores.vault, stores.customers, await openPlaidStore(stores.database)]) {
      const result = await resealValues(rows, config.encryptionKeys, target);
      count += result.resealed;
      unreadable.push(...result.unreadable);
    }
  });
  process.stdout.write(`New encryption key ${target.id}; ${count} stored values re-encrypted under it.\n`);
  if (unreadable.length > 0) {
    throw new Error(
      `${unreadable.length} stored values did not open and were left as they are: ${unreadable.join(', ')}. ` +
        'They were altered or copied from another row, or their key is not in the keyring.',
    );
  }
}

export async function keysCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      origin: { type: 'string', multiple: true },
      'font-origin': { type: 'string', multiple: true },
      live: { type: 'boolean', default: false },
      account: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  const [action, target, ...rest] = positionals;
  const dataDir = values['data-dir'];
  switch (action) {
    case 'create':
      return create(
        {
          origins: values.origin ?? [],
          fontOrigins: values['font-origin'] ?? [],
          live: values.live,
          account: values.account,
        },
        dataDir,
      );
    case 'origins':
      return editOrigins(target, rest[0], rest[1], dataDir);
    case 'fonts':
      return editFontOrigins(target, rest[0], rest[1], dataDir);
    case 'list':
      return list(dataDir);
    case 'revoke':
      return revoke(target, dataDir);
    case 'rotate-encryption':
      return rotateEncryption(dataDir);
    default:
      process.stderr.write(keysUsage);
      process.exitCode = 2;
  }
}
