import { css } from 'lit';

const documentStyles = css`
  html,
  body {
    background: transparent;
    font:
      16px system-ui,
      sans-serif;
  }
  body {
    margin: 0;
    padding: 3px;
  }
  /* A single-line card's row (card-form.ts): its fields' errors wrap below it. */
  ::part(single) {
    flex-wrap: wrap;
    gap: 0 calc(var(--tf-spacing, 0.25rem) * 1.5);
  }
`;

/**
 * The frame document's own few rules, adopted by the script rather than linked
 * from the page: a linked stylesheet is one more request, and the page's
 * module scripts wait for it before they run. A constructed sheet is not
 * inline style, so the CSP stays `style-src 'self'`.
 */
export function adoptDocumentStyles(): void {
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, documentStyles.styleSheet!];
}
