import { newId } from '../ids';
import { personShape } from './legal-entity';
import { readShape } from './params';
import type { TokenBuilder } from './types';

export type PersonToken = {
  id: string;
  object: 'token';
  client_ip: string | null;
  created: number;
  livemode: false;
  redaction: null;
  type: 'person';
  used: boolean;
};

/** `person[...]` → a `cpt_…` token; like an account token, every submitted detail is secret. */
export const tokenizePerson: TokenBuilder = (value, context) => {
  const person = readShape(value, 'person', personShape);
  const token: PersonToken = {
    id: newId('cpt'),
    object: 'token',
    client_ip: context.clientIp,
    created: context.created,
    livemode: false,
    redaction: null,
    type: 'person',
    used: false,
  };
  return { token, secret: person, fingerprint: null };
};
