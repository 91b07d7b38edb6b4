import {
  computed,
  defineComponent,
  h,
  inject,
  onBeforeUnmount,
  onMounted,
  shallowRef,
  watch,
  type PropType,
} from 'vue';
import type { ChangeDetail, TokenError } from '../host/index';
import { listenToElement, type ElementEventDetail } from '../bindings/events';
import {
  makeComponents,
  type ComponentName,
  type ComponentOptions,
  type ComponentTag,
  type ElementOfTag,
  type TagOf,
} from '../bindings/components';
import { applyOptions } from '../bindings/options';
import { tokenframeKey } from './provider';

/**
 * The component for one element tag: renders the element with its key and origin as attributes, gives it the
 * options (again whenever they change) and re-emits its events. `class`, `id` and other attributes fall through to
 * the element; the component exposes the element as `element` (for `createToken(componentRef)`).
 */
function elementComponent<Tag extends ComponentTag>(tag: Tag, name: string) {
  type E = ElementOfTag<Tag>;
  type O = ComponentOptions[Tag];
  return defineComponent({
    name,
    props: {
      /** Stripe-shaped options; changing them updates the element in place. */
      options: { type: Object as PropType<O>, required: false },
      /** The publishable key, when not the provider's. */
      publishableKey: { type: String as PropType<string>, required: false },
      /** The tokenization service's origin, when not the provider's. */
      origin: { type: String as PropType<string>, required: false },
    },
    // What each handler receives: `@ready` the element, the others the event's detail.
    emits: {
      change: (_: ChangeDetail) => true,
      ready: (_: E) => true,
      focus: (_: ElementEventDetail) => true,
      blur: (_: ElementEventDetail) => true,
      escape: (_: ElementEventDetail) => true,
      loaderror: (_: ElementEventDetail & { error: TokenError }) => true,
    },
    // A ref to the component gives the element (`cardRef.value.element`), and nothing else.
    expose: ['element'],
    setup(props, { emit }) {
      const scope = inject(tokenframeKey, null);
      const element = shallowRef<E | null>(null);

      let applied: Record<string, unknown> = {};
      // Compared as JSON, so a new but equal options object does not update the element.
      const options = () => JSON.stringify(props.options ?? {});
      const apply = (json: string) => {
        if (!element.value) return;
        const next = JSON.parse(json) as Record<string, unknown>;
        applyOptions(element.value, next, applied);
        applied = next;
      };
      watch(options, apply);

      let stop: (() => void) | undefined;
      onMounted(() => {
        const mounted = element.value!;
        scope?.elements.add(mounted);
        stop = listenToElement(mounted, (type, argument) =>
          (emit as (type: string, argument: unknown) => void)(type, argument),
        );
        apply(options());
      });
      onBeforeUnmount(() => {
        stop?.();
        if (element.value) scope?.elements.delete(element.value);
      });

      const attributes = computed(() => ({
        'publishable-key': props.publishableKey ?? scope?.publishableKey,
        origin: props.origin ?? scope?.origin,
      }));
      return { element, attributes };
    },
    render() {
      // `ref: 'element'` fills the `element` setup returns.
      return h(tag, { ref: 'element', ...this.attributes });
    },
  });
}

/** Each component's type: its props (the options it takes) and the element it exposes and emits. */
type Components = { [Name in ComponentName]: ReturnType<typeof elementComponent<TagOf<Name>>> };

/**
 * The element components, named as Stripe's: `CardElement` renders `<tokenframe-card>`, `CardNumberElement`
 * `<tokenframe-card-number>`, …, each with its element's options. The same table (src/bindings/components.ts)
 * makes tokenframe/react's.
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
