/**
 * `tokenframe/react`: the elements as React components, named and shaped like @stripe/react-stripe-js
 * (`<CardElement options onChange …>`, `<TokenframeProvider>` for `<Elements>`, `useTokenframe()` for
 * `useStripe()`). In a browser, importing it loads and defines the elements, from the same module as
 * `import 'tokenframe'`; on a server (SSR) it loads none of them and the components render as plain tags.
 */
export {
  BankAccountElement,
  CardCvcElement,
  CardElement,
  CardExpiryElement,
  CardNumberElement,
  CvcUpdateElement,
  PiiElement,
  type ElementComponent,
  type ElementProps,
} from './elements';
export { TokenframeProvider, useTokenframe, type Tokenframe, type TokenframeProviderProps } from './provider';
export type * from '../bindings/public-types';
