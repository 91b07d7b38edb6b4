import { TokenframeCard } from './card-element';

export { configure, type TokenframeConfig } from './origin';
export { TokenframeElement } from './tokenframe-element';
export type { TokenizeResult } from './frame-connection';
export type { ChangeDetail, Token, TokenError } from '../protocol/messages';
export { TokenframeCard };

if (!customElements.get('tokenframe-card')) customElements.define('tokenframe-card', TokenframeCard);

declare global {
  interface HTMLElementTagNameMap {
    'tokenframe-card': TokenframeCard;
  }
}
