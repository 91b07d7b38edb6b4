import { LitElement, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { textFieldStyles } from './text-field.styles';

export interface FieldInputDetail {
  value: string;
  /** True when the edit removed characters, so formatting must not re-add them. */
  deleting: boolean;
}

/**
 * One labelled input with its error line, shared by every field kind. The
 * parent owns the value (it formats it) and the error text.
 *
 * @event field-input - `detail: FieldInputDetail` on every edit.
 * @event field-blur - Focus left the input.
 */
@customElement('tf-text-field')
export class TextField extends LitElement {
  static override styles = textFieldStyles;

  /** Visible label, also the input's accessible name. */
  @property() label = '';
  /** Shown after the label, e.g. the detected card brand. */
  @property() suffix = '';
  @property() value = '';
  /** The error message to show; empty when the field is fine or not yet judged. */
  @property() error = '';
  @property() autocomplete = 'off';
  @property() inputmode: 'numeric' | 'text' = 'text';
  @property() placeholder = '';
  @property({ type: Number }) maxlength = 64;
  @property({ type: Boolean }) disabled = false;
  /** `password` masks what is typed (ID numbers until the customer asks to see them). */
  @property() type: 'text' | 'password' = 'text';

  @query('input') private input!: HTMLInputElement;

  override focus(): void {
    this.input?.focus();
  }

  /** Whether the caret sits in this field. */
  get hasFocus(): boolean {
    return this.shadowRoot?.activeElement === this.input;
  }

  override render() {
    return html`
      <div class="label-row">
        <label for="input">${this.label}</label>
        <span id="suffix" class="suffix">${this.suffix}</span>
      </div>
      <input
        id="input"
        type=${this.type}
        .value=${live(this.value)}
        autocomplete=${this.autocomplete}
        inputmode=${this.inputmode}
        placeholder=${this.placeholder}
        maxlength=${this.maxlength}
        spellcheck="false"
        ?disabled=${this.disabled}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby="suffix error"
        @input=${this.handleInput}
        @blur=${this.handleBlur}
      />
      <div id="error" class="error" role="alert">${this.error}</div>
    `;
  }

  private handleInput(event: InputEvent): void {
    const deleting = event.inputType?.startsWith('delete') ?? false;
    this.dispatchEvent(
      new CustomEvent<FieldInputDetail>('field-input', { detail: { value: this.input.value, deleting } }),
    );
  }

  private handleBlur(): void {
    this.dispatchEvent(new CustomEvent('field-blur'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tf-text-field': TextField;
  }
}
