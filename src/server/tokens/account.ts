import { newId } from '../ids';
import { accountShape } from './legal-entity';
import { readShape } from './params';
import type { TokenBuilder } from './types';

export type AccountToken = {
  id: string;
  object: 'token';
  client_ip: string | null;
  created: number;
  livemode: false;
  redaction: null;
  type: 'account';
  used: boolean;
};

/**
 * `account[...]` → a `ct_…` token. The legal entity details (ID numbers
 * among them) are all secret: the token shows none of them, and the whole
 * validated object is what gets encrypted.
 */
export const tokenizeAccount: TokenBuilder = (value, context) => {
  const account = readShape(value, 'account', accountShape);
  const token: AccountToken = {
    id: newId('ct'),
    object: 'token',
    client_ip: context.clientIp,
    created: context.created,
    livemode: false,
    redaction: null,
    type: 'account',
    used: false,
  };
  return { token, secret: account, fingerprint: null };
};
