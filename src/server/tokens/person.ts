import { personShape } from './legal-entity';
import { readShape } from './params';
import { opaqueToken, type OpaqueToken } from './opaque-token';
import type { TokenBuilder } from './types';

export type PersonToken = OpaqueToken<'person'>;

/** `person[...]` → a `cpt_…` token; like an account token, every submitted detail is secret. */
export const tokenizePerson: TokenBuilder = (value, context) => {
  const person = readShape(value, 'person', personShape);
  const token: PersonToken = opaqueToken('person', context);
  return { token, secret: person, fingerprint: null };
};
