import { accountShape } from './legal-entity';
import { readShape } from './params';
import { opaqueToken, type OpaqueToken } from './opaque-token';
import type { TokenBuilder } from './types';

export type AccountToken = OpaqueToken<'account'>;

/**
 * `account[...]` → a `ct_…` token. The legal entity details (ID numbers
 * among them) are all secret: the token shows none of them, and the whole
 * validated object is what gets encrypted.
 */
export const tokenizeAccount: TokenBuilder = (value, context) => {
  const account = readShape(value, 'account', accountShape);
  const token: AccountToken = opaqueToken('account', context);
  return { token, secret: account, fingerprint: null };
};
