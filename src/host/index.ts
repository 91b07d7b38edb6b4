import { TokenframeBankAccount, TokenframeCard, TokenframeCvcUpdate, TokenframePii } from './elements';
import { TokenframeCardCvc, TokenframeCardExpiry, TokenframeCardNumber } from './split-card/split-card-elements';

export { configure, type TokenframeConfig } from './origin';
export { createToken } from './create-token';
export { TokenframeElement } from './tokenframe-element';
export type { TokenizeResult } from './frame-connection';
export type { Appearance, ChangeDetail, Token, TokenError } from '../protocol/messages';
export { TokenframeBankAccount, TokenframeCard, TokenframeCvcUpdate, TokenframePii };
export { TokenframeCardNumber, TokenframeCardExpiry, TokenframeCardCvc };

// Each class names its tag through its kind's descriptor (src/kinds/element-kinds.ts).
for (const element of [
  TokenframeCard,
  TokenframeBankAccount,
  TokenframeCvcUpdate,
  TokenframePii,
  TokenframeCardNumber,
  TokenframeCardExpiry,
  TokenframeCardCvc,
]) {
  if (!customElements.get(element.kind.tag)) customElements.define(element.kind.tag, element);
}

// Types cannot come from the loop above: test/unit/kinds.test.ts checks this map names every kind's tag.
declare global {
  interface HTMLElementTagNameMap {
    'tokenframe-card': TokenframeCard;
    'tokenframe-bank-account': TokenframeBankAccount;
    'tokenframe-cvc-update': TokenframeCvcUpdate;
    'tokenframe-pii': TokenframePii;
    'tokenframe-card-number': TokenframeCardNumber;
    'tokenframe-card-expiry': TokenframeCardExpiry;
    'tokenframe-card-cvc': TokenframeCardCvc;
  }
}
