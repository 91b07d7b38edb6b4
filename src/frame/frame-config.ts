/**
 * What the service tells the frame about itself: the publishable key comes in
 * the page URL; the key's allowed origins are injected by the service as a
 * `<meta name="tokenframe-config">` tag (inline scripts are forbidden by CSP).
 */
export interface FrameConfig {
  publishableKey: string;
  allowedOrigins: string[];
}

export function readFrameConfig(): FrameConfig {
  const publishableKey = new URLSearchParams(location.search).get('key') ?? '';
  const meta = document.querySelector<HTMLMetaElement>('meta[name="tokenframe-config"]');
  let allowedOrigins: string[] = [];
  try {
    const parsed: unknown = JSON.parse(meta?.content ?? '{}');
    const origins = (parsed as { allowedOrigins?: unknown }).allowedOrigins;
    if (Array.isArray(origins)) allowedOrigins = origins.filter((o): o is string => typeof o === 'string');
  } catch {
    // A page without a readable config accepts no host at all.
  }
  return { publishableKey, allowedOrigins };
}
