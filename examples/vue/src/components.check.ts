// Type tests for tokenframe/vue, checked by `tsc -p examples` (test/e2e/examples.spec.ts); never bundled.
import { defineComponent, h, ref, type GlobalComponents } from 'vue';
import { CardElement, PiiElement, provideTokenframe, useTokenframe } from 'tokenframe/vue';

export const Accepted = defineComponent({
  setup() {
    provideTokenframe({ publishableKey: 'pk_test_1', origin: 'https://vault.example' });
    const card = ref<InstanceType<typeof CardElement> | null>(null);
    const { createToken } = useTokenframe();
    const pay = async () => {
      const fromProvider = await createToken();
      const fromRef = await createToken(card, { name: 'Jenny Rosen' });
      const account = await createToken('account', { business_type: 'individual' });
      card.value?.element?.focus();
      return [fromProvider.token?.id, fromRef.error?.message, account.token?.id];
    };
    return () =>
      h('form', { onSubmit: pay }, [
        h(CardElement, {
          ref: card,
          options: { hidePostalCode: true, layout: 'single-line' },
          onChange: (event) => console.warn(event.complete, event.error?.message),
          onReady: (element) => element.clear(),
          onLoaderror: (event) => console.error(event.error.message),
        }),
        h(PiiElement, { options: { country: 'US', idType: 'ssn' } }),
      ]);
  },
});

// The elements themselves in templates: GlobalComponents types their attributes.
type CardAttributes = InstanceType<GlobalComponents['tokenframe-card']>['$props'];
export const attributes: CardAttributes[] = [
  { 'publishable-key': 'pk_test_1', locale: 'fr', appearance: { theme: 'night' }, 'hide-postal-code': true },
  { layout: 'single-line', onChange: (event) => console.warn(event.detail.complete) },
  // The same attributes as in React's JSX (src/host/element-attributes.ts): labels by field, a prefilled postal code.
  { labels: '{"number": "Card"}', placeholders: '{"number": "4242"}', 'postal-code': '94107' },
  // @ts-expect-error `layout` is `stacked` or `single-line`
  { layout: 'grid' },
  // @ts-expect-error the card has several fields: `placeholders`, not `placeholder`
  { placeholder: 'Card number' },
];
// @ts-expect-error `id-type` is `ssn` or `itin`
export const pii: InstanceType<GlobalComponents['tokenframe-pii']>['$props'] = { 'id-type': 'passport' };
export const cvc: InstanceType<GlobalComponents['tokenframe-cvc-update']>['$props'] = {
  placeholder: 'CVC',
  brand: 'amex',
};
