// The JSX types for <tokenframe-card> and friends (React 19).
import type {} from 'tokenframe/jsx';
// Type tests for src/host/jsx.d.ts, checked by `tsc -p examples` (test/e2e/examples.spec.ts); never bundled.
import { useRef } from 'react';
import type { TokenframeBankAccount, TokenframeCard, TokenframeCvcUpdate, TokenframePii } from 'tokenframe';

export function Accepted() {
  const card = useRef<TokenframeCard>(null);
  const bank = useRef<TokenframeBankAccount>(null);
  const cvc = useRef<TokenframeCvcUpdate>(null);
  const pii = useRef<TokenframePii>(null);
  return (
    <form>
      <tokenframe-card
        ref={card}
        publishable-key="pk_test_1"
        origin="https://vault.example"
        required
        hide-postal-code
      />
      <tokenframe-card publishable-key="pk_test_1" disabled={false} load-timeout={5000} id="card" className="field" />
      <tokenframe-card publishable-key="pk_test_1" name="token" required />
      <tokenframe-card
        publishable-key="pk_test_1"
        locale="he"
        appearance={{ theme: 'night', variables: { colorPrimary: '#0570de' } }}
        layout="single-line"
        icon-style="solid"
        brands="visa,mastercard"
        hide-labels
        readonly
      />
      <tokenframe-card-number publishable-key="pk_test_1" appearance='{"theme":"flat"}' hide-icon />
      <tokenframe-bank-account ref={bank} publishable-key="pk_test_1" country="DE" currency="eur" />
      <tokenframe-cvc-update ref={cvc} publishable-key="pk_test_1" brand="amex" />
      <tokenframe-pii ref={pii} publishable-key="pk_test_1" country="US" id-type="itin" />
    </form>
  );
}

export function Rejected() {
  const bank = useRef<TokenframeBankAccount>(null);
  return (
    <form>
      {/* @ts-expect-error a bank account element's ref is not a card's */}
      <tokenframe-card ref={bank} publishable-key="pk_test_1" />
      {/* @ts-expect-error `required` is a boolean */}
      <tokenframe-card publishable-key="pk_test_1" required="yes" />
      {/* @ts-expect-error the card has no `country` */}
      <tokenframe-card publishable-key="pk_test_1" country="US" />
      {/* @ts-expect-error `layout` is `stacked` or `single-line` */}
      <tokenframe-card publishable-key="pk_test_1" layout="grid" />
      {/* @ts-expect-error `id-type` is `ssn` or `itin` */}
      <tokenframe-pii publishable-key="pk_test_1" id-type="passport" />
    </form>
  );
}
