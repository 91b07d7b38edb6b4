import { LitElement, css, html, type CSSResultGroup, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { ChangeDetail, FrameOptions, TokenError } from '../protocol/messages';
import type { FieldCheck } from '../validation/card';
import { appearanceSheet } from './appearance-sheet';
import type { FieldView } from './fields/field-view';
import type { FieldInputDetail } from './fields/text-field';
import type { ElementKind } from '../kinds/element-kinds';
import { pageOf } from '../kinds/kind-descriptor';
import { stripeBrand } from '../validation/brand-by-name';
import { LocalizeController } from './i18n/localize-controller';
import './fields/text-field';

/** Resolves in a task of its own, after the tasks already queued (a message to a port: no timer throttling). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * What every field kind's form does, written once: the fields' values, their
 * wiring (edits, blur, disabled state), which fields have been judged, which
 * error each shows, the summary the host may see, the check before tokenize,
 * the document's title. A form declares its fields (`emptyValues`,
 * `fieldNames`, one `FieldView` each in `render`), checks them and builds its
 * token parameters.
 *
 * The checks and errors are derived once per update, in `willUpdate`, from the
 * values, options and language; the host hears the result after that update.
 * An error shows as soon as a field cannot become valid, and otherwise once
 * the customer leaves it (or presses Pay).
 *
 * @event form-change - `detail: FormChange` after every edit or blur.
 */
export abstract class FieldsForm<
  Field extends string,
  Checks extends Record<Field, FieldCheck> = Record<Field, FieldCheck>,
> extends LitElement {
  static override properties: PropertyDeclarations = {
    options: { attribute: false },
    values: { state: true },
    touched: { state: true },
  };

  static override styles: CSSResultGroup = [
    css`
      :host {
        display: block;
        font-family: var(--tf-font-family, inherit);
      }
      .row {
        display: flex;
        gap: calc(var(--tf-spacing, 0.25rem) * 3);
      }
    `,
    appearanceSheet,
  ];

  /** The options the host sends (from the element's attributes); forms derive theirs in `willUpdate`. */
  options: FrameOptions = {};
  /** Each field's value as shown (formatted). */
  protected values: Record<Field, string> = this.emptyValues();
  protected touched = new Set<Field>();
  /** The language the form shows; the frame sets it from the host's `locale` option. */
  readonly localize = new LocalizeController(this);

  /** Each field's check, as of this update. */
  protected checks!: Checks;
  /** The fields shown, in order, as of this update. */
  protected fields: Field[] = [];
  /** The error each shown field shows, as of this update (`''` for none). */
  private errors = {} as Record<Field, string>;
  /** What the host has yet to hear once this update is done; null when nothing. */
  private pendingReport: { edited: boolean } | null = null;

  /** The non-sensitive parameters a merchant may add through `tokenize(extra)`. */
  abstract readonly extraFields: readonly string[];
  /** The element kind this form is the frame of: the catalogs hold its title and incomplete message by its page. */
  protected abstract readonly kind: ElementKind;
  /** Every field's value in an empty form. */
  protected abstract emptyValues(): Record<Field, string>;
  /** The fields in the order they are shown (some depend on the options). */
  protected abstract fieldNames(): Field[];
  /** Checks every field's value; called once per update. */
  protected abstract check(): Checks;
  /** The parameters for `POST /v1/tokens`. Called only after validateAll() passed. */
  abstract tokenParams(extra: Record<string, string>): Record<string, string>;

  protected get disabled(): boolean {
    return Boolean(this.options.disabled);
  }

  /** Card forms report the detected brand; other kinds report none. */
  protected brand(): string | undefined {
    return undefined;
  }

  /** The frame document's title, in the form's language; the host gives it to the iframe as its accessible name. */
  documentTitle(): string {
    return this.localize.t.titles[pageOf(this.kind)];
  }

  /** What the merchant's form says while this element is incomplete, in the form's language. */
  incompleteMessage(): string {
    return this.localize.t.incomplete[pageOf(this.kind)];
  }

  /**
   * What a failing field's check means to the customer, in their language.
   * Forms override it for messages more precise than the code's own (the
   * digits a CVC needs, the month a card expired).
   */
  protected message(_field: Field, check: FieldCheck): string {
    return check.error ? this.localize.t.errors[check.error.code] : '';
  }

  /**
   * The first render waits for the next task. The frame says `hello` to the host while its scripts run (frame-app),
   * and Chromium sends a message to another window only once the current task ends: rendering the fields in that
   * task, the page's longest, held `hello` back until they showed, and `init` came after. Now `init` travels while
   * they render. The wait is a message to a port rather than a timer, which a hidden cross-origin frame may throttle;
   * its task comes after the one sending `hello`.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await nextTask();
    super.scheduleUpdate();
  }

  protected override willUpdate(_changed: PropertyValues): void {
    this.checks = this.check();
    this.fields = this.fieldNames();
    const errors = {} as Record<Field, string>;
    for (const field of this.fields) {
      const check = this.checks[field];
      const judged = check.state === 'invalid' || (this.touched.has(field) && check.state !== 'complete');
      errors[field] = judged ? this.message(field, check) : '';
    }
    this.errors = errors;
  }

  protected override updated(_changed: PropertyValues): void {
    const report = this.pendingReport;
    if (!report) return;
    this.pendingReport = null;
    this.dispatchEvent(new CustomEvent<FormChange>('form-change', { detail: { ...this.summary(), ...report } }));
  }

  /**
   * What the host may know: emptiness, completeness, brand, the visible error and (card) the postal code, which
   * Stripe's `change` carries too. Never a number, CVC, account or ID value.
   */
  private summary(): ChangeDetail {
    const states = this.fields.map((field) => this.checks[field].state);
    const shown = this.fields.find((field) => this.errors[field]);
    const error = shown && this.checks[shown].error;
    const brand = this.brand();
    return {
      empty: states.every((s) => s === 'empty'),
      complete: states.every((s) => s === 'complete'),
      brand: brand && stripeBrand(brand),
      error: shown && error ? { type: 'validation_error', code: error.code, message: this.errors[shown] } : undefined,
      postalCode: (this.values as Record<string, string>).postalCode,
    };
  }

  /** Marks every field as judged; returns the first problem, or null when the form can be tokenized. */
  validateAll(): TokenError | null {
    this.touched = new Set(this.fields);
    this.announce();
    const failing = this.fields.find((field) => this.checks[field].state !== 'complete');
    const error = failing && this.checks[failing].error;
    return error
      ? {
          type: 'validation_error',
          code: error.code,
          message: this.message(failing, this.checks[failing]),
          param: error.param,
        }
      : null;
  }

  /**
   * Validates and builds the token parameters, or the first problem. Split
   * card fields override it to gather their siblings' values first.
   */
  async prepareToken(
    extra: Record<string, string>,
  ): Promise<{ params: Record<string, string> } | { error: TokenError }> {
    const invalid = this.validateAll();
    // A valid form posts at once: the re-render validateAll() asks for changes nothing the request needs.
    if (!invalid) return { params: this.tokenParams(extra) };
    // The host hears the fields' errors before the token's result.
    await this.updateComplete;
    return { error: invalid };
  }

  /** Reports the state again, unchanged but for its words (after a language change). */
  reportState(): void {
    this.announce();
  }

  clear(): void {
    this.values = this.emptyValues();
    this.touched = new Set();
    this.announce(true);
  }

  focusFirst(): void {
    const first = this.renderRoot.querySelector<HTMLElement>('tf-text-field, tf-select-field');
    first?.focus();
  }

  /**
   * One field, wired: its value, error and disabled state, its edits (kept as
   * `view` formats them) and its blur, with the merchant's `labels` and
   * `placeholders` for it, or the single-field `placeholder` (untrusted: shown as text, cut at 100 characters)
   * and the layout options (`hideLabels`, `single-line`, `hideIcon`,
   * `iconStyle`). A form imports `fields/select-field` to show a choice.
   */
  protected renderField(field: Field, view: FieldView) {
    const { labels, placeholder, placeholders, hideLabels, layout, hideIcon, iconStyle } = this.options;
    const label = labels?.[field]?.slice(0, 100) || view.label;
    if ('choices' in view) {
      return html`<tf-select-field
        label=${label}
        ?hide-label=${hideLabels}
        .value=${this.values[field]}
        .options=${view.choices}
        ?disabled=${this.disabled || this.options.readonly}
        @field-input=${(e: CustomEvent<FieldInputDetail>) => this.handleInput(field, e.detail.value)}
      ></tf-select-field>`;
    }
    return html`<tf-text-field
      label=${label}
      ?ltr=${view.ltr}
      ?hide-label=${hideLabels}
      ?compact=${layout === 'single-line'}
      .suffix=${view.suffix ?? ''}
      .icon=${hideIcon ? null : view.icon?.(Boolean(this.errors[field]), iconStyle === 'solid')}
      type=${view.masked ? 'password' : 'text'}
      enterkeyhint=${view.last ? 'done' : 'next'}
      .value=${this.values[field]}
      .error=${this.errors[field]}
      ?complete=${this.checks[field].state === 'complete'}
      autocomplete=${view.autocomplete ?? 'off'}
      inputmode=${view.inputmode ?? 'text'}
      placeholder=${(placeholder ?? placeholders?.[field] ?? view.placeholder ?? '').slice(0, 100)}
      maxlength=${view.maxlength}
      ?disabled=${this.disabled}
      ?readonly=${this.options.readonly}
      @field-input=${(e: CustomEvent<FieldInputDetail>) =>
        this.handleInput(field, view.format ? view.format(e.detail) : e.detail.value)}
      @field-blur=${() => this.handleBlur(field)}
    ></tf-text-field>`;
  }

  private handleInput(field: Field, value: string): void {
    this.values = { ...this.values, [field]: value };
    this.announce(true);
  }

  private handleBlur(field: Field): void {
    this.touched = new Set(this.touched).add(field);
    this.announce();
  }

  /** Reports the state after this update; `edited` when a value changed (the host then drops a token made from the old values). */
  protected announce(edited = false): void {
    this.pendingReport = { edited: edited || Boolean(this.pendingReport?.edited) };
    this.requestUpdate();
  }
}

export type FormChange = ChangeDetail & { edited: boolean };

declare global {
  interface HTMLElementEventMap {
    'form-change': CustomEvent<FormChange>;
  }
}
