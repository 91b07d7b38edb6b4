import { defineComponent, inject, provide, unref, type InjectionKey, type MaybeRef, type PropType } from 'vue';
import type { TokenframeElement } from '../host/index';
import {
  scopedCreateToken,
  type CreateToken,
  type DataTokenKind,
  type ElementTarget,
  type TokenframeScope,
} from '../bindings/create-token';

/** Where components find the nearest provider's scope. */
export const tokenframeKey: InjectionKey<TokenframeScope> = Symbol('tokenframe');

export interface TokenframeConfig {
  /** The publishable key (`pk_test_…`) the elements below, and `createToken('account' | 'person')`, use. */
  publishableKey?: string;
  /** The tokenization service's origin (`https://vault.example`); needed when the elements come from a bundle. */
  origin?: string;
}

/** What `useTokenframe()` and `provideTokenframe()` return: Stripe's `stripe.createToken`. */
export interface Tokenframe {
  /** As React's: also takes a Vue ref to an element or to an element component. */
  createToken: CreateToken &
    ((element: MaybeRef<ElementTarget | null | undefined>, extra?: Record<string, string>) => ReturnType<CreateToken>);
}

function tokenframeOf(scope: TokenframeScope): Tokenframe {
  const createToken = scopedCreateToken(scope);
  return {
    createToken: ((target?: MaybeRef<ElementTarget | null | undefined> | DataTokenKind, data?: object) =>
      createToken(unref(target) as ElementTarget, data as Record<string, string>)) as Tokenframe['createToken'],
  };
}

/**
 * Stripe's `<Elements stripe>` for a component's setup: the element components below it connect with this key
 * and origin. Returns `createToken` for them, since a component cannot inject what it provides itself.
 */
export function provideTokenframe(config: TokenframeConfig): Tokenframe {
  const scope: TokenframeScope = { ...config, elements: new Set<TokenframeElement>() };
  provide(tokenframeKey, scope);
  return tokenframeOf(scope);
}

/** `provideTokenframe()` as a component: `<TokenframeProvider publishable-key="pk_…" origin="…">`. */
export const TokenframeProvider = defineComponent({
  name: 'TokenframeProvider',
  props: {
    publishableKey: { type: String as PropType<string>, required: false },
    origin: { type: String as PropType<string>, required: false },
  },
  setup(props, { slots }) {
    // Getters, so elements below follow a key or origin that changes.
    provide(tokenframeKey, {
      get publishableKey() {
        return props.publishableKey;
      },
      get origin() {
        return props.origin;
      },
      elements: new Set<TokenframeElement>(),
    });
    return () => slots.default?.();
  },
});

/**
 * `const { createToken } = useTokenframe()` (Stripe's `useStripe()`): `createToken()` tokenizes the provider's
 * card, `createToken(elementRef, extra?)` that element, `createToken('account' | 'person', data)` the merchant's data.
 */
export function useTokenframe(): Tokenframe {
  return tokenframeOf(inject(tokenframeKey, null) ?? { elements: new Set() });
}
