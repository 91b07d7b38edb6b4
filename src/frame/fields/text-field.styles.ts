import { css } from 'lit';

/**
 * The fields' look, written against the documented class names (`.Input`,
 * `.Label`, `.Error`) and the `--tf-*` custom properties that the
 * appearance variables set, so a merchant's rule for `.Input:focus` meets ours
 * at the same specificity and, coming later, wins.
 */
export const textFieldStyles = css`
  /* A column whose label grows: beside a label that wraps ("Confirmez le numéro de compte"), the inputs of a row still line up. */
  :host {
    display: flex;
    flex-direction: column;
    flex: 1 1 0;
    min-width: 0;
    font: inherit;
  }
  .label-row {
    display: flex;
    flex: 1 0 auto;
    align-items: flex-end;
    justify-content: space-between;
    font-size: calc(var(--tf-font-size, 1rem) * 0.8125);
    margin-block-end: var(--tf-spacing, 0.25rem);
  }
  .Label {
    color: var(--tf-label-color, #30313d);
  }
  .suffix {
    color: var(--tf-muted-color, #6b7280);
  }
  .Input {
    box-sizing: border-box;
    width: 100%;
    font: inherit;
    font-size: var(--tf-font-size, 1rem);
    font-weight: var(--tf-font-weight, 400);
    padding: calc(var(--tf-spacing, 0.25rem) * 2.5) calc(var(--tf-spacing, 0.25rem) * 3);
    border: 1px solid var(--tf-border-color, #878c95);
    border-radius: var(--tf-radius, 6px);
    background: var(--tf-input-background, #fff);
    color: var(--tf-text-color, #30313d);
    color-scheme: var(--tf-input-color-scheme, normal);
    /* Transparent, not none: forced-colors mode draws it, where box-shadow is dropped. */
    outline: 2px solid transparent;
    outline-offset: 1px;
    transition:
      border-color 0.15s,
      box-shadow 0.15s;
  }
  .Input::placeholder {
    color: var(--tf-placeholder-color, #757575);
  }
  .Input:focus {
    border-color: var(--tf-focus-color, #0570de);
    outline-color: var(--tf-focus-color, #0570de);
    box-shadow: var(--tf-focus-box-shadow, none);
  }
  .Input--invalid {
    border-color: var(--tf-danger-color, #df1b41);
  }
  .Input--invalid:focus {
    outline-color: var(--tf-danger-color, #df1b41);
  }
  .Input:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  /* Read-only: marked as not editable like disabled, but at full contrast, so the value stays readable (and selectable). */
  .Input[readonly] {
    border-style: dashed;
  }
  .Error {
    min-height: calc(var(--tf-font-size, 1rem) * 1.1);
    font-size: calc(var(--tf-font-size, 1rem) * 0.8125);
    color: var(--tf-danger-color, #df1b41);
    margin-block-start: var(--tf-spacing, 0.25rem);
    text-align: start;
  }
  /* Visually hidden (hide-label, single-line), still the input's accessible name. */
  :host([hide-label]) .label-row,
  :host([compact]) .label-row {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  /* Single line: the fields' boxes become items of the form's row (document-styles.ts lets it wrap). The first (the
     card number) takes the spare width and at least 40%, the others share the rest up to 5.5em each (at
     320 px each still shows a CVC, at 430 px an MM / YY); the errors wrap below the row, one line each. */
  :host([compact]) {
    display: contents;
  }
  .box {
    position: relative;
  }
  :host([compact]) .box {
    flex: 9 1 0;
    max-width: 5.5em;
  }
  :host([compact]:first-child) .box {
    flex: 1 0 40%;
    max-width: none;
  }
  :host([compact]) .Input {
    padding-inline: calc(var(--tf-spacing, 0.25rem) * 1.5);
  }
  :host([compact]) .Error {
    order: 1;
    flex-basis: 100%;
  }
  :host([compact]) .Error:empty {
    min-height: 0;
    margin: 0;
  }
  /* The brand icon, at the input's left (card numbers read left to right); solid: outlined, in one colour.
     (:host: its input's padding wins over the single line's.) */
  .icon {
    position: absolute;
    top: calc(50% - 0.5em);
    left: calc(var(--tf-spacing, 0.25rem) * 3);
    width: 1.5em;
    height: 1em;
    color: var(--tf-muted-color, #6b7280);
    pointer-events: none;
  }
  :host .icon + .Input {
    padding-left: calc(var(--tf-spacing, 0.25rem) * 5 + 1.5em);
  }
  .icon text {
    font: 700 6.5px sans-serif;
    text-anchor: middle;
  }
  .solid * {
    fill: currentColor;
  }
  .solid rect {
    fill: none;
    stroke: currentColor;
  }
  /* Numbers stay left to right in a right-to-left page, but start where its text starts. */
  :host(:dir(rtl)) input[dir='ltr'] {
    text-align: right;
  }
`;
