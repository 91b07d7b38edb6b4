import { LitElement, html, type PropertyDeclarations } from 'lit';
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
export class SelectField extends LitElement {
  static override properties: PropertyDeclarations = {
    label: {},
    value: {},
    options: { attribute: false },
    disabled: { type: Boolean },
  };

  static override styles = [textFieldStyles, appearanceSheet];

  label = '';
  value = '';
  options: SelectOption[] = [];
  disabled = false;

  private get select(): HTMLSelectElement {
    return this.renderRoot.querySelector('select') as HTMLSelectElement;
  }

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

customElements.define('tf-select-field', SelectField);

declare global {
  interface HTMLElementTagNameMap {
    'tf-select-field': SelectField;
  }
}
