/**
 * `tokenframe/react`: the elements as React components, named and shaped like @stripe/react-stripe-js
 * (`<CardElement options onChange …>`, `<TokenframeProvider>` for `<Elements>`, `useTokenframe()` for
 * `useStripe()`). In a browser, importing it loads and defines the elements, from the same module as
 * `import 'tokenframe'`; on a server (SSR) it loads none of them and the components render as plain tags.
 */
// The seven components, `CardElement` to `PiiElement` (src/bindings/components.ts lists them), and their types.
export * from './elements';
export { TokenframeProvider, useTokenframe, type Tokenframe, type TokenframeProviderProps } from './provider';
export type * from '../bindings/public-types';
