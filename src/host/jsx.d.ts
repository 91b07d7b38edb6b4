/**
 * JSX types for the tokenframe elements in React 19 (TSX). Reference this file
 * once, e.g. `/// <reference path="…/tokenframe/src/host/jsx.d.ts" />`, after
 * `import 'tokenframe'` has defined the elements:
 *
 * ```tsx
 * const card = useRef<TokenframeCard>(null);
 * <tokenframe-card ref={card} publishable-key="pk_test_…" origin="https://vault.example" />;
 * ```
 *
 * React 19 sets a prop as a property when the element has one of that name and
 * as an attribute otherwise; `true` sets an empty attribute, `false` removes it.
 * Listen to the elements' events (`ready`, `change`, `focus`, `blur`, `escape`,
 * `loaderror`) with `addEventListener` on the ref; Stripe's options that have no
 * attribute (`style`, `classes`, `fonts`) go through `ref.current.update({…})`.
 * The components of `tokenframe/react` do both.
 */
import type { ClassAttributes, HTMLAttributes } from 'react';
import type { ElementAttributes } from './element-attributes';

/** An element's props in TSX: React's own for any element (`ref`, `className`, …) and its attributes. */
type ElementProps<Tag extends keyof ElementAttributes> = ClassAttributes<HTMLElementTagNameMap[Tag]> &
  HTMLAttributes<HTMLElementTagNameMap[Tag]> &
  ElementAttributes[Tag];

declare module 'react' {
  // React 19 reads intrinsic elements from the `JSX` namespace of the 'react' module.
  namespace JSX {
    interface IntrinsicElements {
      'tokenframe-card': ElementProps<'tokenframe-card'>;
      'tokenframe-bank-account': ElementProps<'tokenframe-bank-account'>;
      'tokenframe-cvc-update': ElementProps<'tokenframe-cvc-update'>;
      'tokenframe-pii': ElementProps<'tokenframe-pii'>;
      'tokenframe-card-number': ElementProps<'tokenframe-card-number'>;
      'tokenframe-card-expiry': ElementProps<'tokenframe-card-expiry'>;
      'tokenframe-card-cvc': ElementProps<'tokenframe-card-cvc'>;
    }
  }
}
