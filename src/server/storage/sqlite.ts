import { chmodSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { EncryptedValue } from '../crypto';
import {
  accountFromRow,
  apiKeyFromRow,
  consumeFailure,
  customerFromRow,
  idempotencyFromRow,
  plaidItemFromRow,
  secretEntryFromRow,
  secretTableIds,
  secretTables,
  secretToColumns,
  tokenFromRow,
  type AccountRow,
  type ApiKeyRow,
  type CustomerRow,
  type IdempotencyRow,
  type PlaidItemRow,
  type SecretRow,
  type SecretTable,
  type TokenRow,
} from './rows';
import type {
  AccountRecord,
  ApiKeyRecord,
  CustomerRecord,
  IdempotencyRecord,
  PlaidItemRecord,
  PlaidPublicTokenRecord,
  SourceRecord,
  TokenRecord,
  TokenStore,
} from './types';

/** The four columns of an encrypted value; all set or, once wiped, all NULL. */
const secretColumns = (nullable: boolean) => `
  secret_key_id TEXT${nullable ? '' : ' NOT NULL'},
  secret_iv TEXT${nullable ? '' : ' NOT NULL'},
  secret_tag TEXT${nullable ? '' : ' NOT NULL'},
  secret_data TEXT${nullable ? '' : ' NOT NULL'}`;

/**
 * The schema, one step per version; `PRAGMA user_version` says how many
 * steps a database file has had. Never edit a step that has shipped: add one.
 */
const migrations: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    // The schema as it was before versioning; files written then have
    // user_version 0 and these tables already, so every statement is IF NOT EXISTS.
    name: 'unversioned schema',
    sql: `
      CREATE TABLE IF NOT EXISTS accounts (
        id TEXT PRIMARY KEY,
        allowed_origins TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS api_keys (
        key_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        kind TEXT NOT NULL CHECK (kind IN ('publishable', 'secret'))
      );
      CREATE TABLE IF NOT EXISTS tokens (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        type TEXT NOT NULL,
        token_json TEXT NOT NULL,
        secret_key_id TEXT NOT NULL,
        secret_iv TEXT NOT NULL,
        secret_tag TEXT NOT NULL,
        secret_data TEXT NOT NULL,
        fingerprint TEXT,
        used INTEGER NOT NULL DEFAULT 0,
        created INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS tokens_by_account ON tokens (account_id, created);
      CREATE TABLE IF NOT EXISTS idempotency_keys (
        account_id TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        status_code INTEGER NOT NULL,
        response_body TEXT NOT NULL,
        created INTEGER NOT NULL,
        PRIMARY KEY (account_id, idempotency_key)
      );
    `,
  },
  {
    version: 2,
    name: 'key ids and revocation, token expiry, customers, sources, Plaid',
    sql: `
      CREATE TABLE api_keys_v2 (
        key_hash TEXT PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        kind TEXT NOT NULL CHECK (kind IN ('publishable', 'secret')),
        display TEXT NOT NULL,
        created INTEGER NOT NULL,
        revoked_at INTEGER
      );
      -- Only the hash of an existing key is known: it gets a fresh id and a display without its last four.
      INSERT INTO api_keys_v2 (key_hash, id, account_id, kind, display, created, revoked_at)
        SELECT key_hash, 'key_' || lower(hex(randomblob(12))), account_id, kind,
               CASE kind WHEN 'publishable' THEN 'pk_test_****' ELSE 'sk_test_****' END,
               CAST(strftime('%s', 'now') AS INTEGER), NULL
        FROM api_keys;
      DROP TABLE api_keys;
      ALTER TABLE api_keys_v2 RENAME TO api_keys;

      CREATE TABLE tokens_v2 (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        type TEXT NOT NULL,
        token_json TEXT NOT NULL,${secretColumns(true)},
        fingerprint TEXT,
        used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1)),
        created INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        CHECK ((secret_key_id IS NULL) = (secret_data IS NULL)
           AND (secret_iv IS NULL) = (secret_data IS NULL)
           AND (secret_tag IS NULL) = (secret_data IS NULL))
      );
      -- Tokens from before expiry existed get the default lifetime, one hour.
      INSERT INTO tokens_v2 (id, account_id, type, token_json, secret_key_id, secret_iv, secret_tag, secret_data,
                             fingerprint, used, created, expires_at)
        SELECT id, account_id, type, token_json, secret_key_id, secret_iv, secret_tag, secret_data,
               fingerprint, used, created, created + 3600
        FROM tokens;
      DROP TABLE tokens;
      ALTER TABLE tokens_v2 RENAME TO tokens;
      CREATE INDEX tokens_by_account ON tokens (account_id, created);
      CREATE INDEX tokens_to_wipe ON tokens (expires_at) WHERE used = 0 AND secret_data IS NOT NULL;
      CREATE INDEX tokens_by_secret_key ON tokens (secret_key_id);

      -- Idempotency keys now belong to the API key that sent them, not the
      -- account; old records (kept a day at most) cannot be mapped, so they go.
      DROP TABLE idempotency_keys;
      CREATE TABLE idempotency_records (
        scope TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        status_code INTEGER NOT NULL,
        response_body TEXT NOT NULL,
        created INTEGER NOT NULL,
        PRIMARY KEY (scope, idempotency_key)
      );
      CREATE INDEX idempotency_records_by_created ON idempotency_records (created);

      CREATE TABLE customers (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        customer_json TEXT NOT NULL,
        created INTEGER NOT NULL
      );
      CREATE INDEX customers_by_account ON customers (account_id, created);

      -- No foreign key to customers: a new customer's first source is stored before the customer itself.
      CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        source_json TEXT NOT NULL,${secretColumns(false)},
        fingerprint TEXT,
        created INTEGER NOT NULL
      );
      CREATE INDEX sources_by_customer ON sources (customer_id);
      CREATE INDEX sources_by_secret_key ON sources (secret_key_id);

      CREATE TABLE plaid_items (
        item_id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        access_token_hash TEXT UNIQUE,
        institution_id TEXT NOT NULL,
        accounts_json TEXT NOT NULL,${secretColumns(false)},
        created INTEGER NOT NULL
      );
      CREATE INDEX plaid_items_by_secret_key ON plaid_items (secret_key_id);

      CREATE TABLE plaid_public_tokens (
        token_hash TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES plaid_items(item_id) ON DELETE CASCADE,
        expires_at INTEGER NOT NULL
      );
    `,
  },
];

