/**
 * Where the frames live. In order: the element's `origin` attribute, the
 * origin given to `configure()`, and the origin the loader script itself was
 * served from (the usual case: `<script src="https://vault.example/v1/tokenframe.js">`,
 * or the versioned `…/v1/loader/tokenframe-0.1.0-….js` a page pins with `integrity`:
 * only the script's origin counts, never its path, so every URL the service
 * serves the loader at works).
 */
let configuredOrigin: string | undefined;
let configuredKey: string | undefined;

// No `document` when a server renders a page that imports the ES module; an SVG script has no `src`.
const scriptSource = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null)?.src : '';
const scriptOrigin = scriptSource ? new URL(scriptSource).origin : undefined;

export interface TokenframeConfig {
  /** The tokenization service's origin, e.g. `https://vault.example`. */
  origin?: string;
  /** The publishable key `createToken('account' | 'person', …)` uses. */
  publishableKey?: string;
}

export function configure(config: TokenframeConfig): void {
  if (config.origin) configuredOrigin = new URL(config.origin).origin;
  if (config.publishableKey) configuredKey = config.publishableKey;
}

export function configuredPublishableKey(): string | undefined {
  return configuredKey;
}

export function tokenizationOrigin(attribute: string | null): string | undefined {
  const origin = attribute || configuredOrigin || scriptOrigin;
  return origin ? new URL(origin).origin : undefined;
}
