import type { DataTokenKind } from '../protocol/messages';
import { FrameConnection, invalidRequest, type TokenizeResult } from './frame-connection';
import { configuredPublishableKey, tokenizationOrigin } from './origin';
import { TokenframeElement } from './tokenframe-element';

let tokensFrame: FrameConnection | null | undefined;

/**
 * Stripe.js-style token creation.
 * - `createToken(element, extra?)` tokenizes what the customer typed into an element.
 * - `createToken('account' | 'person', data)` wraps data the merchant collected
 *   itself (Stripe's account and person token parameters). It travels through a
 *   hidden frame on the tokenization origin, with the same key and origin
 *   checks, so the page needs no CORS set-up. Call `configure({publishableKey})` first.
 *
 * Never rejects: resolves with `{token}` or `{error}`.
 */
export function createToken(element: TokenframeElement, extra?: Record<string, string>): Promise<TokenizeResult>;
export function createToken(kind: DataTokenKind, data: Record<string, unknown>): Promise<TokenizeResult>;
export async function createToken(
  target: TokenframeElement | DataTokenKind,
  data: Record<string, unknown> = {},
): Promise<TokenizeResult> {
  if (target instanceof TokenframeElement) return target.tokenize(data as Record<string, string>);
  if (target !== 'account' && target !== 'person') {
    return { error: invalidRequest('parameter_invalid', `createToken() cannot create "${String(target)}" tokens.`) };
  }
  const origin = tokenizationOrigin(null);
  const publishableKey = configuredPublishableKey();
  if (!origin || !publishableKey?.startsWith('pk_')) {
    return { error: invalidRequest('element_misconfigured', 'Call configure({ publishableKey: "pk_test_…" }) first.') };
  }
  tokensFrame ??= mountTokensFrame(origin, publishableKey);
  return tokensFrame.createToken(target, data);
}

function mountTokensFrame(origin: string, publishableKey: string): FrameConnection {
  const connection = new FrameConnection({
    page: 'tokens',
    origin,
    publishableKey,
    settings: () => ({ options: {} }),
    onMessage: () => undefined,
    onUnavailable: () => {
      // The next call gets a fresh frame rather than the same failure forever.
      tokensFrame = null;
    },
  });
  // Inline, so no page style shows it (`hidden` loses to any `iframe {display: …}` of the page's). Not displayed,
  // it is neither focusable nor in the accessibility tree.
  connection.iframe.style.display = 'none';
  document.body.append(connection.iframe);
  return connection;
}
