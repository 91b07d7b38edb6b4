import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
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

export interface PostgresStoreOptions {
  /** Most connections the pool opens (default 10). */
  maxConnections?: number;
}

interface Migration {
  version: number;
  name: string;
  sql: string;
}

const migrationsDir = new URL('./migrations/postgres/', import.meta.url);

/** `NNN_name.sql` files, in version order. Never edit one that has shipped: add the next. */
function loadMigrations(): Migration[] {
  return readdirSync(migrationsDir)
    .map((file) => /^(\d+)_([a-z0-9_]+)\.sql$/.exec(file))
    .filter((match) => match !== null)
    .map(([file, version, name]) => ({
      version: Number(version),
      name,
      sql: readFileSync(new URL(file, migrationsDir), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
}

/** Any fixed number will do, as long as nothing else in the database locks on it: "tokenfr" in ASCII. */
const migrationLockKey = '32773604352353906';

/**
 * Applies the migrations this database has not had, all in one transaction.
 * Several service processes starting at once each take the advisory lock in
 * turn; whoever comes second finds the work done.
 */
async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [migrationLockKey]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at bigint NOT NULL
       )`,
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    // Versions this code does not know are left alone: during a rolling
    // deploy, older instances keep running on a schema newer ones extended.
    for (const migration of loadMigrations()) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        Math.floor(Date.now() / 1000),
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** PostgreSQL, for many stateless service instances on one shared database. */
export async function openPostgresStore(
  connectionString: string,
  options: PostgresStoreOptions = {},
): Promise<TokenStore> {
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
  // An idle connection the server drops must not crash the process: the pool
  // discards it, and the next query reports a problem that persists.
  pool.on('error', () => {});
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return postgresStore(pool);
}

function postgresStore(pool: pg.Pool): TokenStore {
  async function all<Row extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<Row[]> {
    return (await pool.query<Row>(text, values)).rows;
  }
  async function one<Row extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<Row | undefined> {
    return (await pool.query<Row>(text, values)).rows[0];
  }
  async function count(text: string, values: unknown[] = []): Promise<number> {
    return (await pool.query(text, values)).rowCount ?? 0;
  }

  const listSecretsQuery =
    secretTables
      .map(
        (table) =>
          `SELECT '${table}' AS source_table, ${secretTableIds[table]} AS id,
                  secret_key_id, secret_iv, secret_tag, secret_data
           FROM ${table} WHERE secret_key_id IS NOT NULL AND secret_key_id <> $1`,
      )
      .join(' UNION ALL ') + ' LIMIT $2';

  let closing: Promise<void> | undefined;
  return {
    async saveAccount(account: AccountRecord) {
      await pool.query(
        `INSERT INTO accounts (id, allowed_origins) VALUES ($1, $2)
         ON CONFLICT (id) DO UPDATE SET allowed_origins = excluded.allowed_origins`,
        [account.id, JSON.stringify(account.allowedOrigins)],
      );
    },
    async getAccount(id: string) {
      const row = await one<AccountRow>('SELECT id, allowed_origins FROM accounts WHERE id = $1', [id]);
      return row ? accountFromRow(row) : null;
    },
    async listAccounts() {
      return (await all<AccountRow>('SELECT id, allowed_origins FROM accounts ORDER BY id')).map(accountFromRow);
    },

    async saveApiKey(hash: string, record: ApiKeyRecord) {
      await pool.query(
        `INSERT INTO api_keys (key_hash, id, account_id, kind, display, created, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (key_hash) DO UPDATE SET
           id = excluded.id, account_id = excluded.account_id, kind = excluded.kind, display = excluded.display,
           created = excluded.created, revoked_at = excluded.revoked_at`,
        [hash, record.id, record.accountId, record.kind, record.display, record.created, record.revokedAt],
      );
    },
    async findKeyByHash(hash: string) {
      const row = await one<ApiKeyRow>('SELECT * FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL', [hash]);
      return row ? apiKeyFromRow(row) : null;
    },
    async listApiKeys() {
      return (await all<ApiKeyRow>('SELECT * FROM api_keys ORDER BY account_id, created, id')).map(apiKeyFromRow);
    },
    async revokeApiKey(id: string, at: number) {
      // Revoking twice keeps the first time.
      return (await count('UPDATE api_keys SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2', [at, id])) > 0;
    },

    async insertToken(token: TokenRecord) {
      const secret = secretToColumns(token.secret);
      await pool.query(
        `INSERT INTO tokens (id, account_id, type, token_json, secret_key_id, secret_iv, secret_tag, secret_data,
                             fingerprint, used, created, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          token.id,
          token.accountId,
          token.type,
          JSON.stringify(token.token),
          secret.secret_key_id,
          secret.secret_iv,
          secret.secret_tag,
          secret.secret_data,
          token.fingerprint,
          token.used,
          token.created,
          token.expiresAt,
        ],
      );
    },
    async getToken(id: string, accountId: string) {
      const row = await one<TokenRow>('SELECT * FROM tokens WHERE id = $1 AND account_id = $2', [id, accountId]);
      return row ? tokenFromRow(row) : null;
    },
    async consumeToken(id: string, accountId: string, now: number) {
      // Concurrent UPDATEs of one row queue on its lock, and each re-checks
      // `NOT used` against the winner's committed row: only one matches.
      const row = await one<TokenRow>(
        `UPDATE tokens SET used = true
         WHERE id = $1 AND account_id = $2 AND NOT used AND expires_at > $3
         RETURNING *`,
        [id, accountId, now],
      );
      if (row) return { ok: true, token: tokenFromRow(row) };
      const state = await one<{ used: boolean }>('SELECT used FROM tokens WHERE id = $1 AND account_id = $2', [
        id,
        accountId,
      ]);
      return { ok: false, reason: consumeFailure(state) };
    },
    async wipeExpiredTokens(now: number) {
      return count(
        `UPDATE tokens SET secret_key_id = NULL, secret_iv = NULL, secret_tag = NULL, secret_data = NULL
         WHERE NOT used AND expires_at < $1 AND secret_data IS NOT NULL`,
        [now],
      );
    },

    async listSecretsNotUnder(keyId: string, limit: number) {
      return (await all<SecretRow>(listSecretsQuery, [keyId, limit])).map(secretEntryFromRow);
    },
    async replaceSecret(table: SecretTable, id: string, secret: EncryptedValue) {
      if (!secretTables.includes(table)) throw new Error(`No encrypted values in table ${String(table)}`);
      const columns = secretToColumns(secret);
      await pool.query(
        `UPDATE ${table} SET secret_key_id = $2, secret_iv = $3, secret_tag = $4, secret_data = $5
         WHERE ${secretTableIds[table]} = $1`,
        [id, columns.secret_key_id, columns.secret_iv, columns.secret_tag, columns.secret_data],
      );
    },

    async saveCustomer(customer: CustomerRecord) {
      await pool.query(
        `INSERT INTO customers (id, account_id, customer_json, created) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET customer_json = excluded.customer_json`,
        [customer.id, customer.accountId, JSON.stringify(customer.customer), customer.created],
      );
    },
    async getCustomer(id: string, accountId: string) {
      const row = await one<CustomerRow>('SELECT * FROM customers WHERE id = $1 AND account_id = $2', [id, accountId]);
      return row ? customerFromRow(row) : null;
    },
    async insertSource(source: SourceRecord) {
      const secret = secretToColumns(source.secret);
      await pool.query(
        `INSERT INTO sources (id, customer_id, account_id, source_json, secret_key_id, secret_iv, secret_tag,
                              secret_data, fingerprint, created)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          source.id,
          source.customerId,
          source.accountId,
          JSON.stringify(source.source),
          secret.secret_key_id,
          secret.secret_iv,
          secret.secret_tag,
          secret.secret_data,
          source.fingerprint,
          source.created,
        ],
      );
    },

    async getIdempotencyRecord(scope: string, key: string, notBefore: number) {
      const row = await one<IdempotencyRow>(
        'SELECT * FROM idempotency_records WHERE scope = $1 AND idempotency_key = $2 AND created >= $3',
        [scope, key, notBefore],
      );
      return row ? idempotencyFromRow(row) : null;
    },
    async putIdempotencyRecord(record: IdempotencyRecord) {
      // DO NOTHING waits for a concurrent insert of the same key to commit,
      // so the SELECT after it always finds the winner's row.
      await pool.query(
        `INSERT INTO idempotency_records (scope, idempotency_key, request_hash, status_code, response_body, created)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [record.scope, record.key, record.requestHash, record.statusCode, record.responseBody, record.created],
      );
      const row = await one<IdempotencyRow>(
        'SELECT * FROM idempotency_records WHERE scope = $1 AND idempotency_key = $2',
        [record.scope, record.key],
      );
      if (!row) throw new Error('The idempotency record was deleted as it was saved');
      return idempotencyFromRow(row);
    },
    async deleteIdempotencyRecords(before: number) {
      return count('DELETE FROM idempotency_records WHERE created < $1', [before]);
    },

    async savePlaidItem(item: PlaidItemRecord) {
      const secret = secretToColumns(item.secret);
      await pool.query(
        `INSERT INTO plaid_items (item_id, account_id, access_token_hash, institution_id, accounts_json,
                                  secret_key_id, secret_iv, secret_tag, secret_data, created)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (item_id) DO UPDATE SET
           account_id = excluded.account_id, access_token_hash = excluded.access_token_hash,
           institution_id = excluded.institution_id, accounts_json = excluded.accounts_json,
           secret_key_id = excluded.secret_key_id, secret_iv = excluded.secret_iv, secret_tag = excluded.secret_tag,
           secret_data = excluded.secret_data, created = excluded.created`,
        [
          item.itemId,
          item.accountId,
          item.accessTokenHash,
          item.institutionId,
          JSON.stringify(item.accounts),
          secret.secret_key_id,
          secret.secret_iv,
          secret.secret_tag,
          secret.secret_data,
          item.created,
        ],
      );
    },
    async getPlaidItem(itemId: string) {
      const row = await one<PlaidItemRow>('SELECT * FROM plaid_items WHERE item_id = $1', [itemId]);
      return row ? plaidItemFromRow(row) : null;
    },
    async findPlaidItemByAccessToken(accessTokenHash: string) {
      const row = await one<PlaidItemRow>('SELECT * FROM plaid_items WHERE access_token_hash = $1', [accessTokenHash]);
      return row ? plaidItemFromRow(row) : null;
    },
    async savePlaidPublicToken(record: PlaidPublicTokenRecord) {
      await pool.query('INSERT INTO plaid_public_tokens (token_hash, item_id, expires_at) VALUES ($1, $2, $3)', [
        record.tokenHash,
        record.itemId,
        record.expiresAt,
      ]);
    },
    async takePlaidPublicToken(tokenHash: string, now: number) {
      // Deleted whether or not it has expired: an expired public token is of no further use.
      const row = await one<{ item_id: string; expires_at: string }>(
        'DELETE FROM plaid_public_tokens WHERE token_hash = $1 RETURNING item_id, expires_at',
        [tokenHash],
      );
      return row && Number(row.expires_at) > now ? row.item_id : null;
    },

    close() {
      closing ??= pool.end();
      return closing;
    },
  };
}
