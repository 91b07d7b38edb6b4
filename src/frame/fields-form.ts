import { LitElement, css, type CSSResultGroup } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ChangeDetail, FrameOptions, TokenError } from '../protocol/messages';
import type { FieldCheck } from '../validation/card';
import { appearanceSheet } from './appearance-sheet';
import { LocalizeController } from './i18n/localize-controller';

/**
 * What every field kind's form does, written once: which fields have been
 * judged, which error each shows, the summary the host may see, the check
 * before tokenize. A subclass lists its fields, checks them, renders them and
 * builds its token parameters.
 *
 * An error shows as soon as a field cannot become valid, and otherwise once the
 * customer leaves it (or presses Pay).
 *
 * @event form-change - `detail: FormChange` after every edit or blur.
 */
export abstract class FieldsForm<Field extends string> extends LitElement {
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

  @property({ type: Boolean }) disabled = false;
  @state() protected touched = new Set<Field>();
  /** The language the form shows; the frame sets it from the host's `locale` option. */
  readonly localize = new LocalizeController(this);

  /** The non-sensitive parameters a merchant may add through `tokenize(extra)`. */
  abstract readonly extraFields: readonly string[];
  /** The fields in the order they are shown. */
  protected abstract fieldNames(): Field[];
  protected abstract checks(): Record<Field, FieldCheck>;
  /** The parameters for `POST /v1/tokens`. Called only after validateAll() passed. */
  abstract tokenParams(extra: Record<string, string>): Record<string, string>;
  protected abstract resetValues(): void;
  /** Applies the options the host sends (from the element's attributes). */
  abstract applyOptions(options: FrameOptions): void;

  /** Card forms report the detected brand; other kinds report none. */
  protected brand(): string | undefined {
    return undefined;
  }

  /** The frame document's title, in the form's language; the host gives it to the iframe as its accessible name. */
  documentTitle(): string {
    return this.localize.t.titles.card;
  }

  /**
   * What a failing field's check means to the customer, in their language.
   * Forms override it for messages more precise than the code's own (the
   * digits a CVC needs, the month a card expired).
   */
  protected message(_field: Field, check: FieldCheck): string {
    return check.error ? this.localize.t.errors[check.error.code] : '';
  }

  protected errorFor(field: Field, check: FieldCheck): string {
    const judged = check.state === 'invalid' || (this.touched.has(field) && check.state !== 'complete');
    return judged ? this.message(field, check) : '';
  }

  /** What the host may know: emptiness, completeness, brand and the visible error. Never a value. */
  summary(): ChangeDetail {
    const checks = this.checks();
    const fields = this.fieldNames();
    const states = fields.map((field) => checks[field].state);
    const shown = fields.find((field) => this.errorFor(field, checks[field]));
    const error = shown ? checks[shown].error : undefined;
    return {
      empty: states.every((s) => s === 'empty'),
      complete: states.every((s) => s === 'complete'),
      brand: this.brand(),
      error: shown && error ? { code: error.code, message: this.message(shown, checks[shown]) } : undefined,
    };
  }

  /** Marks every field as judged; returns the first problem, or null when the form can be tokenized. */
  validateAll(): TokenError | null {
    this.touched = new Set(this.fieldNames());
    this.announce();
    const checks = this.checks();
    const failing = this.fieldNames().find((field) => checks[field].state !== 'complete');
    const error = failing && checks[failing].error;
    return error
      ? {
          type: 'validation_error',
          code: error.code,
          message: this.message(failing, checks[failing]),
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
    return invalid ? { error: invalid } : { params: this.tokenParams(extra) };
  }

  /** Reports the state again, unchanged but for its words (after a language change). */
  reportState(): void {
    this.announce();
  }

  clear(): void {
    this.resetValues();
    this.touched = new Set();
    this.announce(true);
  }

  focusFirst(): void {
    const first = this.renderRoot.querySelector<HTMLElement>('tf-text-field, tf-select-field');
    first?.focus();
  }

  protected handleBlur(field: Field): void {
    this.touched = new Set(this.touched).add(field);
    this.announce();
  }

  /** Reports the state; `edited` when a value changed (the host then drops a token made from the old values). */
  protected announce(edited = false): void {
    this.dispatchEvent(new CustomEvent<FormChange>('form-change', { detail: { ...this.summary(), edited } }));
  }
}

export type FormChange = ChangeDetail & { edited: boolean };

declare global {
  interface HTMLElementEventMap {
    'form-change': CustomEvent<FormChange>;
  }
}
