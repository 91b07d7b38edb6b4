// Encrypted values are bound to their row: a ciphertext copied to another
// row or account by a direct database write does not open there. Real
// encryption over each engine's stores, and the pass that binds values
// stored before (format 1) to their rows.
import assert from 'node:assert/strict';
import { createCipheriv, randomBytes } from 'node:crypto';
import { beforeEach, describe, it } from 'node:test';
import { isBound, openSecret, sealSecret, type EncryptedValue } from '../../src/server/crypto';
import type { Database } from '../../src/server/storage/index';
import { resealValues } from '../../src/server/storage/reseal';
import { sourceSealedAt, tokenSealedAt } from '../../src/server/storage/sealed-at';
import type { Stores } from '../../src/server/storage/types';
import { type OpenStores, useStores } from './harness';
import { customerRecord, now, sourceRecord, testA, testB, tokenRecord } from './records';

const keyId = 'key_sealing';
const key = randomBytes(32);
const keys = new Map([[keyId, key]]);
const secrets = { currentEncryptionKey: () => ({ id: keyId, key }) };
const visa = { number: '4242424242424242', exp_month: '12', exp_year: '2040', cvc: '123' };
const mastercard = { number: '5555555555554444', exp_month: '11', exp_year: '2041', cvc: '456' };

/** Swaps two rows' encrypted values, as someone with write access to the database could. */
async function swapSecrets(database: Database, table: string, a: string, b: string): Promise<void> {
  const columns = 'secret_key_id, secret_iv, secret_tag, secret_data';
  const read = `SELECT ${columns} FROM ${table} WHERE id = $1`;
  const write = `UPDATE ${table} SET (${columns}) = ($1, $2, $3, $4) WHERE id = $5`;
  const run = async (sql: string, values: unknown[]): Promise<Record<string, unknown>[]> => {
    if (database.engine === 'postgres') return (await database.pool.query(sql, values)).rows;
    const statement = database.connection.prepare(sql.replace(/\$\d/g, '?'));
    if (statement.reader) return statement.all(...values) as Record<string, unknown>[];
    statement.run(...values);
    return [];
  };
  const [[rowA], [rowB]] = [await run(read, [a]), await run(read, [b])];
  await run(write, [...Object.values(rowB), a]);
  await run(write, [...Object.values(rowA), b]);
}

/** A value as releases before binding sealed it (format 1): only the key id is associated data. */
function formatOneValue(document: unknown): EncryptedValue {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(keyId, 'utf8'));
  const data = Buffer.concat([cipher.update(JSON.stringify(document), 'utf8'), cipher.final()]);
  return {
    keyId,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

export function describeSealingContract(name: string, open: OpenStores): void {
  describe(`${name}: encrypted values bound to their rows`, () => {
    const opened = useStores(open);
    let stores: Stores & { database: Database };
    beforeEach(() => {
      stores = opened();
    });

    const sealedToken = (scope = testA, raw: unknown = visa) => {
      const token = tokenRecord({ accountId: scope.accountId, livemode: scope.livemode });
      return { ...token, secret: sealSecret(raw, secrets, tokenSealedAt(token)) };
    };

    it('a token value swapped with another account’s fails to open, naming the row and nothing of the value', async () => {
      const [ours, theirs] = [sealedToken(testA, visa), sealedToken(testB, mastercard)];
      for (const token of [ours, theirs]) await stores.vault.insertToken(token);
      await swapSecrets(stores.database, 'tokens', ours.id, theirs.id);

      for (const [token, scope] of [
        [ours, testA],
        [theirs, testB],
      ] as const) {
        const read = await stores.vault.getToken(token.id, scope);
        assert.ok(read?.secret);
        assert.throws(
          () => openSecret(read.secret!, keys, tokenSealedAt(read)),
          (error: Error) =>
            error.name === 'SealedValueError' &&
            error.message.includes(`tokens ${token.id} cannot be opened`) &&
            !/4242|4444|2040|2041/.test(error.message),
        );
      }
    });

    it('a source value swapped with another source’s fails to open; unswapped, each opens to its own', async () => {
      const customer = customerRecord();
      await stores.customers.saveCustomer(customer);
      const sealedSource = (raw: unknown) => {
        const source = sourceRecord(customer.id);
        return { ...source, secret: sealSecret(raw, secrets, sourceSealedAt(source)) };
      };
      const [first, second] = [sealedSource(visa), sealedSource(mastercard)];
      for (const source of [first, second]) await stores.customers.insertSource(source);
      const entries = await stores.customers.listSecretsToReseal('key_other', '', 10);
      for (const { sealedAt, secret } of entries) {
        assert.equal(
          openSecret(secret, keys, sealedAt).number,
          sealedAt.id === first.id ? visa.number : mastercard.number,
        );
      }

      await swapSecrets(stores.database, 'sources', first.id, second.id);
      const swapped = await stores.customers.listSecretsToReseal('key_other', '', 10);
      assert.equal(swapped.length, 2);
      for (const { sealedAt, secret } of swapped) {
        assert.throws(() => openSecret(secret, keys, sealedAt), /cannot be opened: it was altered or copied/);
      }
    });

    it('binds values stored before binding to their rows on the pass, under the key they were under', async () => {
      const legacy = tokenRecord({ secret: formatOneValue(visa) });
      const current = sealedToken();
      for (const token of [legacy, current]) await stores.vault.insertToken(token);
      assert.equal(openSecret(legacy.secret!, keys, tokenSealedAt(legacy)).number, visa.number, 'format 1 still opens');

      assert.deepEqual(await resealValues(stores.vault, keys, null), { resealed: 1, unreadable: [] });
      const bound = await stores.vault.getToken(legacy.id, testA);
      assert.ok(bound?.secret && isBound(bound.secret));
      assert.equal(bound.secret.keyId, keyId);
      assert.equal(openSecret(bound.secret, keys, tokenSealedAt(bound)).number, visa.number);
      assert.deepEqual((await stores.vault.getToken(current.id, testA))?.secret, current.secret, 'left as it was');
      assert.deepEqual(await resealValues(stores.vault, keys, null), { resealed: 0, unreadable: [] });
    });

    it('leaves a value that does not open as it is, names it, and goes on with the rest', async () => {
      const [first, second, third] = [sealedToken(), sealedToken(), tokenRecord({ secret: formatOneValue(visa) })];
      for (const token of [first, second, third]) await stores.vault.insertToken(token);
      await swapSecrets(stores.database, 'tokens', first.id, second.id);
      const newKey = { id: 'key_next', key: randomBytes(32) };
      const result = await resealValues(stores.vault, new Map([...keys, [newKey.id, newKey.key]]), newKey);
      assert.equal(result.resealed, 1);
      assert.deepEqual(result.unreadable.sort(), [`tokens ${first.id}`, `tokens ${second.id}`].sort());
      assert.equal((await stores.vault.getToken(third.id, testA))?.secret?.keyId, newKey.id);
      assert.equal((await stores.vault.getToken(first.id, testA))?.secret?.keyId, keyId);
    });

    it('does not put back a value that was wiped after it was read', async () => {
      const token = tokenRecord({ secret: formatOneValue(visa), expiresAt: now + 1 });
      await stores.vault.insertToken(token);
      const [entry] = await stores.vault.listSecretsToReseal(null, '', 10);
      assert.equal(await stores.vault.wipeExpiredTokens(now + 2), 1);
      assert.equal(await stores.vault.replaceSecret(entry.sealedAt.id, entry.secret, sealedToken().secret), false);
      assert.equal((await stores.vault.getToken(token.id, testA))?.secret, null);
    });
  });
}
