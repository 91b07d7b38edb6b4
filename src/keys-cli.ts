import { parseArgs } from 'node:util';
import { systemClock } from './server/clock';
import { addEncryptionKey, loadConfig, loadStorageConfig } from './server/config';
import { decrypt, encrypt } from './server/crypto';
import { createKeyPair } from './server/keys';
import { openPlaidStore } from './server/plaid/store';
import { openStores } from './server/storage';
import type { EncryptedRows } from './server/storage/types';
import type { OpenStores } from './server/service';

export const keysUsage = `Usage:
  tokenframe keys create --origin ORIGIN [--origin ORIGIN …]   a new key pair whose frames these origins may embed
  tokenframe keys list                                        every key: id, kind, account, origins, revoked
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

async function create(origins: string[], dataDir?: string): Promise<void> {
  if (origins.length === 0)
    throw new Error('keys create needs at least one --origin, e.g. --origin https://shop.example');
  const pair = await withStores(dataDir, (stores) => createKeyPair(stores.keys, origins, systemClock));
  process.stdout.write(
    [
      `account:          ${pair.accountId}`,
      `allowed origins:  ${pair.allowedOrigins.join(' ')}`,
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
      key.display,
      key.accountId,
      (accounts.get(key.accountId)?.allowedOrigins ?? []).join(' '),
      key.revokedAt ? `revoked ${new Date(key.revokedAt * 1000).toISOString()}` : 'active',
    ]);
    const header = ['id', 'kind', 'key', 'account', 'allowed origins', 'status'];
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

/**
 * Adds a new current key to the keyring, then re-encrypts every stored value
 * that is under an older key, store by store (vault, customers, Plaid
 * sandbox), a page at a time. Old keys stay in the keyring, so a run that is
 * interrupted can simply be run again.
 */
async function rotateEncryption(dataDir?: string): Promise<void> {
  const newKeyId = addEncryptionKey(loadConfig({ dataDir }).dataDir);
  const config = loadConfig({ dataDir });
  const newKey = config.encryptionKey.key;
  let count = 0;
  await withStores(dataDir, async (stores) => {
    const encrypted: [string, EncryptedRows][] = [
      ['vault', stores.vault],
      ['customers', stores.customers],
      // Items from development runs hold encrypted bank numbers too.
      ['Plaid sandbox', await openPlaidStore(stores.database)],
    ];
    for (const [name, rows] of encrypted) {
      for (;;) {
        const page = await rows.listSecretsNotUnder(newKeyId, 200);
        if (page.length === 0) break;
        for (const { id, secret } of page) {
          const oldKey = config.encryptionKeys.get(secret.keyId);
          if (!oldKey)
            throw new Error(`A ${name} record is encrypted under ${secret.keyId}, which is not in the keyring.`);
          await rows.replaceSecret(id, encrypt(decrypt(secret, oldKey), newKey, newKeyId));
          count++;
        }
      }
    }
  });
  process.stdout.write(`New encryption key ${newKeyId}; ${count} stored values re-encrypted under it.\n`);
}

export async function keysCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { origin: { type: 'string', multiple: true }, 'data-dir': { type: 'string' } },
  });
  const [action, target] = positionals;
  const dataDir = values['data-dir'];
  switch (action) {
    case 'create':
      return create(values.origin ?? [], dataDir);
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
