import { createApp, h } from 'vue';
import { TokenframeProvider } from 'tokenframe/vue';
import Checkout from './Checkout.vue';

/** The page's settings, which the server writes into index.html. */
const setting = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)!.content;

// Like Stripe's <Elements stripe>: the key and the service's origin for every element below.
createApp({
  render: () =>
    h(TokenframeProvider, { publishableKey: setting('tokenframe-key'), origin: setting('tokenframe-origin') }, () =>
      h(Checkout),
    ),
}).mount('#app');
