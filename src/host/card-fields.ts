import type { FrameOptions, TokenizeExtra } from '../protocol/messages';
import {
  cardGroupMember,
  cardGroupSiblings,
  joinCardGroup,
  leaveCardGroup,
  type CardField,
  type CardGroupMember,
} from './card-group';
import type { TokenizeResult } from './frame-connection';
import { TokenframeElement } from './tokenframe-element';

const fieldTags: Record<CardField, string> = {
  number: 'tokenframe-card-number',
  expiry: 'tokenframe-card-expiry',
  cvc: 'tokenframe-card-cvc',
};

function missing(field: CardField): TokenizeResult {
  return {
    error: {
      type: 'invalid_request_error',
      code: 'card_field_missing',
      message: `This card has no <${fieldTags[field]}> in its group: add one to the page (with the same group attribute).`,
    },
  };
}

/**
 * What the three split card elements share: membership in a card group, whose
 * random id reaches their frames as `options.group`.
 */
abstract class CardFieldElement extends TokenframeElement implements CardGroupMember {
  /** @internal Which part of the card the element holds. */
  abstract readonly cardField: CardField;
  private groupId = '';

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'group'];
  }

  protected override frameOptions(): FrameOptions {
    return { ...super.frameOptions(), group: this.groupId };
  }

  override connectedCallback(): void {
    this.groupId = joinCardGroup(this);
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    leaveCardGroup(this);
  }

  override attributeChangedCallback(name?: string, oldValue?: string | null, newValue?: string | null): void {
    if (name === 'group' && this.isConnected) this.groupId = joinCardGroup(this);
    super.attributeChangedCallback(name, oldValue, newValue);
  }

  /** @internal */
  refreshValidity(): void {
    this.participation?.updateValidity();
  }
}

/**
 * `<tokenframe-card-number key="pk_test_…">`: the card number of a card split
 * over three elements that the page lays out freely, with
 * `<tokenframe-card-expiry>` and `<tokenframe-card-cvc>`. Each field has its
 * own frame; on `tokenize()` the number's frame gathers the expiry and CVC from
 * the other frames on the tokenization origin (never through this page) and
 * creates one `tok_…` card token. The elements of a document form one card;
 * give each card's elements the same `group` attribute to hold several. With
 * `name`, the token ID is submitted with the form, and `change` carries the
 * detected `brand`.
 *
 * @attr group - Which card the element belongs to, when a page holds several; elements without one form one card.
 * @attr name - Submits the card's token ID under this name with its form; on submit the card tokenizes first.
 * @event change - `detail: {empty, complete, brand, error?}` after every edit; `brand` is the detected brand.
 */
export class TokenframeCardNumber extends CardFieldElement {
  protected readonly kind = 'card-number';
  /** @internal */
  readonly cardField = 'number';

  /** Tokenizes the whole card (number, expiry and CVC). Never rejects: resolves with `{token}` or `{error}`. */
  override tokenize(extra: TokenizeExtra = {}): Promise<TokenizeResult> {
    const absent = (['expiry', 'cvc'] as const).find((field) => !cardGroupMember(this, field));
    return absent ? Promise.resolve(missing(absent)) : super.tokenize(extra);
  }

  override attributeChangedCallback(name?: string, oldValue?: string | null, newValue?: string | null): void {
    super.attributeChangedCallback(name, oldValue, newValue);
    // The expiry and CVC take part in form validation when the card is submitted with the form.
    if (name === 'name') cardGroupSiblings(this).forEach((sibling) => sibling.refreshValidity());
  }

  /** @internal An edit in the expiry or CVC makes a token made before stale. */
  siblingEdited(): void {
    this.participation?.dropToken();
  }
}

/**
 * Expiry and CVC: they take part in their form's validity (`required`,
 * incomplete → invalid) when the card number has a name, submit no value of
 * their own, and tokenize through their group's number element.
 */
abstract class CardSiblingElement extends CardFieldElement {
  /** @internal The number submits the card's token; expiry and CVC submit none. */
  readonly submitsToken = false;

  /** Tokenizes the whole card, through the card number element of the same group. */
  override tokenize(extra: TokenizeExtra = {}): Promise<TokenizeResult> {
    const number = cardGroupMember(this, 'number') as TokenframeCardNumber | undefined;
    return number ? number.tokenize(extra) : Promise.resolve(missing('number'));
  }

  /** @internal */
  validatesInForm(): boolean {
    return Boolean(cardGroupMember(this, 'number')?.hasAttribute('name'));
  }

  /** @internal */
  valueEdited(): void {
    (cardGroupMember(this, 'number') as TokenframeCardNumber | undefined)?.siblingEdited();
  }
}

/**
 * `<tokenframe-card-expiry key="pk_test_…">`: the expiry (`MM / YY`) of a split
 * card; see `<tokenframe-card-number>`.
 *
 * @attr group - Which card the element belongs to, when a page holds several; elements without one form one card.
 */
export class TokenframeCardExpiry extends CardSiblingElement {
  protected readonly kind = 'card-expiry';
  /** @internal */
  readonly cardField = 'expiry';
}

/**
 * `<tokenframe-card-cvc key="pk_test_…">`: the CVC of a split card; its length
 * follows the brand the number's frame detected (4 digits for American
 * Express). See `<tokenframe-card-number>`.
 *
 * @attr group - Which card the element belongs to, when a page holds several; elements without one form one card.
 */
export class TokenframeCardCvc extends CardSiblingElement {
  protected readonly kind = 'card-cvc';
  /** @internal */
  readonly cardField = 'cvc';
}
