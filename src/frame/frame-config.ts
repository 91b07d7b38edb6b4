/**
 * What the service tells the frame about itself: the publishable key comes in
 * the page URL; the key's allowed origins (who may embed the frame) and font
 * origins (where `fonts` may load from) are injected by the service as a
 * `<meta name="tokenframe-config">` tag (inline scripts are forbidden by CSP).
 */
export interface FrameConfig {
  publishableKey: string;
  allowedOrigins: string[];
  fontOrigins: string[];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function readFrameConfig(): FrameConfig {
  const publishableKey = new URLSearchParams(location.search).get('key') ?? '';
  const meta = document.querySelector<HTMLMetaElement>('meta[name="tokenframe-config"]');
  let parsed: { allowedOrigins?: unknown; fontOrigins?: unknown } = {};
  try {
    parsed = JSON.parse(meta?.content ?? '{}') ?? {};
  } catch {
    // A page without a readable config accepts no host at all, and no font.
  }
  return { publishableKey, allowedOrigins: strings(parsed.allowedOrigins), fontOrigins: strings(parsed.fontOrigins) };
}
