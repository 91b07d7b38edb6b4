import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { TokenframeElement } from '../host/index';
import { scopedCreateToken, type CreateToken, type TokenframeScope } from '../bindings/create-token';

/** The scope of the nearest `<TokenframeProvider>`, or null outside one. */
export const TokenframeContext = createContext<TokenframeScope | null>(null);

export interface TokenframeProviderProps {
  /** The publishable key (`pk_test_…`) the elements under it, and `createToken('account' | 'person')`, use. */
  publishableKey?: string;
  /** The tokenization service's origin (`https://vault.example`); needed when the elements come from a bundle. */
  origin?: string;
  children?: ReactNode;
}

/**
 * Stripe's `<Elements stripe>`: gives the elements under it their key and origin, and `useTokenframe()` its
 * `createToken()`, which tokenizes the card mounted under it when given no element.
 */
export function TokenframeProvider({ publishableKey, origin, children }: TokenframeProviderProps): ReactNode {
  const [elements] = useState(() => new Set<TokenframeElement>());
  const scope = useMemo(() => ({ publishableKey, origin, elements }), [publishableKey, origin, elements]);
  return <TokenframeContext.Provider value={scope}>{children}</TokenframeContext.Provider>;
}

/** Stripe's `useStripe()` for tokenframe: `createToken()` for the nearest provider (or none). */
export interface Tokenframe {
  createToken: CreateToken;
}

/**
 * `const { createToken } = useTokenframe()`: `createToken()` tokenizes the provider's card,
 * `createToken(element | ref, extra?)` that element, `createToken('account' | 'person', data)` the merchant's data.
 */
export function useTokenframe(): Tokenframe {
  const scope = useContext(TokenframeContext);
  return useMemo(() => ({ createToken: scopedCreateToken(scope ?? { elements: new Set() }) }), [scope]);
}
