import type { SealedAt } from '../crypto';
import type { PlaidItemRecord, SourceRecord, TokenRecord } from './types';

// Where each kind of record keeps its encrypted value: what the value is bound to.

export function tokenSealedAt({ id, accountId, livemode }: Pick<TokenRecord, 'id' | 'accountId' | 'livemode'>) {
  return { table: 'tokens', id, accountId, livemode } satisfies SealedAt;
}

export function sourceSealedAt({ id, accountId, livemode }: Pick<SourceRecord, 'id' | 'accountId' | 'livemode'>) {
  return { table: 'sources', id, accountId, livemode } satisfies SealedAt;
}

/** The Plaid sandbox has test data only. */
export function plaidItemSealedAt({ itemId, accountId }: Pick<PlaidItemRecord, 'itemId' | 'accountId'>) {
  return { table: 'plaid_items', id: itemId, accountId, livemode: false } satisfies SealedAt;
}
