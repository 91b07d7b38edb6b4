// Type tests for tokenframe/react, checked by `tsc -p examples` (test/e2e/examples.spec.ts); never bundled.
import { useRef } from 'react';
import type { TokenframeBankAccount, TokenframeCard } from 'tokenframe';
import { BankAccountElement, CardElement, CardNumberElement, PiiElement, useTokenframe } from 'tokenframe/react';

export function Accepted() {
  const card = useRef<TokenframeCard>(null);
  const bank = useRef<TokenframeBankAccount>(null);
  const { createToken } = useTokenframe();
  const pay = async () => {
    const fromProvider = await createToken();
    const fromRef = await createToken(card, { name: 'Jenny Rosen' });
    const person = await createToken('person', { first_name: 'Jenny' });
    return [fromProvider.token?.id, fromRef.error?.message, person.token?.id];
  };
  return (
    <form onSubmit={pay}>
      <CardElement
        ref={card}
        id="card"
        className="field"
        options={{ hidePostalCode: true, layout: 'single-line', brands: ['visa'], style: { base: { color: '#333' } } }}
        onChange={(event) => console.warn(event.complete, event.brand, event.error?.message)}
        onReady={(element) => element.focus()}
        onFocus={() => undefined}
        onBlur={() => undefined}
        onEscape={() => undefined}
        onLoadError={(event) => console.error(event.error.message)}
      />
      <CardNumberElement publishableKey="pk_test_1" origin="https://vault.example" options={{ iconStyle: 'solid' }} />
      <BankAccountElement ref={bank} options={{ country: 'DE', currency: 'eur' }} />
      <PiiElement options={{ idType: 'itin' }} />
    </form>
  );
}

export function Rejected() {
  const bank = useRef<TokenframeBankAccount>(null);
  return (
    <form>
      {/* @ts-expect-error a bank account element's ref is not a card's */}
      <CardElement ref={bank} />
      {/* @ts-expect-error `layout` is `stacked` or `single-line` */}
      <CardElement options={{ layout: 'grid' }} />
      {/* @ts-expect-error the card has no country */}
      <CardElement options={{ country: 'US' }} />
      {/* @ts-expect-error `idType` is `ssn` or `itin` */}
      <PiiElement options={{ idType: 'passport' }} />
    </form>
  );
}
