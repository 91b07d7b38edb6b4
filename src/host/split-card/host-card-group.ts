import type { CardField } from '../../kinds/kind-descriptor';
import type { FormParticipation } from '../form-participation';

/**
 * The host side of one split card: which of its elements are on the page.
 * Elements in one document form one card unless their `group` attributes
 * differ. Each card gets a random id, which its frames use to find each other
 * on the tokenization origin; the host only ever knows who is present, never
 * a value. Members are the elements' form sides, which is all the card needs
 * of them: the number's tokenize and name, everyone's validity.
 */
export class HostCardGroup {
  // getRandomValues, unlike randomUUID, also exists on pages served over plain http. 128 random bits as two
  // decimal numbers, up to 41 characters; the frame wants 16 or more (src/frame/split-card/frame-card-group.ts),
  // which fails only when both numbers are below 10^13: about once in 3·10^12 cards.
  readonly id = crypto.getRandomValues(new BigUint64Array(2)).join('-');
  readonly #fields = new Map<FormParticipation, CardField>();

  /** The form side of the card's element for `field`, if the page has one. */
  member(field: CardField): FormParticipation | undefined {
    for (const [member, memberField] of this.#fields) if (memberField === field) return member;
    return undefined;
  }

  /** Makes `member` the card's element for `field`, or with no field takes it out of the card. */
  place(member: FormParticipation, field?: CardField): void {
    if (field) this.#fields.set(member, field);
    else this.#fields.delete(member);
    member.cardGroup = field && this;
    this.refreshValidity();
  }

  /** Whether the expiry and CVC take part in form validation follows the number (present, named): recheck. */
  refreshValidity(): void {
    this.#fields.forEach((_, member) => member.updateValidity());
  }
}

const cardsOf = new WeakMap<Document, Map<string, HostCardGroup>>();

/** The card of `document` named `group` (`''` for elements without a `group` attribute). */
export function hostCardGroup(document: Document, group: string): HostCardGroup {
  const cards = cardsOf.get(document) ?? new Map<string, HostCardGroup>();
  cardsOf.set(document, cards);
  const card = cards.get(group) ?? new HostCardGroup();
  cards.set(group, card);
  return card;
}
