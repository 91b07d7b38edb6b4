/** Escapes text for use in HTML content and in double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Inserts markup just before `</head>` (or at the top when a page has none). */
export function injectIntoHead(html: string, markup: string): string {
  const at = html.search(/<\/head>/i);
  return at === -1 ? markup + html : html.slice(0, at) + markup + html.slice(at);
}