export const sqliteSchemaVersion = migrations[migrations.length - 1].version;

/**
 * Brings the file up to the latest schema. Each step and its new
 * user_version commit together, under SQLite's write lock, so two processes
 * opening one file at once cannot both apply a step.
 */
function migrate(db: Database.Database): void {
  // Rebuilding a table (the only way SQLite changes column constraints) needs
  // foreign key enforcement off; the check after each step puts it back.
  db.pragma('foreign_keys = OFF');
  try {
    const upgrade = db.transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current > sqliteSchemaVersion) {
        throw new Error(
          `The database has schema version ${current}, newer than this tokenframe knows (${sqliteSchemaVersion}); upgrade tokenframe.`,
        );
      }
      for (const migration of migrations) {
        if (migration.version <= current) continue;
        db.exec(migration.sql);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) {
          throw new Error(`Schema step ${migration.version} (${migration.name}) left broken foreign keys`);
        }
        db.pragma(`user_version = ${migration.version}`);
      }
    });
    upgrade.immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** The embedded default: one file, nothing to install or start. */
export function openSqliteStore(path: string): TokenStore {
  const db = new Database(path);
  try {
    // SQLite gives the -wal and -shm files the database file's mode.
    if (path !== ':memory:') chmodSync(path, 0o600);
    // Another process may be opening (and migrating) the same file.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    // A token the API has handed out must survive a power cut.
    db.pragma('synchronous = FULL');
    // Deleted and overwritten values (wiped raw values) are zeroed, not just unlinked.
    db.pragma('secure_delete = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return sqliteStore(db);
}

function sqliteStore(db: Database.Database): TokenStore {
  const statements = {
    saveAccount: db.prepare(
      `INSERT INTO accounts (id, allowed_origins) VALUES (?, ?)
       ON CONFLICT (id) DO UPDATE SET allowed_origins = excluded.allowed_origins`,
    ),
    getAccount: db.prepare('SELECT id, allowed_origins FROM accounts WHERE id = ?'),
    listAccounts: db.prepare('SELECT id, allowed_origins FROM accounts ORDER BY id'),

    saveApiKey: db.prepare(
      `INSERT INTO api_keys (key_hash, id, account_id, kind, display, created, revoked_at)
       VALUES (@key_hash, @id, @account_id, @kind, @display, @created, @revoked_at)
       ON CONFLICT (key_hash) DO UPDATE SET
         id = excluded.id, account_id = excluded.account_id, kind = excluded.kind, display = excluded.display,
         created = excluded.created, revoked_at = excluded.revoked_at`,
    ),
    findKey: db.prepare('SELECT * FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL'),
    listKeys: db.prepare('SELECT * FROM api_keys ORDER BY account_id, created, id'),
    // Revoking twice keeps the first time.
    revokeKey: db.prepare('UPDATE api_keys SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?'),

    insertToken: db.prepare(
      `INSERT INTO tokens (id, account_id, type, token_json, secret_key_id, secret_iv, secret_tag, secret_data,
                           fingerprint, used, created, expires_at)
       VALUES (@id, @account_id, @type, @token_json, @secret_key_id, @secret_iv, @secret_tag, @secret_data,
               @fingerprint, @used, @created, @expires_at)`,
    ),
    getToken: db.prepare('SELECT * FROM tokens WHERE id = ? AND account_id = ?'),
    consumeToken: db.prepare(
      `UPDATE tokens SET used = 1
       WHERE id = ? AND account_id = ? AND used = 0 AND expires_at > ?
       RETURNING *`,
    ),
    tokenState: db.prepare('SELECT used FROM tokens WHERE id = ? AND account_id = ?'),
    wipeExpired: db.prepare(
      `UPDATE tokens SET secret_key_id = NULL, secret_iv = NULL, secret_tag = NULL, secret_data = NULL
       WHERE used = 0 AND expires_at < ? AND secret_data IS NOT NULL`,
    ),

    listSecrets: db.prepare(
      secretTables
        .map(
          (table) =>
            `SELECT '${table}' AS source_table, ${secretTableIds[table]} AS id,
                    secret_key_id, secret_iv, secret_tag, secret_data
             FROM ${table} WHERE secret_key_id IS NOT NULL AND secret_key_id <> @keyId`,
        )
        .join(' UNION ALL ') + ' LIMIT @limit',
    ),
    replaceSecret: Object.fromEntries(
      secretTables.map((table) => [
        table,
        db.prepare(
          `UPDATE ${table}
           SET secret_key_id = @secret_key_id, secret_iv = @secret_iv, secret_tag = @secret_tag,
               secret_data = @secret_data
           WHERE ${secretTableIds[table]} = @id`,
        ),
      ]),
    ) as Record<SecretTable, Database.Statement>,

    saveCustomer: db.prepare(
      `INSERT INTO customers (id, account_id, customer_json, created) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET customer_json = excluded.customer_json`,
    ),
    getCustomer: db.prepare('SELECT * FROM customers WHERE id = ? AND account_id = ?'),
    insertSource: db.prepare(
      `INSERT INTO sources (id, customer_id, account_id, source_json, secret_key_id, secret_iv, secret_tag,
                            secret_data, fingerprint, created)
       VALUES (@id, @customer_id, @account_id, @source_json, @secret_key_id, @secret_iv, @secret_tag,
               @secret_data, @fingerprint, @created)`,
    ),

    getIdempotency: db.prepare(
      'SELECT * FROM idempotency_records WHERE scope = ? AND idempotency_key = ? AND created >= ?',
    ),
    getIdempotencyAnyAge: db.prepare('SELECT * FROM idempotency_records WHERE scope = ? AND idempotency_key = ?'),
    putIdempotency: db.prepare(
      `INSERT INTO idempotency_records (scope, idempotency_key, request_hash, status_code, response_body, created)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    deleteIdempotency: db.prepare('DELETE FROM idempotency_records WHERE created < ?'),

    savePlaidItem: db.prepare(
      `INSERT INTO plaid_items (item_id, account_id, access_token_hash, institution_id, accounts_json,
                                secret_key_id, secret_iv, secret_tag, secret_data, created)
       VALUES (@item_id, @account_id, @access_token_hash, @institution_id, @accounts_json,
               @secret_key_id, @secret_iv, @secret_tag, @secret_data, @created)
       ON CONFLICT (item_id) DO UPDATE SET
         account_id = excluded.account_id, access_token_hash = excluded.access_token_hash,
         institution_id = excluded.institution_id, accounts_json = excluded.accounts_json,
         secret_key_id = excluded.secret_key_id, secret_iv = excluded.secret_iv, secret_tag = excluded.secret_tag,
         secret_data = excluded.secret_data, created = excluded.created`,
    ),
    getPlaidItem: db.prepare('SELECT * FROM plaid_items WHERE item_id = ?'),
    findPlaidItemByAccessToken: db.prepare('SELECT * FROM plaid_items WHERE access_token_hash = ?'),
    savePlaidPublicToken: db.prepare(
      'INSERT INTO plaid_public_tokens (token_hash, item_id, expires_at) VALUES (?, ?, ?)',
    ),
    // Deleted whether or not it has expired: an expired public token is of no further use.
    takePlaidPublicToken: db.prepare(
      'DELETE FROM plaid_public_tokens WHERE token_hash = ? RETURNING item_id, expires_at',
    ),
  };

  let closed = false;
  return {
    async saveAccount(account: AccountRecord) {
      statements.saveAccount.run(account.id, JSON.stringify(account.allowedOrigins));
    },
    async getAccount(id: string) {
      const row = statements.getAccount.get(id) as AccountRow | undefined;
      return row ? accountFromRow(row) : null;
    },
    async listAccounts() {
      return (statements.listAccounts.all() as AccountRow[]).map(accountFromRow);
    },

    async saveApiKey(hash: string, record: ApiKeyRecord) {
      statements.saveApiKey.run({
        key_hash: hash,
        id: record.id,
        account_id: record.accountId,
        kind: record.kind,
        display: record.display,
        created: record.created,
        revoked_at: record.revokedAt,
      });
    },
    async findKeyByHash(hash: string) {
      const row = statements.findKey.get(hash) as ApiKeyRow | undefined;
      return row ? apiKeyFromRow(row) : null;
    },
    async listApiKeys() {
      return (statements.listKeys.all() as ApiKeyRow[]).map(apiKeyFromRow);
    },
    async revokeApiKey(id: string, at: number) {
      return statements.revokeKey.run(at, id).changes > 0;
    },

    async insertToken(token: TokenRecord) {
      statements.insertToken.run({
        id: token.id,
        account_id: token.accountId,
        type: token.type,
        token_json: JSON.stringify(token.token),
        ...secretToColumns(token.secret),
        fingerprint: token.fingerprint,
        used: token.used ? 1 : 0,
        created: token.created,
        expires_at: token.expiresAt,
      });
    },
    async getToken(id: string, accountId: string) {
      const row = statements.getToken.get(id, accountId) as TokenRow | undefined;
      return row ? tokenFromRow(row) : null;
    },
    async consumeToken(id: string, accountId: string, now: number) {
      const row = statements.consumeToken.get(id, accountId, now) as TokenRow | undefined;
      if (row) return { ok: true, token: tokenFromRow(row) };
      const state = statements.tokenState.get(id, accountId) as { used: number } | undefined;
      return { ok: false, reason: consumeFailure(state) };
    },
    async wipeExpiredTokens(now: number) {
      const wiped = statements.wipeExpired.run(now).changes;
      // The old page images, ciphertext included, would otherwise linger in the WAL file until it is reused.
      if (wiped > 0) db.pragma('wal_checkpoint(TRUNCATE)');
      return wiped;
    },

    async listSecretsNotUnder(keyId: string, limit: number) {
      return (statements.listSecrets.all({ keyId, limit }) as SecretRow[]).map(secretEntryFromRow);
    },
    async replaceSecret(table: SecretTable, id: string, secret: EncryptedValue) {
      const statement = statements.replaceSecret[table];
      if (!statement) throw new Error(`No encrypted values in table ${String(table)}`);
      statement.run({ id, ...secretToColumns(secret) });
    },

    async saveCustomer(customer: CustomerRecord) {
      statements.saveCustomer.run(customer.id, customer.accountId, JSON.stringify(customer.customer), customer.created);
    },
    async getCustomer(id: string, accountId: string) {
      const row = statements.getCustomer.get(id, accountId) as CustomerRow | undefined;
      return row ? customerFromRow(row) : null;
    },
    async insertSource(source: SourceRecord) {
      statements.insertSource.run({
        id: source.id,
        customer_id: source.customerId,
        account_id: source.accountId,
        source_json: JSON.stringify(source.source),
        ...secretToColumns(source.secret),
        fingerprint: source.fingerprint,
        created: source.created,
      });
    },

    async getIdempotencyRecord(scope: string, key: string, notBefore: number) {
      const row = statements.getIdempotency.get(scope, key, notBefore) as IdempotencyRow | undefined;
      return row ? idempotencyFromRow(row) : null;
    },
    async putIdempotencyRecord(record: IdempotencyRecord) {
      statements.putIdempotency.run(
        record.scope,
        record.key,
        record.requestHash,
        record.statusCode,
        record.responseBody,
        record.created,
      );
      const row = statements.getIdempotencyAnyAge.get(record.scope, record.key) as IdempotencyRow;
      return idempotencyFromRow(row);
    },
    async deleteIdempotencyRecords(before: number) {
      return statements.deleteIdempotency.run(before).changes;
    },

    async savePlaidItem(item: PlaidItemRecord) {
      statements.savePlaidItem.run({
        item_id: item.itemId,
        account_id: item.accountId,
        access_token_hash: item.accessTokenHash,
        institution_id: item.institutionId,
        accounts_json: JSON.stringify(item.accounts),
        ...secretToColumns(item.secret),
        created: item.created,
      });
    },
    async getPlaidItem(itemId: string) {
      const row = statements.getPlaidItem.get(itemId) as PlaidItemRow | undefined;
      return row ? plaidItemFromRow(row) : null;
    },
    async findPlaidItemByAccessToken(accessTokenHash: string) {
      const row = statements.findPlaidItemByAccessToken.get(accessTokenHash) as PlaidItemRow | undefined;
      return row ? plaidItemFromRow(row) : null;
    },
    async savePlaidPublicToken(record: PlaidPublicTokenRecord) {
      statements.savePlaidPublicToken.run(record.tokenHash, record.itemId, record.expiresAt);
    },
    async takePlaidPublicToken(tokenHash: string, now: number) {
      const row = statements.takePlaidPublicToken.get(tokenHash) as { item_id: string; expires_at: number } | undefined;
      return row && row.expires_at > now ? row.item_id : null;
    },

    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
