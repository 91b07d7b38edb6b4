import { LitElement, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { appearanceSheet } from '../appearance-sheet';
import type { FieldInputDetail } from './text-field';
import { textFieldStyles } from './text-field.styles';

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * A labelled choice among a few options (e.g. individual / company), styled
 * like the text fields.
 *
 * @event field-input - `detail: FieldInputDetail` when the choice changes.
 */
@customElement('tf-select-field')
export class SelectField extends LitElement {
  static override styles = [textFieldStyles, appearanceSheet];

  @property() label = '';
  @property() value = '';
  @property({ attribute: false }) options: SelectOption[] = [];
  @property({ type: Boolean }) disabled = false;

  @query('select') private select!: HTMLSelectElement;

  override focus(): void {
    this.select?.focus();
  }

  override render() {
    return html`
      <div class="label-row"><label class="Label" for="select">${this.label}</label></div>
      <select id="select" class="Input" ?disabled=${this.disabled} @change=${this.handleChange}>
        ${this.options.map(
          (option) =>
            html`<option value=${option.value} ?selected=${option.value === this.value}>${option.label}</option>`,
        )}
      </select>
      <div class="Error"></div>
    `;
  }

  private handleChange(): void {
    const detail: FieldInputDetail = { value: this.select.value, deleting: false };
    this.dispatchEvent(new CustomEvent('field-input', { detail }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tf-select-field': SelectField;
  }
}
