import { createApp } from 'vue';
import Checkout from './Checkout.vue';

/** The page's settings, which the server writes into index.html. */
const setting = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)!.content;

createApp(Checkout, {
  serviceOrigin: setting('tokenframe-origin'),
  publishableKey: setting('tokenframe-key'),
}).mount('#app');
