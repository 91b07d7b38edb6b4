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
  #tokenId: string | null | undefined;
  /**
   * The form's message while the element is incomplete, in the customer's language; the frame sends it with its
   * title (a `texts` message), so until the frame has loaded the platform's own wording is all there is.
   */
  incompleteMessage = 'Please fill out this field.';
  #failure: TokenError | null | undefined;
  /**
   * The split card the element is part of, if it is one of a split card's fields: the card's number element
   * then submits the card's token under its name, and the expiry and CVC validate with it.
   */
  cardGroup: HostCardGroup | null | undefined;

  constructor(
    readonly element: FormParticipant,
    private readonly internals: ElementInternals,
    private readonly anchor: () => HTMLElement | undefined,
  ) {}

  /** The form side of the element whose name submits this element's token: its own, or its card's number's. */
  get #tokenHolder(): FormParticipation | undefined {
    return this.cardGroup ? this.cardGroup.member('number') : this;
  }

  /**
   * True when its form's submit must wait for this element's tokenize: it takes part in submitting the form (it
   * holds its own token, has a name and is not disabled) and has input but no token yet.
   */
  get needsToken(): boolean {
    return (
      this.#tokenHolder === this &&
      this.element.hasAttribute('name') &&
      !this.element.matches(':disabled') &&
      this.#tokenId == null &&
      !this.#state.empty
    );
  }

  /** An edit invalidates a token made from the previous input, and a failure from it. */
  onChange(detail: ChangeDetail, edited: boolean): void {
    this.#state = detail;
    if (edited) {
      // Dropping the token updates validity too. An edit in a split card's expiry or CVC makes the card's token stale.
      this.dropToken();
      this.#tokenHolder?.dropToken();
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
    const { empty, complete, error } = this.#state;
    const failure = this.#failure;
    // A failed tokenize or a half-typed value is the frame's own error; an empty required field is the platform's.
    const flags: ValidityStateFlags | null = !this.#tokenHolder?.element.hasAttribute('name')
      ? null
      : failure || (!empty && !complete)
        ? { customError: true }
        : empty && this.element.hasAttribute('required')
          ? { valueMissing: true }
          : null;
    if (flags)
      this.internals.setValidity(flags, failure?.message ?? error?.message ?? this.incompleteMessage, this.anchor());
    else this.internals.setValidity({});
    const states = { empty, complete: complete && !failure, invalid: !this.internals.validity.valid };
    for (const [name, on] of Object.entries(states)) {
      try {
        this.internals.states[on ? 'add' : 'delete'](name);
      } catch {
        // Browsers without CustomStateSet keep the :invalid pseudo-class only.
      }
    }
  }
}

const participantsOf = new WeakMap<HTMLFormElement, Set<FormParticipation>>();

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
  // The same listener added again is not added twice.
  document.addEventListener('submit', holdSubmit, { capture: true });
  return () => participants.delete(participation);
}

function holdSubmit(event: SubmitEvent): void {
  const form = event.target as HTMLFormElement;
  const pending = [...(participantsOf.get(form) ?? [])].filter((p) => p.needsToken);
  if (pending.length === 0) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  void Promise.all(pending.map((p) => p.tokenizeForSubmit())).then((results) =>
    results.every(Boolean) ? form.requestSubmit(event.submitter) : form.reportValidity(),
  );
}
