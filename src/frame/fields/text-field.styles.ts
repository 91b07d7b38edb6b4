import { css } from 'lit';

export const textFieldStyles = css`
  :host {
    display: block;
    flex: 1 1 0;
    min-width: 0;
    font: inherit;
  }
  .label-row {
    display: flex;
    justify-content: space-between;
    font-size: 0.8125rem;
    margin-block-end: 0.25rem;
  }
  label {
    color: var(--tf-label-color, #30313d);
  }
  .suffix {
    color: var(--tf-muted-color, #6b7280);
  }
  input,
  select {
    box-sizing: border-box;
    width: 100%;
    font: inherit;
    font-size: 1rem;
    padding: 0.625rem 0.75rem;
    border: 1px solid var(--tf-border-color, #878c95);
    border-radius: var(--tf-radius, 6px);
    background: var(--tf-input-background, #fff);
    color: var(--tf-text-color, #30313d);
    /* Transparent, not none: forced-colors mode draws it, where box-shadow is dropped. */
    outline: 2px solid transparent;
    outline-offset: 1px;
    transition:
      border-color 0.15s,
      box-shadow 0.15s;
  }
  input:focus,
  select:focus {
    border-color: var(--tf-focus-color, #0570de);
    outline-color: var(--tf-focus-color, #0570de);
  }
  input[aria-invalid='true'] {
    border-color: var(--tf-danger-color, #df1b41);
  }
  input[aria-invalid='true']:focus {
    outline-color: var(--tf-danger-color, #df1b41);
  }
  input:disabled,
  select:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .error {
    min-height: 1.1rem;
    font-size: 0.8125rem;
    color: var(--tf-danger-color, #df1b41);
    margin-block-start: 0.25rem;
    text-align: start;
  }
  /* Numbers stay left to right in a right-to-left page, but start where its text starts. */
  :host(:dir(rtl)) input[dir='ltr'] {
    text-align: right;
  }
`;
