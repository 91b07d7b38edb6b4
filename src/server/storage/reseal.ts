import { decrypt, encrypt, SealedValueError, type EncryptedValue, type SealedAt } from '../crypto';
import type { EncryptedRows } from './types';

/** What a pass over one store did. */
export interface ResealResult {
  resealed: number;
  /** Rows (`table id`) whose value would not open: altered, copied from another row, or under a missing key. */
  unreadable: string[];
}

const pageSize = 200;

function openOrNull(secret: EncryptedValue, key: Buffer, at: SealedAt): string | null {
  try {
    return decrypt(secret, key, at);
  } catch (error) {
    if (error instanceof SealedValueError) return null;
    throw error;
  }
}

/**
 * Re-encrypts, a page at a time, the values of one store that are not under
 * `target`'s key or not bound to their row; with `target` null, only the
 * unbound ones, each under the key it is already under (so processes with an
 * older keyring still read them). A value that does not open is left as it is
 * and named. It replaces only values unchanged since it read them, so it is
 * safe beside a running service (a token wiped meanwhile stays wiped) and
 * beside the same pass in another process.
 */
export async function resealValues(
  rows: EncryptedRows,
  keys: ReadonlyMap<string, Buffer>,
  target: { id: string; key: Buffer } | null,
): Promise<ResealResult> {
  const result: ResealResult = { resealed: 0, unreadable: [] };
  let after = '';
  for (;;) {
    const page = await rows.listSecretsToReseal(target?.id ?? null, after, pageSize);
    if (page.length === 0) return result;
    for (const { sealedAt, secret } of page) {
      after = sealedAt.id;
      const oldKey = keys.get(secret.keyId);
      const plaintext = oldKey ? openOrNull(secret, oldKey, sealedAt) : null;
      if (!oldKey || plaintext === null) {
        result.unreadable.push(`${sealedAt.table} ${sealedAt.id}`);
        continue;
      }
      const { id, key } = target ?? { id: secret.keyId, key: oldKey };
      if (await rows.replaceSecret(sealedAt.id, secret, encrypt(plaintext, key, id, sealedAt))) result.resealed++;
    }
  }
}
