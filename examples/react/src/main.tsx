import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TokenframeProvider } from 'tokenframe/react';
import { Checkout } from './Checkout';

/** The page's settings, which the server writes into index.html. */
const setting = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)!.content;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* Like Stripe's <Elements stripe>: the key and the service's origin for every element below. */}
    <TokenframeProvider publishableKey={setting('tokenframe-key')} origin={setting('tokenframe-origin')}>
      <Checkout />
    </TokenframeProvider>
  </StrictMode>,
);
