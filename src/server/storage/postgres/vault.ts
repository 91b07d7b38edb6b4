import type { Pool } from 'pg';
import { BatchItemError, groupCommit } from '../group-commit';
import { consumeFailure, secretToColumns, tokenFromRow, type TokenRow } from '../rows';
import type { TokenRecord, VaultStore } from '../types';
import { postgresEncryptedRows } from './encrypted-rows';
import { firstRow, rowCount } from './queries';

const insertTokens = `INSERT INTO tokens (id, account_id, livemode, type, token_json, secret_key_id, secret_iv,
                                         secret_tag, secret_data, fingerprint, used, created, expires_at)
  SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[], $4::text[], $5::text[], $6::text[], $7::text[],
                       $8::text[], $9::text[], $10::text[], $11::boolean[], $12::bigint[], $13::bigint[])`;

/** One INSERT for many tokens, one array per column: its text, and so its prepared plan, fits any batch size. */
async function insertTokenRows(pool: Pool, tokens: TokenRecord[]): Promise<void> {
  const columns: unknown[][] = Array.from({ length: 13 }, () => []);
  for (const token of tokens) {
    const secret = secretToColumns(token.secret);
    [
      token.id,
      token.accountId,
      token.livemode,
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
    ].forEach((value, index) => columns[index].push(value));
  }
  await pool.query({ name: 'tokenframe-insert-tokens', text: insertTokens, values: columns });
}

/** Token batches committing at once: a few of the pool's connections, leaving the rest to other queries. */
const batchesInFlight = 4;

export function postgresVaultStore(pool: Pool): VaultStore {
  return {
    ...postgresEncryptedRows(pool, 'tokens', 'id'),
    // Tokens arriving together share one statement, one transaction and one WAL flush; while a batch
    // waits for its flush the next ones go out on other connections, and the server flushes them together.
    insertToken: groupCommit<TokenRecord, void>(async (tokens) => {
      try {
        await insertTokenRows(pool, tokens);
        return tokens.map(() => undefined);
      } catch (error) {
        if (tokens.length === 1) throw error;
        // One bad row fails the whole statement; the other tokens must not fail with it.
        return Promise.all(
          tokens.map((token) =>
            insertTokenRows(pool, [token]).then(
              () => undefined,
              (cause: unknown) => new BatchItemError(cause),
            ),
          ),
        );
      }
    }, batchesInFlight),
    async getToken(id, { accountId, livemode }) {
      const row = await firstRow<TokenRow>(
        pool,
        'SELECT * FROM tokens WHERE id = $1 AND account_id = $2 AND livemode = $3',
        [id, accountId, livemode],
      );
      return row ? tokenFromRow(row) : null;
    },
    async consumeToken(id, { accountId, livemode }, now) {
      // Concurrent UPDATEs of one row queue on its lock, and each re-checks
      // `NOT used` against the winner's committed row: only one matches. The
      // raw values are wiped in the same UPDATE; RETURNING hands the caller
      // the row as it was locked, so it gets them once and the table keeps none.
      const row = await firstRow<TokenRow>(
        pool,
        `WITH locked AS (
           SELECT * FROM tokens
           WHERE id = $1 AND account_id = $2 AND livemode = $3 AND NOT used AND expires_at > $4
           FOR UPDATE
         )
         UPDATE tokens SET used = true, secret_key_id = NULL, secret_iv = NULL, secret_tag = NULL, secret_data = NULL
         FROM locked WHERE tokens.id = locked.id AND NOT tokens.used
         RETURNING locked.*`,
        [id, accountId, livemode, now],
      );
      if (row) return { ok: true, token: tokenFromRow({ ...row, used: true }) };
      const state = await firstRow<{ used: boolean }>(
        pool,
        'SELECT used FROM tokens WHERE id = $1 AND account_id = $2 AND livemode = $3',
        [id, accountId, livemode],
      );
      return { ok: false, reason: consumeFailure(state) };
    },
    async wipeExpiredTokens(now) {
      return rowCount(
        pool,
        `UPDATE tokens SET secret_key_id = NULL, secret_iv = NULL, secret_tag = NULL, secret_data = NULL
         WHERE (used OR expires_at < $1) AND secret_data IS NOT NULL`,
        [now],
      );
    },
  };
}
