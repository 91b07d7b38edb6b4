import { TokenframeCardCvc, TokenframeCardExpiry, TokenframeCardNumber } from './card-fields';
import { TokenframeBankAccount, TokenframeCard, TokenframeCvcUpdate, TokenframePii } from './elements';

export { configure, type TokenframeConfig } from './origin';
export { createToken } from './create-token';
export { TokenframeElement } from './tokenframe-element';
export type { TokenizeResult } from './frame-connection';
export type { Appearance, ChangeDetail, Token, TokenError } from '../protocol/messages';
export { TokenframeBankAccount, TokenframeCard, TokenframeCvcUpdate, TokenframePii };
export { TokenframeCardNumber, TokenframeCardExpiry, TokenframeCardCvc };

const elements = {
  'tokenframe-card': TokenframeCard,
  'tokenframe-bank-account': TokenframeBankAccount,
  'tokenframe-cvc-update': TokenframeCvcUpdate,
  'tokenframe-pii': TokenframePii,
  'tokenframe-card-number': TokenframeCardNumber,
  'tokenframe-card-expiry': TokenframeCardExpiry,
  'tokenframe-card-cvc': TokenframeCardCvc,
};
for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

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
