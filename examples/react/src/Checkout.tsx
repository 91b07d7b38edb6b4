// The JSX types for <tokenframe-card> and friends (React 19).
import type {} from '../../../src/host/jsx';
import { useEffect, useRef, useState, type FormEvent } from 'react';
// Defines <tokenframe-card> and friends; bundled into the app.
import { createToken, type ChangeDetail, type TokenframeCard } from 'tokenframe';

interface Props {
  /** The tokenization service, e.g. `https://vault.example`. */
  serviceOrigin: string;
  /** The publishable key, `pk_test_…`. */
  publishableKey: string;
}

type Status = { state: 'editing' } | { state: 'paying' } | { state: 'paid'; message: string };

/**
 * A checkout form with the card field. The card details stay in the
 * tokenization service's frame: this component gets a token and posts only its
 * ID to the shop's server.
 */
export function Checkout({ serviceOrigin, publishableKey }: Props) {
  const card = useRef<TokenframeCard>(null);
  const [complete, setComplete] = useState(false);
  const [error, setError] = useState('');
  const [status, setStatus] = useState<Status>({ state: 'editing' });

  useEffect(() => {
    const element = card.current!;
    const onChange = (event: Event) => {
      const detail = (event as CustomEvent<ChangeDetail>).detail;
      setComplete(detail.complete);
      setError(detail.error?.message ?? '');
    };
    const onLoadError = (event: Event) => setError((event as CustomEvent<{ error: Error }>).detail.error.message);
    element.addEventListener('change', onChange);
    element.addEventListener('loaderror', onLoadError);
    return () => {
      element.removeEventListener('change', onChange);
      element.removeEventListener('loaderror', onLoadError);
    };
  }, []);

  async function pay(event: FormEvent) {
    event.preventDefault();
    setStatus({ state: 'paying' });
    const { token, error } = await createToken(card.current!);
    if (error) {
      setError(error.message);
      setStatus({ state: 'editing' });
      return;
    }
    const response = await fetch('/pay', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: token.id }),
    });
    const answer = (await response.json()) as { message?: string; error?: string };
    if (!response.ok || !answer.message) {
      setError(answer.error ?? 'The payment failed.');
      setStatus({ state: 'editing' });
      return;
    }
    setStatus({ state: 'paid', message: answer.message });
  }

  if (status.state === 'paid') {
    return (
      <main>
        <h1>Thank you!</h1>
        <p className="paid">{status.message}</p>
      </main>
    );
  }
  return (
    <main>
      <h1>Checkout</h1>
      <form onSubmit={pay}>
        <tokenframe-card ref={card} publishable-key={publishableKey} origin={serviceOrigin} />
        <p className="error" role="alert">
          {error}
        </p>
        <button type="submit" disabled={!complete || status.state === 'paying'}>
          {status.state === 'paying' ? 'Paying…' : 'Pay'}
        </button>
      </form>
    </main>
  );
}
