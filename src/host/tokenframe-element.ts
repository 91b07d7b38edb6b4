import { attributeOf, elementTypeOf, everyKind, pageOf, type KindDescriptor } from '../kinds/kind-descriptor';
import type {
  Appearance,
  FrameMessage,
  FrameOptions,
  FrameSettings,
  TokenError,
  TokenizeExtra,
} from '../protocol/messages';
import { toObject } from './appearance-option';
import type { ElementClasses, ElementOptions } from './element-options';
import { FormParticipation, joinForm } from './form-participation';
import { FrameConnection, invalidRequest, type TokenizeResult } from './frame-connection';
import { loadStateSheet, retryNotice, skeleton } from './load-state';
import { resolveLocale } from './locale';
import { configuredPublishableKey, tokenizationOrigin } from './origin';

/**
 * The host side of every tokenframe element: it owns one cross-origin iframe
 * and re-emits what the frame reports. Subclasses name their kind's
 * descriptor, from which their attributes and frame options follow; the split
 * card fields also join a card group.
 *
 * Changes within one task (several attributes, `appearance`, a disabled
 * fieldset) reach the frame as one `update`, sent in a microtask.
 *
 * The element carries class names for the merchant's CSS: `TokenframeElement`, and `TokenframeElement--empty`,
 * `--complete`, `--focus`, `--invalid` while they hold (`update({classes})` renames them, as Stripe's `classes`).
 *
 * @attr key - The publishable key (`pk_test_…`); defaults to the one given to `configure()`.
 * @attr publishable-key - The same, for frameworks that keep `key` for themselves (React, Vue).
 * @attr origin - The tokenization service's origin; defaults to the origin the loader was served from.
 * @attr load-timeout - Milliseconds the frame may take to load before `loaderror` (default 10000).
 * @attr disabled - Disables every field (so does a disabled `<fieldset>` around it).
 * @attr name - Submits the token ID under this name with its form; on submit the element tokenizes first.
 *   Without a name the element takes no part in its form's validation or data (tokenize from script instead).
 * @attr required - The form cannot be submitted while the element is empty.
 * @attr locale - The language of labels and messages, one of 34 (`en`, `fr`, `de`, `es`, `ja`, `zh`, `zh-TW`, `ar`,
 *   `he`, `fa`, …; see Languages); `auto` (the default) follows the page's `lang`, then the browser.
 * @attr appearance - How the fields look, as JSON: `{"theme": "night", "variables": {…}, "rules": {…}}` (see
 *   Appearance); the `appearance` property takes the same as an object. Refused entries are console warnings.
 * @attr readonly - The fields show their values but cannot be edited (Stripe's `readOnly`).
 * @attr hide-labels - Hides the field labels visually; they stay the fields' accessible names.
 * @attr labels - Labels by field, as JSON: `{"number": "Card", "postalCode": "ZIP"}`.
 * @attr placeholders - Placeholders by field, as JSON (single-field elements also take `placeholder`).
 * @event ready - `detail: {elementType}`: the frame has loaded and answered the handshake.
 * @event change - `detail: {elementType, empty, complete, brand?, error?: {type, code, message}, value?: {postalCode}}`
 *   after every edit, as Stripe's (`brand` in Stripe's words: `visa`, `amex`, …; `value` on the card only).
 * @event focus - `detail: {elementType}`: focus entered the frame.
 * @event blur - `detail: {elementType}`: focus left the frame.
 * @event escape - `detail: {elementType}`: Escape was pressed in a field.
 * @event loaderror - `detail: {elementType, error}` when the frame could not load in time (the element then offers
 *   a Retry button).
 */
export abstract class TokenframeElement extends HTMLElement {
  static formAssociated = true;

  /** @internal What kind of element this is: every subclass names its descriptor. */
  static readonly kind: KindDescriptor;
  /**
   * The class's kind, on the instance. Subclasses declare its exact type, which keeps the element types apart
   * (a bank account element is not a card element, in a ref's type too).
   */
  protected readonly kind: KindDescriptor;
  #connection: FrameConnection | null | undefined;
  #setupError: TokenError | null | undefined;
  readonly #internals: ElementInternals;
  protected readonly participation: FormParticipation;
  #leaveForm: (() => void) | null | undefined;
  #disabledByForm = false;
  /** Set once connectedCallback has run: attribute changes before that are the initial attributes. */
  #mounted?: boolean;
  #syncRequested?: boolean;
  #ownAppearance: Appearance | undefined;
  /** Stripe's options without an attribute: `style` and `fonts` go to the frame, `classes` name the states below. */
  #stripe: Pick<ElementOptions, 'style' | 'fonts' | 'classes'> = {};
  /** Which of the class names hold: the frame's last `change`, and whether focus is in the frame. */
  #state = { base: true, empty: true, complete: false, focus: false, invalid: false };
  #destroyed?: boolean;

