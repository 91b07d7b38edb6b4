import { checkCvc } from '../../validation/card';
import { messages } from '../../validation/errors';
import { StripeError } from '../errors';
import { checkKnownParams, readDictionary, readRequiredString } from './params';
import { opaqueToken, type OpaqueToken } from './opaque-token';
import type { TokenBuilder } from './types';

export type CvcUpdateToken = OpaqueToken<'cvc_update'>;

/**
 * `cvc_update[cvc]` → a `cvctok_…` token. There is no card to take a brand
 * from, so 3 or 4 digits are accepted; the card the CVC is later used with
 * decides. A bad CVC is a 402 `card_error`, like a card's.
 */
export const tokenizeCvcUpdate: TokenBuilder = (value, context) => {
  const params = readDictionary(value, 'cvc_update');
  checkKnownParams(params, ['cvc'], 'cvc_update');
  const cvc = readRequiredString(params.cvc, 'cvc_update[cvc]');
  if (checkCvc(cvc, null).state !== 'complete') {
    throw new StripeError(402, 'card_error', messages.invalid_cvc, 'invalid_cvc', 'cvc_update[cvc]');
  }
  const token: CvcUpdateToken = opaqueToken('cvc_update', context);
  return { token, secret: { cvc }, fingerprint: null };
};
