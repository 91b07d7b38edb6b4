import type { KindDescriptor } from './kind-descriptor';

export const card = {
  tag: 'tokenframe-card',
  attributes: ['layout', 'iconStyle', 'brands', 'postalCode'],
  flags: ['hidePostalCode', 'hideIcon'],
  rows: 2,
} as const satisfies KindDescriptor;

export const bankAccount = {
  tag: 'tokenframe-bank-account',
  attributes: ['country', 'currency'],
  rows: 3,
} as const satisfies KindDescriptor;

export const cvcUpdate = {
  tag: 'tokenframe-cvc-update',
  attributes: ['brand'],
  field: 'cvc',
} as const satisfies KindDescriptor;

export const pii = {
  tag: 'tokenframe-pii',
  attributes: ['country', 'idType'],
  field: 'idNumber',
} as const satisfies KindDescriptor;

export const cardNumber = {
  tag: 'tokenframe-card-number',
  attributes: ['iconStyle', 'brands'],
  flags: ['hideIcon'],
  cardField: 'number',
} as const satisfies KindDescriptor;

export const cardExpiry = {
  tag: 'tokenframe-card-expiry',
  cardField: 'expiry',
} as const satisfies KindDescriptor;

export const cardCvc = {
  tag: 'tokenframe-card-cvc',
  cardField: 'cvc',
} as const satisfies KindDescriptor;

/**
 * Every element kind. The split card kinds (`card-number`, `card-expiry`,
 * `card-cvc`) each have their own frame and tokenize together as one card.
 */
export const elementKinds = [card, bankAccount, cvcUpdate, pii, cardNumber, cardExpiry, cardCvc] as const;

/** One of the kinds above, with its literal tag. */
export type ElementKind = (typeof elementKinds)[number];
