// The types tokenframe/react and tokenframe/vue both export (`export type * from '../bindings/public-types'`),
// so the two packages name the same options, events and createToken types from one list.
export type { CreateToken, DataTokenKind, ElementTarget } from './create-token';
export type { ElementEventArguments, ElementEventDetail } from './events';
export type {
  BankAccountElementOptions,
  CardElementOptions,
  CardNumberOptions,
  CvcUpdateElementOptions,
  ElementOptions,
  PiiElementOptions,
} from './options';
