import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Clock } from '../clock';
import { newId, randomBase62 } from '../ids';
import { saveKeyPair, type KeyPair } from '../keys';
import { normalizeOrigins } from '../origins';
import type { PlaidCredentials } from '../plaid/credentials';
import { readOrCreatePrivateFile } from '../private-file';
import type { KeyStore } from '../storage/types';

/**
 * Development mode (`tokenframe serve --dev`, which `npm start` passes): an
 * account whose keys are written to the data directory so the demo can read
 * them, `http://localhost:5173` (the demo shop) among its allowed origins, the
 * same origins as its font origins (so a merchant page under development can
 * serve the frames' `fonts` itself), and credentials for the Plaid sandbox. Nothing here exists in a production
 * start; this module is its only source.
 */

/** Where `npm start` serves the demo merchant. */
export const devShopOrigin = 'http://localhost:5173';

export interface DevSetup {
  account: KeyPair;
  /** The Plaid sandbox's credentials; its bank tokens go to `account`. */
  plaid: PlaidCredentials;
}

interface DevKeysFile {
  accountId: string;
  publishableKey: string;
  secretKey: string;
}

/**
 * Reads `dev-keys.json` and `plaid.json` from the data directory, creating
 * them (0600) on the first development start. The keys are kept on disk only
 * so they can be printed on every start and read by the demo; the database
 * holds their hashes.
 */
export function loadDevSetup(dataDir: string, extraOrigins: readonly string[] = []): DevSetup {
  const allowedOrigins = normalizeOrigins([devShopOrigin, ...extraOrigins]);
  const plaid = readOrCreatePrivateFile<PlaidCredentials>(join(dataDir, 'plaid.json'), () => ({
    clientId: randomBytes(12).toString('hex'),
    secret: randomBytes(15).toString('hex'),
  }));
  const keys = readOrCreatePrivateFile<DevKeysFile>(join(dataDir, 'dev-keys.json'), () => ({
    accountId: newId('acct', 16),
    publishableKey: `pk_test_${randomBase62(32)}`,
    secretKey: `sk_test_${randomBase62(32)}`,
  }));
  return {
    account: {
      accountId: keys.accountId,
      allowedOrigins,
      fontOrigins: allowedOrigins,
      publishableKey: keys.publishableKey,
      secretKey: keys.secretKey,
    },
    plaid,
  };
}

/**
 * Registers the development account with its current origins, and its keys
 * (by hash). `saveApiKey` only inserts, so on later starts the keys keep
 * their records: a key the operator revoked stays revoked.
 */
export async function seedDevAccount(keys: KeyStore, setup: DevSetup, clock: Clock): Promise<void> {
  await saveKeyPair(keys, setup.account, clock);
}
