/**
 * Allowed origins end up inside a CSP header and are compared with
 * `MessageEvent.origin`, so they are reduced to the exact `scheme://host[:port]`
 * form and anything else is refused early.
 */
function normalizeOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`Not a valid origin: ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`An allowed origin must use http or https: ${value}`);
  }
  return url.origin;
}

export function normalizeOrigins(values: Iterable<string>): string[] {
  return [...new Set([...values].map(normalizeOrigin))];
}
