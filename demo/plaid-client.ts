/**
 * The few Plaid calls the demo merchant makes, as plain JSON `fetch`es to a
 * Plaid-compatible API (tokenframe's sandbox under `/plaid`, or Plaid's own
 * sandbox). Credentials go in Plaid's headers, so bodies hold only the call's
 * parameters.
 */
export interface PlaidClientOptions {
  /** e.g. `http://127.0.0.1:4242/plaid` or `https://sandbox.plaid.com`. */
  baseUrl: string;
  clientId: string;
  secret: string;
}

export interface PlaidAccount {
  account_id: string;
  name: string;
  mask: string | null;
  subtype: string | null;
}

/** Plaid's error object; `display_message` is meant for the end user when Plaid gives one. */
export class PlaidApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly displayMessage: string | null,
  ) {
    super(message);
    this.name = 'PlaidApiError';
  }
}

export function plaidClient({ baseUrl, clientId, secret }: PlaidClientOptions) {
  const call = async <T>(path: string, body: Record<string, unknown>): Promise<T> => {
    const response = await fetch(new URL(path, `${baseUrl.replace(/\/$/, '')}/`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'plaid-client-id': clientId, 'plaid-secret': secret },
      body: JSON.stringify(body),
    });
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      const text = (key: string) => (typeof json[key] === 'string' ? (json[key] as string) : null);
      throw new PlaidApiError(
        response.status,
        text('error_code') ?? 'UNKNOWN',
        text('error_message') ?? `Plaid answered ${response.status}`,
        text('display_message'),
      );
    }
    return json as T;
  };

  return {
    /** What Plaid Link hands back after the user logs in, made directly (sandbox only). */
    sandboxPublicTokenCreate: (institutionId: string, username: string, password: string) =>
      call<{ public_token: string }>('sandbox/public_token/create', {
        institution_id: institutionId,
        initial_products: ['auth'],
        options: { override_username: username, override_password: password },
      }),
    exchangePublicToken: (publicToken: string) =>
      call<{ access_token: string; item_id: string }>('item/public_token/exchange', { public_token: publicToken }),
    getAccounts: (accessToken: string) =>
      call<{ accounts: PlaidAccount[]; item: { institution_name?: string } }>('accounts/get', {
        access_token: accessToken,
      }),
    createStripeBankAccountToken: (accessToken: string, accountId: string) =>
      call<{ stripe_bank_account_token: string }>('processor/stripe/bank_account_token/create', {
        access_token: accessToken,
        account_id: accountId,
      }),
  };
}

export type PlaidClient = ReturnType<typeof plaidClient>;