  constructor() {
    super();
    this.kind = (this.constructor as typeof TokenframeElement).kind;
    this.#internals = this.attachInternals();
    this.participation = new FormParticipation(this, this.#internals, () => this.#connection?.iframe);
    // The frame lives in a shadow root so the platform can anchor validation
    // messages to it and hand focus on to it.
    this.attachShadow({ mode: 'open', delegatesFocus: true }).adoptedStyleSheets = [loadStateSheet()];
    // The form found the element invalid (submit, reportValidity): the frame shows which field and why.
    this.addEventListener('invalid', () => this.#connection?.send({ type: 'validate' }));
    // A framework may set properties before this class is defined (the loader arrives later): they were
    // stored on the plain element and would hide the accessors. Take them over.
    for (const property of ['appearance', 'name'] as const) {
      if (!Object.hasOwn(this, property)) continue;
      const value = this[property];
      delete (this as Record<string, unknown>)[property];
      (this as Record<typeof property, unknown>)[property] = value;
    }
  }

  /**
   * Every attribute that stands for a frame option, as `[attribute, option, type]`: this kind's and every kind's
   * (`everyKind`), and `placeholder` on single-field kinds. Type 0 is a string, 1 a flag, 2 a JSON object.
   */
  static get optionAttributes(): [string, string, number][] {
    const { attributes = [], flags = [], objects = [], field, cardField } = this.kind;
    return [
      [...everyKind.attributes, ...attributes, ...(field || cardField ? ['placeholder'] : [])],
      [...everyKind.flags, ...flags],
      [...everyKind.objects, ...objects],
    ].flatMap((options, type) =>
      options.map((option): [string, string, number] => [attributeOf(option), option, type]),
    );
  }

  static get observedAttributes(): string[] {
    return ['required', 'name', 'key', 'publishable-key', 'origin', 'appearance'].concat(
      this.optionAttributes.map(([attribute]) => attribute),
    );
  }

  /**
   * The frame options this element's attributes stand for, as its kind maps them. Absent attributes are left
   * out, not sent as `undefined` (the frame would drop the message).
   */
  protected frameOptions(): FrameOptions {
    const options: Record<string, unknown> = {};
    for (const [attribute, option, type] of (this.constructor as typeof TokenframeElement).optionAttributes) {
      const value = this.getAttribute(attribute);
      const parsed = type === 1 ? value !== null : type ? toObject(value, attribute) : value;
      // The frame drops an update holding anything but strings by field here: leave such an attribute out.
      if (parsed != null && (typeof parsed !== 'object' || Object.values(parsed).every((v) => typeof v === 'string')))
        options[option] = parsed;
    }
    options.disabled ||= this.#disabledByForm;
    options.locale = resolveLocale(this);
    return options as FrameOptions;
  }

  /** Everything the frame is configured with, for `init` and each `update`. */
  #settings(): FrameSettings {
    const { style, fonts } = this.#stripe;
    return { options: this.frameOptions(), appearance: this.appearance, style, fonts };
  }

  /**
   * Stripe's `element.update(options)`: merged over the options given before (see ElementOptions). Options
   * with an attribute set it; `appearance`, `style`, `fonts` and `classes` are kept on the element. Changes
   * within one task reach the frame as one `update`.
   */
  update(options: ElementOptions = {}): void {
    // Options by their attribute's option name (`style`, `classes`… have none and are not looked up here).
    const values: Record<string, unknown> = {
      ...options,
      readonly: options.readOnly,
      postalCode: options.value?.postalCode,
    };
    // A key given as `undefined` takes its option back (a framework passes a prop that went away so);
    // a key left out keeps its value.
    const given = (key: string) => Object.hasOwn(options, key);
    for (const [attribute, option, type] of (this.constructor as typeof TokenframeElement).optionAttributes) {
      const value = values[option];
      if (value === undefined) {
        if (given({ readonly: 'readOnly', postalCode: 'value' }[option] ?? option)) this.removeAttribute(attribute);
      } else if (type === 1) this.toggleAttribute(attribute, Boolean(value));
      // `brands`, an array, becomes its comma-separated names.
      else this.setAttribute(attribute, type ? JSON.stringify(value) : String(value));
    }
    if (given('appearance')) this.appearance = options.appearance;
    // The old class names come off before `classes` may rename them.
    this.#toggleClasses(false);
    for (const key of ['style', 'fonts', 'classes'] as const)
      if (given(key)) (this.#stripe as Record<string, unknown>)[key] = options[key];
    this.#toggleClasses();
    this.#requestSync();
  }

  /** Puts the class names that hold on the element and takes the others off (all off with `on` false). */
  #toggleClasses(on = true): void {
    for (const [name, holds] of Object.entries(this.#state)) {
      this.classList.toggle(
        this.#stripe.classes?.[name as keyof ElementClasses] ?? `TokenframeElement--${name}`.replace('--base', ''),
        on && holds,
      );
    }
  }

  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void {
    if (name === 'key' || name === 'publishable-key' || name === 'origin') {
      // A framework may set these after inserting the element: connect again once they arrive or change.
      if (this.#mounted && oldValue !== newValue) this.#remount();
      return;
    }
    if (name === 'appearance') this.#ownAppearance = toObject(newValue, name);
    this.participation.updateValidity();
    this.#requestSync();
  }

  /** Sends the frame the current options once this task is done, however many changes it made. */
  #requestSync(): void {
    if (this.#syncRequested) return;
    this.#syncRequested = true;
    queueMicrotask(() => {
      this.#syncRequested = false;
      this.#connection?.send({ type: 'update', ...this.#settings() });
    });
  }

  /** How the fields look: `{theme, variables, rules}`, from the `appearance` attribute or set here (the later wins). */
  get appearance(): Appearance | undefined {
    return this.#ownAppearance;
  }

  set appearance(value: Appearance | undefined) {
    this.#ownAppearance = toObject(value, 'appearance');
    this.#requestSync();
  }

  connectedCallback(): void {
    this.formAssociatedCallback(this.#internals.form);
    this.participation.updateValidity();
    this.#toggleClasses();
    this.#mounted = true;
    if (!this.#connection) this.#mount();
  }

  /** A new frame, e.g. once the key arrives or after Retry: the old one goes quietly. */
  #remount(): void {
    this.#unmount();
    this.#mount();
  }

  #unmount(): void {
    const previous = this.#connection;
    this.#connection = null;
    previous?.destroy();
  }

  /** Creates the frame (behind a skeleton), or reports why it cannot; never again once destroyed. */
  #mount(): void {
    if (this.#destroyed) return;
    const { tag, rows = 1 } = this.kind;
    const page = pageOf(this.kind);
    const origin = tokenizationOrigin(this.getAttribute('origin'));
    const key = this.getAttribute('key') ?? this.getAttribute('publishable-key') ?? configuredPublishableKey();
    if (!origin || !key?.startsWith('pk_')) {
      this.#setupError = invalidRequest(
        'element_misconfigured',
        origin
          ? `<${tag}> needs a publishable key: key="pk_test_…".`
          : `<${tag}> needs the service's origin: origin="https://…".`,
      );
      // Reported after the current task, so a framework that sets the key right after inserting the element
      // connects instead of seeing an error first.
      setTimeout(() => {
        if (!this.#connection && this.#setupError) this.#emit('loaderror', { error: this.#setupError });
      });
      return;
    }
    this.#setupError = null;
    const connection: FrameConnection = new FrameConnection({
      page,
      origin,
      publishableKey: key,
      settings: () => this.#settings(),
      readyTimeout: Number(this.getAttribute('load-timeout')) || undefined,
      onMessage: (message) => this.#relay(message),
      // The frame never answered: a notice with Retry instead. A connection replaced by remount() goes quietly.
      onUnavailable: (error) => {
        if (connection !== this.#connection) return;
        this.shadowRoot!.replaceChildren(retryNotice(resolveLocale(this), () => this.#remount()));
        this.#emit('loaderror', { error });
      },
    });
    this.#connection = connection;
    // A single-line card is one row high, as its frame will be.
    const height = this.getAttribute('layout') === 'single-line' ? 1 : rows;
    this.shadowRoot!.replaceChildren(skeleton(height, resolveLocale(this)), connection.iframe);
  }

  disconnectedCallback(): void {
    this.#mounted = false;
    this.#unmount();
    this.#leaveForm?.();
    this.#leaveForm = null;
  }

  /** @internal Called by the platform when the element's form changes. */
  formAssociatedCallback(form: HTMLFormElement | null): void {
    this.#leaveForm?.();
    this.#leaveForm = form ? joinForm(form, this.participation) : null;
  }

  /** @internal `form.reset()` empties the fields. */
  formResetCallback(): void {
    this.clear();
    this.participation.reset();
  }

  /** @internal A disabled `<fieldset>` around the element disables its fields. */
  formDisabledCallback(disabled: boolean): void {
    this.#disabledByForm = disabled;
    this.#requestSync();
  }

  /** The form the element belongs to. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  /** The name the token ID is submitted under (the `name` attribute). */
  get name(): string {
    return this.getAttribute('name') ?? '';
  }

  set name(value: string) {
    this.setAttribute('name', value);
  }

  get validity(): ValidityState {
    return this.#internals.validity;
  }

  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.#internals.willValidate;
  }

  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  /** Like an input's: shows the platform's message and moves focus into the frame when invalid. */
  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  /** Tokenizes what the customer typed. Never rejects: resolves with `{token}` or `{error}`. */
  async tokenize(extra: TokenizeExtra = {}): Promise<TokenizeResult> {
    return (
      this.#connection?.tokenize(extra) ?? {
        error: this.#setupError ?? invalidRequest('element_not_mounted', 'The element is not on the page.'),
      }
    );
  }

  /** Moves focus into the frame's first field. */
  override focus(): void {
    this.#connection?.iframe.focus();
    this.#connection?.send({ type: 'focus' });
  }

  /**
   * Takes focus out of the frame, as the customer leaving it would: the page's focus leaves the element (so
   * `blur` follows) and the frame's field lets go of it (and shows its error).
   */
  override blur(): void {
    super.blur();
    this.#connection?.send({ type: 'blur' });
  }

  /** Empties every field. */
  clear(): void {
    this.#connection?.send({ type: 'clear' });
  }

  /**
   * Stripe's `element.destroy()`: removes the frame for good and leaves the form. The element itself stays
   * where the page (or its framework) put it; its `tokenize()` then resolves with an error.
   */
  destroy(): void {
    this.#destroyed = true;
    this.#setupError = invalidRequest('element_destroyed', 'The element was destroyed.');
    this.disconnectedCallback();
    this.shadowRoot!.replaceChildren();
  }

  #relay(message: FrameMessage): void {
    if (message.type === 'submit') {
      this.#internals.form?.requestSubmit();
    } else if (message.type === 'change') {
      const { empty, complete, brand, error, postalCode } = message;
      const detail = { empty, complete, brand, error };
      this.participation.onChange(detail, Boolean(message.edited));
      Object.assign(this.#state, { empty, complete, invalid: Boolean(error) });
      this.#toggleClasses();
      this.#emit('change', postalCode === undefined ? detail : { ...detail, value: { postalCode } });
    } else if (message.type === 'texts') {
      this.participation.incompleteMessage = message.incomplete;
      this.participation.updateValidity();
    } else if (message.type === 'warning') {
      // The frame reports each refused entry once per appearance it is given.
      console.warn(`tokenframe: ${message.message}`);
    } else if (message.type !== 'resize' && message.type !== 'result' && message.type !== 'hello') {
      // ready, focus, blur, escape: Stripe's events of the same names.
      if (message.type === 'ready') {
        this.shadowRoot!.querySelector('.skeleton')?.remove();
      } else if (message.type !== 'escape') {
        this.#state.focus = message.type === 'focus';
        this.#toggleClasses();
      }
      this.#emit(message.type);
    }
  }

  /** Every event's detail names the element as Stripe's do (`elementType`). */
  #emit(type: string, detail: object = {}): void {
    this.dispatchEvent(
      new CustomEvent(type, {
        detail: { elementType: elementTypeOf(this.kind), ...detail },
        bubbles: type === 'change',
      }),
    );
  }
}
