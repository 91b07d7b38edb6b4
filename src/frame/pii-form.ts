import { css, html, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { FieldCheck } from '../validation/card';
import { checkIdNumber, formatSsn, idNumberTypeFor, normalizeIdNumber, type IdNumberType } from '../validation/pii';
import { appearanceSheet } from './appearance-sheet';
import { FieldsForm } from './fields-form';
import { asciiDigits, digitsOnly, normalizeTyped } from './format';
import type { FieldInputDetail } from './fields/text-field';
import { pii as piiKind } from '../kinds/element-kinds';

/**
 * One ID number: a US SSN or ITIN formatted `XXX-XX-XXXX`, or a generic
 * national ID for other countries. Masked until the customer asks to see it.
 */
export class PiiForm extends FieldsForm<'idNumber'> {
  static override properties: PropertyDeclarations = {
    revealed: { state: true },
  };

  static override styles = [
    FieldsForm.styles,
    css`
      .Tab {
        font: inherit;
        font-size: calc(var(--tf-font-size, 1rem) * 0.8125);
        color: var(--tf-focus-color, #0570de);
        background: none;
        border: 0;
        padding: 0.125rem 0.25rem;
        margin-inline-end: -0.25rem;
        border-radius: 4px;
        cursor: pointer;
        outline: 2px solid transparent;
        outline-offset: 1px;
      }
      .Tab:focus-visible {
        outline-color: var(--tf-focus-color, #0570de);
      }
      .Tab--selected {
        text-decoration: underline;
        text-underline-offset: 0.2em;
      }
      .Tab::before {
        /* The state is aria-pressed; the mark is only for sighted users. */
        content: '' / '';
      }
      .Tab--selected::before {
        content: '✓ ' / '';
      }
      .Tab:disabled {
        cursor: not-allowed;
        opacity: 0.6;
      }
      .wrap {
        display: flex;
        flex-direction: column;
        align-items: flex-end;
      }
      tf-text-field {
        width: 100%;
      }
    `,
    // Again, last: the merchant's .Tab rules come after the toggle's own.
    appearanceSheet,
  ];

  readonly extraFields = [] as const;
  protected readonly kind = piiKind;

  /** SSN or ITIN (US, formatted `XXX-XX-XXXX`) or a generic ID, from the options. */
  private idType: IdNumberType = 'ssn';
  private revealed = false;

  protected emptyValues(): Record<'idNumber', string> {
    return { idNumber: '' };
  }

  protected fieldNames(): 'idNumber'[] {
    return ['idNumber'];
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('options')) this.idType = idNumberTypeFor(this.options.country || 'US', this.options.idType);
    super.willUpdate(changed);
  }

  protected check(): Record<'idNumber', FieldCheck> {
    return { idNumber: checkIdNumber(this.values.idNumber, this.idType) };
  }

  tokenParams(): Record<string, string> {
    return { 'pii[id_number]': normalizeIdNumber(this.values.idNumber) };
  }

  override clear(): void {
    super.clear();
    this.revealed = false;
  }

  override render() {
    const us = this.idType !== 'id';
    const t = this.localize.t.pii;
    return html`<div class="wrap">
      ${this.renderField('idNumber', {
        label: t[this.idType],
        ltr: true,
        last: true,
        masked: !this.revealed,
        inputmode: us ? 'numeric' : 'text',
        placeholder: us ? '000-00-0000' : '',
        maxlength: us ? 11 : 24,
        format: us ? formatUsNumber : formatIdNumber,
      })}
      <!-- A toggle button: its name stays put and aria-pressed says whether the number shows. -->
      <button
        class=${this.revealed ? 'Tab Tab--selected' : 'Tab'}
        type="button"
        aria-pressed=${this.revealed ? 'true' : 'false'}
        ?disabled=${this.disabled}
        @click=${() => (this.revealed = !this.revealed)}
      >
        ${t.showNumber}
      </button>
    </div>`;
  }
}

/** An SSN or ITIN: typing past a dash adds it; deleting leaves the dash for the next key. */
function formatUsNumber({ value, deleting }: FieldInputDetail): string {
  return deleting ? asciiDigits(value).replace(/[^\d-]/g, '') : formatSsn(digitsOnly(value).slice(0, 9));
}

/** A national ID: capitals, digits, spaces and dashes. */
function formatIdNumber({ value }: FieldInputDetail): string {
  return normalizeTyped(value)
    .toUpperCase()
    .replace(/[^A-Z0-9 -]/g, '');
}

customElements.define('tf-pii-form', PiiForm);

declare global {
  interface HTMLElementTagNameMap {
    'tf-pii-form': PiiForm;
  }
}
