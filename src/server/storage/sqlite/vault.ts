import type BetterSqlite3 from 'better-sqlite3';
import { sqliteGroupCommit } from '../group-commit';
import { consumeFailure, secretToColumns, tokenFromRow, type TokenRow } from '../rows';
import type { VaultStore } from '../types';
import { sqliteEncryptedRows } from './encrypted-rows';

export function sqliteVaultStore(db: BetterSqlite3.Database): VaultStore {
  const statements = {
    insertToken: db.prepare(
      `INSERT INTO tokens (id, account_id, livemode, type, token_json, secret_key_id, secret_iv, secret_tag,
                           secret_data, fingerprint, used, created, expires_at)
       VALUES (@id, @account_id, @livemode, @type, @token_json, @secret_key_id, @secret_iv, @secret_tag,
               @secret_data, @fingerprint, @used, @created, @expires_at)`,
    ),
    getToken: db.prepare('SELECT * FROM tokens WHERE id = ? AND account_id = ? AND livemode = ?'),
    usableToken: db.prepare(
      'SELECT * FROM tokens WHERE id = ? AND account_id = ? AND livemode = ? AND used = 0 AND expires_at > ?',
    ),
    markUsed: db.prepare(
      `UPDATE tokens SET used = 1, secret_key_id = NULL, secret_iv = NULL, secret_tag = NULL, secret_data = NULL
       WHERE id = ?`,
    ),
    tokenState: db.prepare('SELECT used FROM tokens WHERE id = ? AND account_id = ? AND livemode = ?'),
    wipeExpired: db.prepare(
      `UPDATE tokens SET secret_key_id = NULL, secret_iv = NULL, secret_tag = NULL, secret_data = NULL
       WHERE (used = 1 OR expires_at < ?) AND secret_data IS NOT NULL`,
    ),
  };
  const write = sqliteGroupCommit<unknown>(db);
  // The row is read with its raw values and wiped in one write transaction: the caller gets them once,
  // the table keeps none. IMMEDIATE takes the write lock first, so other processes on the file wait.
  const consume = db.transaction((id: string, accountId: string, mode: number, now: number) => {
    const row = statements.usableToken.get(id, accountId, mode, now) as TokenRow | undefined;
    if (row) statements.markUsed.run(id);
    return row;
  });
  return {
    ...sqliteEncryptedRows(db, 'tokens', 'id'),
    async insertToken(token) {
      const row = {
        id: token.id,
        account_id: token.accountId,
        livemode: token.livemode ? 1 : 0,
        type: token.type,
        token_json: JSON.stringify(token.token),
        ...secretToColumns(token.secret),
        fingerprint: token.fingerprint,
        used: token.used ? 1 : 0,
        created: token.created,
        expires_at: token.expiresAt,
      };
      await write(() => statements.insertToken.run(row));
    },
    async getToken(id, { accountId, livemode }) {
      const row = statements.getToken.get(id, accountId, livemode ? 1 : 0) as TokenRow | undefined;
      return row ? tokenFromRow(row) : null;
    },
    async consumeToken(id, { accountId, livemode }, now) {
      const mode = livemode ? 1 : 0;
      const row = consume.immediate(id, accountId, mode, now);
      if (row) return { ok: true, token: tokenFromRow({ ...row, used: 1 }) };
      const state = statements.tokenState.get(id, accountId, mode) as { used: number } | undefined;
      return { ok: false, reason: consumeFailure(state) };
    },
    async wipeExpiredTokens(now) {
      const wiped = statements.wipeExpired.run(now).changes;
      // The old page images, ciphertext included, would otherwise linger in the WAL file until it is reused.
      if (wiped > 0) db.pragma('wal_checkpoint(TRUNCATE)');
      return wiped;
    },
  };
}
