import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import { live } from 'lit/directives/live.js';
import { appearanceSheet } from '../appearance-sheet';
import { textFieldStyles } from './text-field.styles';

export interface FieldInputDetail {
  value: string;
  /** True when the edit removed characters, so formatting must not re-add them. */
  deleting: boolean;
}

/**
 * One labelled input with its error line, shared by every field kind. The
 * parent owns the value (it formats it) and the error text. Attributes for
 * the layout, set by the form: `hide-label` hides the label but for assistive
 * technology; `compact` makes the field part of a single-line row.
 *
 * @event field-input - `detail: FieldInputDetail` on every edit.
 * @event field-blur - Focus left the input.
 */
export class TextField extends LitElement {
  static override properties: PropertyDeclarations = {
    label: {},
    suffix: {},
    icon: { attribute: false },
    value: {},
    error: {},
    autocomplete: {},
    inputmode: {},
    placeholder: {},
    maxlength: { type: Number },
    disabled: { type: Boolean },
    complete: { type: Boolean },
    readonly: { type: Boolean },
    type: {},
    ltr: { type: Boolean },
    enterkeyhint: {},
  };

  static override styles = [textFieldStyles, appearanceSheet];

  /** Visible label, also the input's accessible name. */
  label = '';
  /** Shown after the label, e.g. the detected card brand. */
  suffix = '';
  /** Drawn inside the input at its start: the card's brand icon (fields/brand-icons.ts). */
  icon: unknown = null;
  value = '';
  /** The error message to show; empty when the field is fine or not yet judged. */
  error = '';
  autocomplete = 'off';
  inputmode: 'numeric' | 'text' = 'text';
  placeholder = '';
  maxlength = 64;
  disabled = false;
  /** The value is valid: Stripe's `complete` style variant applies (`.Input--complete`). */
  complete = false;
  /** Shows the value but refuses edits (Stripe's `readOnly`). */
  readonly = false;
  /** `password` masks what is typed (ID numbers until the customer asks to see them). */
  type: 'text' | 'password' = 'text';
  /** Numbers and codes read left to right even in a right-to-left language. */
  ltr = false;
  /** The mobile keyboard's Enter key: `next` moves on, `done` on the last field. */
  enterkeyhint: 'next' | 'done' = 'next';

  private get input(): HTMLInputElement {
    return this.renderRoot.querySelector('input') as HTMLInputElement;
  }

  /** Letters and digits before the caret at the last edit, or null when the caret was at the end. */
  private caretChars: number | null = null;

  override focus(): void {
    this.input?.focus();
  }

  /** Whether the caret sits in this field. */
  get hasFocus(): boolean {
    return this.shadowRoot?.activeElement === this.input;
  }

  // The error line is always present, so a message put into it is announced; empty, it is silent.
  override render() {
    return html`
      <div class="label-row">
        <label class="Label" for="input">${this.label}</label>
        <span id="suffix" class="suffix">${this.suffix}</span>
      </div>
      <div class="box">
        ${this.icon}
        <input
          id="input"
          class=${
            this.error
              ? 'Input Input--invalid'
              : this.complete
                ? 'Input Input--complete'
                : this.value
                  ? 'Input'
                  : 'Input Input--empty'
          }
          type=${this.type}
          dir=${this.ltr ? 'ltr' : nothing}
          .value=${live(this.value)}
          autocomplete=${this.autocomplete}
          inputmode=${this.inputmode}
          enterkeyhint=${this.enterkeyhint}
          placeholder=${this.placeholder}
          maxlength=${this.maxlength}
          spellcheck="false"
          ?disabled=${this.disabled}
          ?readonly=${this.readonly}
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-describedby=${this.suffix ? 'error suffix' : 'error'}
          @input=${this.handleInput}
          @blur=${this.handleBlur}
        />
      </div>
      <div id="error" class="Error" role="alert" aria-atomic="true">${this.error}</div>
    `;
  }

  /**
   * The parent reformats what was typed (spaces, dashes, ` / `), which moves
   * the caret to the end. Put it back after the same number of letters and
   * digits, so editing in the middle of a number works.
   */
  protected override updated(): void {
    const chars = this.caretChars;
    this.caretChars = null;
    if (chars === null || !this.hasFocus) return;
    let index = 0;
    for (let seen = 0; index < this.input.value.length && seen < chars; index++) {
      if (/[\p{L}\p{Nd}]/u.test(this.input.value[index])) seen++;
    }
    this.input.setSelectionRange(index, index);
  }

  private handleInput(event: InputEvent): void {
    const { value, selectionStart } = this.input;
    this.caretChars =
      selectionStart === null || selectionStart >= value.length
        ? null
        : value.slice(0, selectionStart).replace(/[^\p{L}\p{Nd}]/gu, '').length;
    const deleting = event.inputType?.startsWith('delete') ?? false;
    this.dispatchEvent(
      new CustomEvent<FieldInputDetail>('field-input', { detail: { value: this.input.value, deleting } }),
    );
    // Re-render even when the parent's formatted value did not change (a letter typed into a number field),
    // so the input shows the parent's value, not the refused keystroke.
    this.requestUpdate();
  }

  private handleBlur(): void {
    this.dispatchEvent(new CustomEvent('field-blur'));
  }
}

customElements.define('tf-text-field', TextField);

declare global {
  interface HTMLElementTagNameMap {
    'tf-text-field': TextField;
  }
}
