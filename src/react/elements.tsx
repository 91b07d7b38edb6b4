import {
  createElement,
  forwardRef,
  useContext,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  type ForwardRefExoticComponent,
  type RefAttributes,
} from 'react';
import type { TokenframeElement } from '../host/index';
import { listenToElement, type ElementEventArguments } from '../bindings/events';
import {
  makeComponents,
  type ComponentName,
  type ComponentOptions,
  type ComponentTag,
  type ElementOfTag,
  type TagOf,
} from '../bindings/components';
import { applyOptions, type ElementOptions } from '../bindings/options';
import { TokenframeContext } from './provider';

/** The props every element component takes, named as @stripe/react-stripe-js names them. */
export interface ElementProps<E extends TokenframeElement, O extends ElementOptions> {
  /** Stripe-shaped options; changing them updates the element in place. */
  options?: O;
  /** The publishable key, when not the provider's. */
  publishableKey?: string;
  /** The tokenization service's origin, when not the provider's. */
  origin?: string;
  id?: string;
  className?: string;
  onChange?: (event: ElementEventArguments<E>['change']) => void;
  /** Called with the element once its frame has loaded. */
  onReady?: (element: E) => void;
  onFocus?: (event: ElementEventArguments<E>['focus']) => void;
  onBlur?: (event: ElementEventArguments<E>['blur']) => void;
  /** Escape was pressed in a field. */
  onEscape?: (event: ElementEventArguments<E>['escape']) => void;
  /** The frame could not load (service down, key wrong, origin not allowed): `{error}`. */
  onLoadError?: (event: ElementEventArguments<E>['loaderror']) => void;
}

/** A component for one element; its ref is the element (for `createToken(ref)`, `focus()`, `clear()`, …). */
export type ElementComponent<E extends TokenframeElement, O extends ElementOptions> = ForwardRefExoticComponent<
  ElementProps<E, O> & RefAttributes<E>
>;

const handlerNames = {
  change: 'onChange',
  ready: 'onReady',
  focus: 'onFocus',
  blur: 'onBlur',
  escape: 'onEscape',
  loaderror: 'onLoadError',
} as const;

/**
 * The component for one element tag: renders the element with its key and origin as attributes, gives it the
 * options (again whenever they change) and calls the handlers of the latest render.
 */
function elementComponent<Tag extends ComponentTag>(
  tag: Tag,
  displayName: string,
): ElementComponent<ElementOfTag<Tag>, ComponentOptions[Tag]> {
  type E = ElementOfTag<Tag>;
  type O = ComponentOptions[Tag];
  const component = forwardRef<E, ElementProps<E, O>>((props, ref) => {
    const scope = useContext(TokenframeContext);
    const element = useRef<E>(null);
    const latest = useRef(props);
    useLayoutEffect(() => {
      latest.current = props;
    });
    useImperativeHandle(ref, () => element.current!, []);

    useLayoutEffect(() => {
      const mounted = element.current!;
      scope?.elements.add(mounted);
      const stop = listenToElement(mounted, (type, argument) => {
        const handler = latest.current[handlerNames[type]] as ((argument: unknown) => void) | undefined;
        handler?.(argument);
      });
      return () => {
        stop();
        scope?.elements.delete(mounted);
      };
    }, [scope]);

    // Compared as JSON, so options written inline (a new object each render) update the element only when they change.
    const options = JSON.stringify(props.options ?? {});
    const applied = useRef({});
    useLayoutEffect(() => {
      const next = JSON.parse(options) as Record<string, unknown>;
      applyOptions(element.current!, next, applied.current);
      applied.current = next;
    }, [options]);

    return createElement(tag, {
      ref: element,
      id: props.id,
      className: props.className,
      'publishable-key': props.publishableKey ?? scope?.publishableKey,
      origin: props.origin ?? scope?.origin,
    });
  });
  component.displayName = displayName;
  return component;
}

/** Each component's type: the element its ref gives and the options it takes. */
type Components = { [Name in ComponentName]: ReturnType<typeof elementComponent<TagOf<Name>>> };

/**
 * The element components, named as Stripe's: `CardElement` renders `<tokenframe-card>`, `CardNumberElement`
 * `<tokenframe-card-number>`, …, each with its element's options. The same table (src/bindings/components.ts)
 * makes tokenframe/vue's.
 */
export const {
  CardElement,
  CardNumberElement,
  CardExpiryElement,
  CardCvcElement,
  BankAccountElement,
  CvcUpdateElement,
  PiiElement,
} = makeComponents<Components>(elementComponent);
