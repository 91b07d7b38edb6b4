import { newId } from '../ids';
import type { TokenContext } from './types';

/** The token kinds whose object shows nothing of what they hold. */
export type OpaqueTokenType = 'cvc_update' | 'pii' | 'account' | 'person';

export type OpaqueToken<T extends OpaqueTokenType> = {
  id: string;
  object: 'token';
  client_ip: string | null;
  created: number;
  livemode: boolean;
  redaction: null;
  type: T;
  used: boolean;
};

const prefixes: Record<OpaqueTokenType, string> = { cvc_update: 'cvctok', pii: 'pii', account: 'ct', person: 'cpt' };

/** A `cvctok_` / `pii_` / `ct_` / `cpt_` token object as the seeds show it: ids and dates only. */
export function opaqueToken<T extends OpaqueTokenType>(type: T, context: TokenContext): OpaqueToken<T> {
  return {
    id: newId(prefixes[type]),
    object: 'token',
    client_ip: context.clientIp,
    created: context.created,
    livemode: context.livemode,
    redaction: null,
    type,
    used: false,
  };
}
