import { checkIdNumber } from '../../validation/pii';
import { messages } from '../../validation/errors';
import { StripeError } from '../errors';
import { checkKnownParams, readDictionary, readRequiredString } from './params';
import { opaqueToken, type OpaqueToken } from './opaque-token';
import type { TokenBuilder } from './types';

export type PiiToken = OpaqueToken<'pii'>;

/**
 * Checks an ID number wherever one is accepted (`pii[id_number]`,
 * `account[individual][id_number]`, …). Without a country the service can
 * only apply the generic rule (4–20 letters or digits); the frame knows the
 * country and checks SSNs and ITINs exactly.
 */
export function checkIdNumberParam(value: string, param: string): void {
  if (checkIdNumber(value, 'id').state !== 'complete') {
    throw new StripeError(400, 'invalid_request_error', messages.id_number_invalid, 'id_number_invalid', param);
  }
}

/** `pii[id_number]` → a `pii_…` token; the ID number is the secret. */
export const tokenizePii: TokenBuilder = (value, context) => {
  const params = readDictionary(value, 'pii');
  checkKnownParams(params, ['id_number'], 'pii');
  const idNumber = readRequiredString(params.id_number, 'pii[id_number]');
  checkIdNumberParam(idNumber, 'pii[id_number]');
  const token: PiiToken = opaqueToken('pii', context);
  return { token, secret: { id_number: idNumber }, fingerprint: null };
};
