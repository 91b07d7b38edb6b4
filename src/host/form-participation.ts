import type { ChangeDetail, TokenError, TokenizeExtra } from '../protocol/messages';
import type { TokenizeResult } from './frame-connection';
import type { HostCardGroup } from './split-card/host-card-group';

/** What the form side needs from an element: its tokenize and its frame focus. */
export interface FormParticipant extends HTMLElement {
  tokenize(extra?: TokenizeExtra): Promise<TokenizeResult>;
  focus(): void;
}

/**
 * Form participation through ElementInternals, so a plain `<form>` works with
 * no script of the merchant's own: validity (`required`, incomplete, a failed
 * tokenize) with the platform's messages and `:invalid`, the token ID as the
 * form value under the element's `name`, reset and disabled fieldsets.
 *
 * Custom states for styling: `:state(empty)`, `:state(complete)`, `:state(invalid)`.
 */
export class FormParticipation {
  #state: ChangeDetail = { empty: true, complete: false };
  #tokenId: string | null = null;
  /**
   * The form's message while the element is incomplete, in the customer's language; the frame sends it with its
   * title (a `texts` message), so until the frame has loaded the platform's own wording is all there is.
   */
  incompleteMessage = 'Please fill out this field.';
  #failure: TokenError | null = null;
  /**
   * The split card the element is part of, if it is one of a split card's fields: the card's number element
   * then submits the card's token under its name, and the expiry and CVC validate with it.
   */
  cardGroup: HostCardGroup | null = null;

  constructor(
    readonly element: FormParticipant,
    private readonly internals: ElementInternals,
    private readonly anchor: () => HTMLElement | undefined,
  ) {}

  /** The form side of the element whose name submits this element's token: its own, or its card's number's. */
  get #tokenHolder(): FormParticipation | undefined {
    return this.cardGroup ? this.cardGroup.member('number') : this;
  }

  /** Whether this element takes part in submitting its form: it has a name and is not disabled. */
  get participates(): boolean {
    return this.#tokenHolder === this && this.element.hasAttribute('name') && !this.element.matches(':disabled');
  }

  /** True when submitting needs a tokenize first. */
  get needsToken(): boolean {
    return this.#tokenId === null && !this.#state.empty;
  }

  /** An edit invalidates a token made from the previous input, and a failure from it. */
  onChange(detail: ChangeDetail, edited: boolean): void {
    this.#state = detail;
    if (edited) {
      // Dropping the token updates validity too. An edit in a split card's expiry or CVC makes the card's token stale.
      this.dropToken();
      const holder = this.#tokenHolder;
      if (holder !== this) holder?.dropToken();
    } else {
      this.updateValidity();
    }
  }

  /** Forgets the token and any failure: the values they came from have changed. */
  dropToken(): void {
    this.#tokenId = null;
    this.#failure = null;
    this.internals.setFormValue(null);
    this.updateValidity();
  }

  /** Tokenizes for a held submit; true when the token ID is now the form value. */
  async tokenizeForSubmit(): Promise<boolean> {
    const result = await this.element.tokenize();
    if (result.token) {
      this.#tokenId = result.token.id;
      this.internals.setFormValue(result.token.id);
    } else {
      this.#failure = result.error;
    }
    this.updateValidity();
    return Boolean(result.token);
  }

  reset(): void {
    this.#state = { empty: true, complete: false };
    this.dropToken();
  }

  /** Recomputes validity, e.g. after `required` changed. */
  updateValidity(): void {
    // Without a name (for a split card: on its number) the element is not part of the form's data: the merchant
    // tokenizes from its own script (Stripe.js style), and the element must not
    // block that form's submit with the platform's validation.
    if (!this.#tokenHolder?.element.hasAttribute('name')) {
      this.internals.setValidity({});
      this.#setStates();
      return;
    }
    const { empty, complete } = this.#state;
    const message = this.#failure?.message ?? this.#state.error?.message ?? this.incompleteMessage;
    // A failed tokenize or a half-typed value is the frame's own error; an empty required field is the platform's.
    const flags: ValidityStateFlags | null =
      this.#failure || (!empty && !complete)
        ? { customError: true }
        : empty && this.element.hasAttribute('required')
          ? { valueMissing: true }
          : null;
    if (flags) this.internals.setValidity(flags, message, this.anchor());
    else this.internals.setValidity({});
    this.#setStates();
  }

  #setStates(): void {
    this.#setState('empty', this.#state.empty);
    this.#setState('complete', this.#state.complete && !this.#failure);
    this.#setState('invalid', !this.internals.validity.valid);
  }

  #setState(name: string, on: boolean): void {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // Browsers without CustomStateSet keep the :invalid pseudo-class only.
    }
  }
}

const participantsOf = new WeakMap<HTMLFormElement, Set<FormParticipation>>();
let listening = false;

/**
 * Holds a form's submit until every tokenframe element in it has a token.
 * One listener on the document in the capture phase runs before any of the
 * merchant's own submit handlers, so they (and the native submit) see the
 * form only once the token IDs are its values.
 */
export function joinForm(form: HTMLFormElement, participation: FormParticipation): () => void {
  const participants = participantsOf.get(form) ?? new Set();
  participantsOf.set(form, participants);
  participants.add(participation);
  if (!listening) {
    listening = true;
    document.addEventListener('submit', (event) => void holdSubmit(event as SubmitEvent), { capture: true });
  }
  return () => participants.delete(participation);
}

async function holdSubmit(event: SubmitEvent): Promise<void> {
  const form = event.target as HTMLFormElement;
  const pending = [...(participantsOf.get(form) ?? [])].filter((p) => p.participates && p.needsToken);
  if (pending.length === 0) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  const results = await Promise.all(pending.map((p) => p.tokenizeForSubmit()));
  if (results.every((ok) => ok)) {
    form.requestSubmit(event.submitter as HTMLElement | null);
  } else {
    form.reportValidity();
  }
}
