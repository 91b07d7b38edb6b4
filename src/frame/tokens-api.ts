import type { Token, TokenError } from '../protocol/messages';

export type CreateTokenResult = { token: Token } | { error: TokenError };

const connectionError: TokenError = {
  type: 'api_connection_error',
  code: 'network_error',
  message: 'Could not reach the payment service. Check your connection and try again.',
};

/**
 * POSTs to `/v1/tokens` on the frame's own origin. A network failure is
 * retried once with the same Idempotency-Key, so a request that did reach the
 * service cannot create a second token.
 */
export async function createToken(publishableKey: string, params: Record<string, string>): Promise<CreateTokenResult> {
  const idempotencyKey = crypto.randomUUID();
  for (let attempt = 0; attempt < 2; attempt++) {
    let response: Response;
    try {
      response = await fetch('/v1/tokens', {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${publishableKey}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          'Idempotency-Key': idempotencyKey,
        },
        body: new URLSearchParams(params),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      continue;
    }
    return readResponse(response);
  }
  return { error: connectionError };
}

async function readResponse(response: Response): Promise<CreateTokenResult> {
  let body: { error?: TokenError } & Partial<Token>;
  try {
    body = await response.json();
  } catch {
    return { error: { type: 'api_error', message: `The payment service answered ${response.status}.` } };
  }
  if (response.ok && typeof body.id === 'string') return { token: body as Token };
  return { error: body.error ?? { type: 'api_error', message: `The payment service answered ${response.status}.` } };
}
