import { readFrameConfig } from './frame-config';
import { listenForHost } from './host-channel';
import { createToken } from './tokens-api';

/**
 * Entry point of `/frame/v1/tokens.html`, the hidden frame behind
 * `createToken('account' | 'person', data)`. The merchant page hands it the
 * data over the private port; it posts to `/v1/tokens` on this origin with the
 * publishable key, so the merchant page needs no CORS set-up.
 */
const config = readFrameConfig();

const channel = listenForHost(
  config.allowedOrigins,
  () => channel.send({ type: 'ready' }),
  async (message) => {
    if (message.type !== 'create-token') return;
    const params = toBracketParams({ [message.kind]: message.data });
    channel.send({
      type: 'result',
      requestId: message.requestId,
      ...(await createToken(config.publishableKey, params)),
    });
  },
);

/** `{ account: { individual: { dob: { day: 1 } } } }` → `account[individual][dob][day]=1`. */
function toBracketParams(value: unknown, prefix = '', into: Record<string, string> = {}): Record<string, string> {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) toBracketParams(inner, prefix ? `${prefix}[${key}]` : key, into);
  } else if (value !== undefined && value !== null) {
    into[prefix] = String(value);
  }
  return into;
}
