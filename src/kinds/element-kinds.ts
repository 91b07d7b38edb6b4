import type { KindDescriptor } from './kind-descriptor';

export const card = {
  page: 'card',
  tag: 'tokenframe-card',
  flags: { 'hide-postal-code': 'hidePostalCode' },
  rows: 2,
  incomplete: 'card',
} as const satisfies KindDescriptor;

export const bankAccount = {
  page: 'bank-account',
  tag: 'tokenframe-bank-account',
  attributes: { country: 'country', currency: 'currency' },
  rows: 3,
  incomplete: 'bankAccount',
} as const satisfies KindDescriptor;

export const cvcUpdate = {
  page: 'cvc-update',
  tag: 'tokenframe-cvc-update',
  attributes: { brand: 'brand' },
  rows: 1,
  incomplete: 'cvc',
} as const satisfies KindDescriptor;

export const pii = {
  page: 'pii',
  tag: 'tokenframe-pii',
  attributes: { country: 'country', 'id-type': 'idType' },
  rows: 1,
  incomplete: 'id',
} as const satisfies KindDescriptor;

export const cardNumber = {
  page: 'card-number',
  tag: 'tokenframe-card-number',
  rows: 1,
  incomplete: 'number',
  cardField: 'number',
} as const satisfies KindDescriptor;

export const cardExpiry = {
  page: 'card-expiry',
  tag: 'tokenframe-card-expiry',
  rows: 1,
  incomplete: 'expiry',
  cardField: 'expiry',
} as const satisfies KindDescriptor;

export const cardCvc = {
  page: 'card-cvc',
  tag: 'tokenframe-card-cvc',
  rows: 1,
  incomplete: 'cvc',
  cardField: 'cvc',
} as const satisfies KindDescriptor;

/**
 * Every element kind. The split card kinds (`card-number`, `card-expiry`,
 * `card-cvc`) each have their own frame and tokenize together as one card.
 */
export const elementKinds = [card, bankAccount, cvcUpdate, pii, cardNumber, cardExpiry, cardCvc] as const;
