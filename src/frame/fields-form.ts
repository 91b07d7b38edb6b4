import { LitElement, css, type CSSResultGroup } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ChangeDetail, FrameOptions, TokenError } from '../protocol/messages';
import type { FieldCheck } from '../validation/card';
import { appearanceSheet } from './appearance-sheet';

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

  protected errorFor(field: Field, check: FieldCheck): string {
    const judged = check.state === 'invalid' || (this.touched.has(field) && check.state !== 'complete');
    return judged ? (check.error?.message ?? '') : '';
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
      error: error ? { code: error.code, message: error.message } : undefined,
    };
  }

  /** Marks every field as judged; returns the first problem, or null when the form can be tokenized. */
  validateAll(): TokenError | null {
    this.touched = new Set(this.fieldNames());
    this.announce();
    const checks = this.checks();
    const failing = this.fieldNames().find((field) => checks[field].state !== 'complete');
    const error = failing && checks[failing].error;
    return error ? { type: 'validation_error', code: error.code, message: error.message, param: error.param } : null;
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
