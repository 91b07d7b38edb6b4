import { useState, type FormEvent } from 'react';
// The components define <tokenframe-card> and friends; bundled into the app.
import { CardElement, useTokenframe } from 'tokenframe/react';

type Status = { state: 'editing' } | { state: 'paying' } | { state: 'paid'; message: string };

/**
 * A checkout form with the card field. The card details stay in the
 * tokenization service's frame: this component gets a token and posts only its
 * ID to the shop's server.
 */
export function Checkout() {
  const { createToken } = useTokenframe();
  const [complete, setComplete] = useState(false);
  const [error, setError] = useState('');
  const [status, setStatus] = useState<Status>({ state: 'editing' });

  async function pay(event: FormEvent) {
    event.preventDefault();
    setStatus({ state: 'paying' });
    // Without an element, createToken() tokenizes the provider's card element.
    const { token, error } = await createToken();
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
        <CardElement
          options={{ disabled: status.state === 'paying' }}
          onChange={(event) => {
            setComplete(event.complete);
            setError(event.error?.message ?? '');
          }}
          onLoadError={(event) => setError(event.error.message)}
        />
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
