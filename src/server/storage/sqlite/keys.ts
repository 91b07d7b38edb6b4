import type BetterSqlite3 from 'better-sqlite3';
import {
  accountFromRow,
  accountOriginsColumn,
  apiKeyFromRow,
  checkExistingApiKey,
  type AccountRow,
  type ApiKeyRow,
} from '../rows';
import type { KeyStore } from '../types';

export function sqliteKeyStore(db: BetterSqlite3.Database): KeyStore {
  const statements = {
    saveAccount: db.prepare(
      `INSERT INTO accounts (id, allowed_origins) VALUES (?, ?)
       ON CONFLICT (id) DO UPDATE SET allowed_origins = excluded.allowed_origins`,
    ),
    getAccount: db.prepare('SELECT id, allowed_origins FROM accounts WHERE id = ?'),
    listAccounts: db.prepare('SELECT id, allowed_origins FROM accounts ORDER BY id'),
    saveApiKey: db.prepare(
      `INSERT INTO api_keys (key_hash, id, account_id, kind, livemode, display, created, revoked_at)
       VALUES (@key_hash, @id, @account_id, @kind, @livemode, @display, @created, @revoked_at)
       ON CONFLICT (key_hash) DO NOTHING`,
    ),
    keyAccount: db.prepare('SELECT account_id FROM api_keys WHERE key_hash = ?'),
    findKey: db.prepare('SELECT * FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL'),
    listKeys: db.prepare('SELECT * FROM api_keys ORDER BY account_id, created, id'),
    // Revoking twice keeps the first time.
    revokeKey: db.prepare('UPDATE api_keys SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?'),
  };
  return {
    async saveAccount(account) {
      statements.saveAccount.run(account.id, accountOriginsColumn(account));
    },
    async getAccount(id) {
      const row = statements.getAccount.get(id) as AccountRow | undefined;
      return row ? accountFromRow(row) : null;
    },
    async listAccounts() {
      return (statements.listAccounts.all() as AccountRow[]).map(accountFromRow);
    },
    async saveApiKey(hash, record) {
      const { changes } = statements.saveApiKey.run({
        key_hash: hash,
        id: record.id,
        account_id: record.accountId,
        kind: record.kind,
        livemode: record.livemode ? 1 : 0,
        display: record.display,
        created: record.created,
        revoked_at: record.revokedAt,
      });
      if (changes === 0)
        checkExistingApiKey((statements.keyAccount.get(hash) as { account_id: string }).account_id, record);
    },
    async findKeyByHash(hash) {
      const row = statements.findKey.get(hash) as ApiKeyRow | undefined;
      return row ? apiKeyFromRow(row) : null;
    },
    async listApiKeys() {
      return (statements.listKeys.all() as ApiKeyRow[]).map(apiKeyFromRow);
    },
    async revokeApiKey(id, at) {
      return statements.revokeKey.run(at, id).changes > 0;
    },
  };
}
