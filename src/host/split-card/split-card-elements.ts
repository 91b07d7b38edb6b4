import type { CardField, KindDescriptor } from '../../kinds/kind-descriptor';
import { cardCvc, cardExpiry, cardNumber } from '../../kinds/element-kinds';
import type { FrameOptions, TokenizeExtra } from '../../protocol/messages';
import { invalidRequest, type TokenizeResult } from '../frame-connection';
import { TokenframeElement } from '../tokenframe-element';
import { hostCardGroup, type HostCardGroup } from './host-card-group';

type SplitCardKind = KindDescriptor & { cardField: CardField };

function missing(kind: SplitCardKind): TokenizeResult {
  return {
    error: invalidRequest(
      'card_field_missing',
      `This card has no <${kind.tag}> (with the same group attribute) on the page.`,
    ),
  };
}

/**
 * What the three split card elements share: membership in a card, whose
 * random id reaches their frames as `options.group`.
 */
abstract class SplitCardElement extends TokenframeElement {
  declare protected readonly kind: SplitCardKind;
  /** The card the element is part of, as its form side knows it (the card sets it there). */
  protected get card(): HostCardGroup | null | undefined {
    return this.participation.cardGroup;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'group'];
  }

  protected override frameOptions(): FrameOptions {
    return { ...super.frameOptions(), group: this.card?.id ?? '' };
  }

  override connectedCallback(): void {
    this.#joinCard();
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.card?.place(this.participation);
  }

  override attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void {
    if (name === 'group' && this.isConnected) this.#joinCard();
    super.attributeChangedCallback(name, oldValue, newValue);
  }

  /** Joins the card the `group` attribute names, leaving any other. */
  #joinCard(): void {
    const card = hostCardGroup(this.ownerDocument, this.getAttribute('group') ?? '');
    if (card === this.card) return;
    this.card?.place(this.participation);
    card.place(this.participation, this.kind.cardField);
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
 * @tagname tokenframe-card-number
 * @attr group - Which card the element belongs to, when a page holds several; elements without one form one card.
 * @attr name - Submits the card's token ID under this name with its form; on submit the card tokenizes first.
 * @attr placeholder - The field's placeholder.
 * @attr brands - The brands accepted, space- or comma-separated in Stripe's words (`visa mastercard`).
 * @attr icon-style - `default` (colored) or `solid` brand icons.
 * @attr hide-icon - No brand icon in the field.
 * @event change - `detail: {elementType, empty, complete, brand, error?}` after every edit; `brand` is the detected
 *   brand in Stripe's words (`visa`, `amex`, …, `unknown`).
 */
export class TokenframeCardNumber extends SplitCardElement {
  /** @internal */
  static override readonly kind = cardNumber;
  declare protected readonly kind: typeof cardNumber;

  /** Tokenizes the whole card (number, expiry and CVC). Never rejects: resolves with `{token}` or `{error}`. */
  override async tokenize(extra: TokenizeExtra = {}): Promise<TokenizeResult> {
    const absent = [cardExpiry, cardCvc].find((kind) => !this.card?.member(kind.cardField));
    return absent ? missing(absent) : super.tokenize(extra);
  }

  override attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void {
    super.attributeChangedCallback(name, oldValue, newValue);
    // The expiry and CVC take part in form validation when the card is submitted with the form.
    if (name === 'name') this.card?.refreshValidity();
  }
}

/**
 * Expiry and CVC: they take part in their form's validity (`required`,
 * incomplete → invalid) when the card number has a name, submit no value of
 * their own, and tokenize through their card's number element.
 */
abstract class CardSiblingElement extends SplitCardElement {
  /** Tokenizes the whole card, through the card number element of the same group. */
  override async tokenize(extra: TokenizeExtra = {}): Promise<TokenizeResult> {
    return this.card?.member('number')?.element.tokenize(extra) ?? missing(cardNumber);
  }
}

/**
 * `<tokenframe-card-expiry key="pk_test_…">`: the expiry (`MM / YY`) of a split
 * card; see `<tokenframe-card-number>`.
 *
 * @tagname tokenframe-card-expiry
 * @attr group - Which card the element belongs to, when a page holds several; elements without one form one card.
 * @attr placeholder - The field's placeholder.
 */
export class TokenframeCardExpiry extends CardSiblingElement {
  /** @internal */
  static override readonly kind = cardExpiry;
  declare protected readonly kind: typeof cardExpiry;
}

/**
 * `<tokenframe-card-cvc key="pk_test_…">`: the CVC of a split card; its length
 * follows the brand the number's frame detected (4 digits for American
 * Express). See `<tokenframe-card-number>`.
 *
 * @tagname tokenframe-card-cvc
 * @attr group - Which card the element belongs to, when a page holds several; elements without one form one card.
 * @attr placeholder - The field's placeholder.
 */
export class TokenframeCardCvc extends CardSiblingElement {
  /** @internal */
  static override readonly kind = cardCvc;
  declare protected readonly kind: typeof cardCvc;
}
