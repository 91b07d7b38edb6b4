import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Checkout } from './Checkout';

/** The page's settings, which the server writes into index.html. */
const setting = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)!.content;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Checkout serviceOrigin={setting('tokenframe-origin')} publishableKey={setting('tokenframe-key')} />
  </StrictMode>,
);
