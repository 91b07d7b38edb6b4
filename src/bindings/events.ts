import type { ChangeDetail, TokenError, TokenframeElement } from '../host/index';

/** What `focus`, `blur` and `escape` carry (Stripe's `{elementType}`, once the element reports it). */
export type ElementEventDetail = { elementType?: string };

/**
 * The element's events and what a component's handler for each receives, as in Stripe's components:
 * `ready` the element itself, the others the event's `detail`.
 */
export interface ElementEventArguments<E extends TokenframeElement> {
  change: ChangeDetail;
  ready: E;
  focus: ElementEventDetail;
  blur: ElementEventDetail;
  escape: ElementEventDetail;
  loaderror: ElementEventDetail & { error: TokenError };
}

export type ElementEventType = keyof ElementEventArguments<TokenframeElement>;

/** Every event an element emits, in the order the React and Vue components declare their handlers. */
export const elementEventTypes: readonly ElementEventType[] = [
  'change',
  'ready',
  'focus',
  'blur',
  'escape',
  'loaderror',
];

/**
 * Calls `handle` with each of the element's events and its handler's argument; returns what stops listening.
 * Only the element's own events count: focus entering its frame also fires the platform's `focus` and `blur`
 * (FocusEvent) on the element, which would call a handler twice.
 */
export function listenToElement<E extends TokenframeElement>(
  element: E,
  handle: <T extends ElementEventType>(type: T, argument: ElementEventArguments<E>[T]) => void,
): () => void {
  const listener = (event: Event) => {
    if (!(event instanceof CustomEvent)) return;
    const type = event.type as ElementEventType;
    handle(type, type === 'ready' ? element : event.detail);
  };
  for (const type of elementEventTypes) element.addEventListener(type, listener);
  return () => {
    for (const type of elementEventTypes) element.removeEventListener(type, listener);
  };
}
