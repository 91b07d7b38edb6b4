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
  // getRandomValues, unlike randomUUID, also exists on pages served over plain http.
  readonly id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
  readonly #fields = new Map<FormParticipation, CardField>();

  /** The form side of the card's element for `field`, if the page has one. */
  member(field: CardField): FormParticipation | undefined {
    for (const [member, memberField] of this.#fields) if (memberField === field) return member;
    return undefined;
  }

  add(member: FormParticipation, field: CardField): void {
    this.#fields.set(member, field);
    member.cardGroup = this;
    this.refreshValidity();
  }

  remove(member: FormParticipation): void {
    this.#fields.delete(member);
    member.cardGroup = null;
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
