/**
 * `tokenframe/vue`: the elements as Vue 3 components (`<CardElement :options @change …>`), a provider
 * (`provideTokenframe()` or `<TokenframeProvider>`, Stripe's `<Elements>`) and `useTokenframe()` with
 * `createToken`. Written as render functions, so no template compiler is needed. In a browser, importing it
 * loads and defines the elements, from the same module as `import 'tokenframe'` (on a server, for SSR, it loads
 * none of them), and types them for templates that use them directly.
 */
// The seven components, `CardElement` to `PiiElement` (src/bindings/components.ts lists them).
export * from './elements';
export {
  provideTokenframe,
  TokenframeProvider,
  tokenframeKey,
  useTokenframe,
  type Tokenframe,
  type TokenframeConfig,
} from './provider';
export type { TokenframeElementAttributes } from './custom-elements';
export type * from '../bindings/public-types';
