import type { TokenError, TokenframeElement, TokenizeResult } from '../host/index';
import { loadHost } from './host';

/**
 * What a provider (React's `<TokenframeProvider>`, Vue's `provideTokenframe()`) holds for the components under
 * it: the key and origin they connect with, and the elements mounted now, so `createToken()` can find the card.
 */
export interface TokenframeScope {
  readonly publishableKey?: string;
  readonly origin?: string;
  readonly elements: Set<TokenframeElement>;
}

/**
 * An element to tokenize: the element, a React ref to it (`{current}`) or a component that exposes it
 * (`{element}`, a Vue component instance).
 */
export type ElementTarget =
  TokenframeElement | { readonly current: TokenframeElement | null } | { readonly element: TokenframeElement | null };

/** The data tokens `createToken(kind, data)` makes from what the merchant collected itself. */
export type DataTokenKind = 'account' | 'person';

/** `createToken()` of `useTokenframe()`, in React and Vue alike: Stripe's `stripe.createToken`. */
export interface CreateToken {
  /**
   * Tokenizes what the customer typed into `element` (or, without one, into the provider's one card:
   * `<CardElement>`, or the split card through `<CardNumberElement>`), with the non-sensitive `extra` fields.
   */
  (element?: ElementTarget | null, extra?: Record<string, string>): Promise<TokenizeResult>;
  /** Stripe's account and person tokens, from data the merchant collected itself (with the provider's key). */
  (kind: DataTokenKind, data: Record<string, unknown>): Promise<TokenizeResult>;
}

const misconfigured = (message: string): TokenizeResult => {
  const error: TokenError = { type: 'invalid_request_error', code: 'element_not_mounted', message };
  return { error };
};

/** The element a target names, or null while a ref or component has none yet. */
function elementOf(target: ElementTarget): TokenframeElement | null {
  if (target instanceof Element) return target;
  return 'current' in target ? target.current : target.element;
}

/** The scope's one card: a card element, or the number element of a split card. */
function cardOf(scope: TokenframeScope): TokenframeElement | TokenizeResult {
  const cards = [...scope.elements].filter((element) =>
    ['tokenframe-card', 'tokenframe-card-number'].includes(element.localName),
  );
  if (cards.length === 1) return cards[0];
  return misconfigured(
    cards.length === 0
      ? 'createToken() found no card element to tokenize: mount a <CardElement> (or pass the element).'
      : 'createToken() found several card elements: pass the one to tokenize.',
  );
}

/** `createToken` for one scope: never rejects, resolves with `{token}` or `{error}` as the elements' own does. */
export function scopedCreateToken(scope: TokenframeScope): CreateToken {
  return (async (target?: ElementTarget | DataTokenKind | null, data: Record<string, unknown> = {}) => {
    const { configure, createToken, TokenframeElement } = await loadHost();
    if (typeof target === 'string') {
      // The hidden tokens frame uses the configured key and origin: this provider's.
      configure({ publishableKey: scope.publishableKey, origin: scope.origin });
      return createToken(target, data);
    }
    const element = target ? elementOf(target) : cardOf(scope);
    if (element === null) return misconfigured('createToken() was given an element not mounted yet.');
    if (element instanceof TokenframeElement) return createToken(element, data as Record<string, string>);
    if (element instanceof Element)
      return misconfigured(`createToken() was given <${element.localName}>: pass a tokenframe element.`);
    return element;
  }) as CreateToken;
}
