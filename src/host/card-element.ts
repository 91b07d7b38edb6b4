import { TokenframeElement } from './tokenframe-element';

/**
 * `<tokenframe-card key="pk_test_…">`: card number, expiry, CVC and postal
 * code in one cross-origin frame.
 */
export class TokenframeCard extends TokenframeElement {
  protected readonly kind = 'card';
}
