import { tokenizeAccount } from './account';
import { tokenizeBankAccount } from './bank-account';
import { tokenizeCard } from './card';
import { tokenizeCvcUpdate } from './cvc-update';
import { tokenizePerson } from './person';
import { tokenizePii } from './pii';
import type { TokenBuilder } from './types';

export type { BuiltToken, TokenBuilder, TokenContext } from './types';

/** The kinds `POST /v1/tokens` creates, by parameter name; a request names exactly one. */
export const tokenBuilders = {
  card: tokenizeCard,
  bank_account: tokenizeBankAccount,
  cvc_update: tokenizeCvcUpdate,
  pii: tokenizePii,
  account: tokenizeAccount,
  person: tokenizePerson,
} satisfies Record<string, TokenBuilder>;

export type TokenKind = keyof typeof tokenBuilders;

export const tokenKinds = Object.keys(tokenBuilders) as TokenKind[];

export function isTokenKind(name: string): name is TokenKind {
  return Object.hasOwn(tokenBuilders, name);
}
