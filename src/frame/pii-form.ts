import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { FrameOptions } from '../protocol/messages';
import type { FieldCheck } from '../validation/card';
import { checkIdNumber, formatSsn, idNumberTypeFor, normalizeIdNumber, type IdNumberType } from '../validation/pii';
import { appearanceSheet } from './appearance-sheet';
import { FieldsForm } from './fields-form';
import { asciiDigits, digitsOnly, normalizeTyped } from './format';
import type { FieldInputDetail } from './fields/text-field';
import './fields/text-field';

/**
 * One ID number: a US SSN or ITIN formatted `XXX-XX-XXXX`, or a generic
 * national ID for other countries. Masked until the customer asks to see it.
 */
@customElement('tf-pii-form')
export class PiiForm extends FieldsForm<'idNumber'> {
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

  @state() private idNumber = '';
  @state() private idType: IdNumberType = 'ssn';
  @state() private revealed = false;

  applyOptions(options: FrameOptions): void {
    this.idType = idNumberTypeFor(options.country || 'US', options.idType);
    this.disabled = Boolean(options.disabled);
  }

  protected fieldNames(): 'idNumber'[] {
    return ['idNumber'];
  }

  protected checks(): Record<'idNumber', FieldCheck> {
    return { idNumber: checkIdNumber(this.idNumber, this.idType) };
  }

  override documentTitle(): string {
    return this.localize.t.titles.pii;
  }

  tokenParams(): Record<string, string> {
    return { 'pii[id_number]': normalizeIdNumber(this.idNumber) };
  }

  protected resetValues(): void {
    this.idNumber = '';
    this.revealed = false;
  }

  override render() {
    const us = this.idType !== 'id';
    const t = this.localize.t.pii;
    return html`<div class="wrap">
      <tf-text-field
        label=${t[this.idType]}
        ltr
        type=${this.revealed ? 'text' : 'password'}
        .value=${this.idNumber}
        .error=${this.errorFor('idNumber', this.checks().idNumber)}
        autocomplete="off"
        inputmode=${us ? 'numeric' : 'text'}
        enterkeyhint="done"
        placeholder=${us ? '000-00-0000' : ''}
        maxlength=${us ? 11 : 24}
        ?disabled=${this.disabled}
        @field-input=${(e: CustomEvent<FieldInputDetail>) => this.handleInput(e.detail)}
        @field-blur=${() => this.handleBlur('idNumber')}
      ></tf-text-field>
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

  private handleInput({ value, deleting }: FieldInputDetail): void {
    if (this.idType === 'id') {
      this.idNumber = normalizeTyped(value)
        .toUpperCase()
        .replace(/[^A-Z0-9 -]/g, '');
    } else {
      const digits = digitsOnly(value).slice(0, 9);
      // Typing past a dash adds it; deleting leaves the dash for the next key.
      this.idNumber = deleting ? asciiDigits(value).replace(/[^\d-]/g, '') : formatSsn(digits);
    }
    this.announce(true);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tf-pii-form': PiiForm;
  }
}
