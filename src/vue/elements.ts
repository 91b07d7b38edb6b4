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
import type { ChangeDetail, TokenError, TokenframeElement } from '../host/index';
import { listenToElement, type ElementEventDetail } from '../bindings/events';
import {
  applyOptions,
  type BankAccountElementOptions,
  type CardElementOptions,
  type CardNumberOptions,
  type CvcUpdateElementOptions,
  type ElementOptions,
  type PiiElementOptions,
} from '../bindings/options';
import { tokenframeKey } from './provider';

/**
 * The component for one element tag: renders the element with its key and origin as attributes, gives it the
 * options (again whenever they change) and re-emits its events. `class`, `id` and other attributes fall through to
 * the element; the component exposes the element as `element` (for `createToken(componentRef)`).
 */
function elementComponent<Tag extends keyof HTMLElementTagNameMap, O extends ElementOptions>(tag: Tag, name: string) {
  type E = HTMLElementTagNameMap[Tag] & TokenframeElement;
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

/** `<tokenframe-card>`: number, expiry, CVC and postal code in one frame (Stripe's Card Element). */
export const CardElement = elementComponent<'tokenframe-card', CardElementOptions>('tokenframe-card', 'CardElement');
/** `<tokenframe-card-number>`: the number of a card split over three elements; tokenize this one. */
export const CardNumberElement = elementComponent<'tokenframe-card-number', CardNumberOptions>(
  'tokenframe-card-number',
  'CardNumberElement',
);
/** `<tokenframe-card-expiry>`: the expiry of the split card. */
export const CardExpiryElement = elementComponent<'tokenframe-card-expiry', ElementOptions>(
  'tokenframe-card-expiry',
  'CardExpiryElement',
);
/** `<tokenframe-card-cvc>`: the CVC of the split card. */
export const CardCvcElement = elementComponent<'tokenframe-card-cvc', ElementOptions>(
  'tokenframe-card-cvc',
  'CardCvcElement',
);
/** `<tokenframe-bank-account>`: a US account or an IBAN, tokenized to `btok_…`. */
export const BankAccountElement = elementComponent<'tokenframe-bank-account', BankAccountElementOptions>(
  'tokenframe-bank-account',
  'BankAccountElement',
);
/** `<tokenframe-cvc-update>`: the CVC of a saved card, tokenized to `cvctok_…`. */
export const CvcUpdateElement = elementComponent<'tokenframe-cvc-update', CvcUpdateElementOptions>(
  'tokenframe-cvc-update',
  'CvcUpdateElement',
);
/** `<tokenframe-pii>`: an ID number (SSN, ITIN, …), tokenized to `pii_…`. */
export const PiiElement = elementComponent<'tokenframe-pii', PiiElementOptions>('tokenframe-pii', 'PiiElement');
