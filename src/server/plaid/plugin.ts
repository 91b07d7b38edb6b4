import type { FastifyInstance } from 'fastify';
import { openSecret, sealSecret } from '../crypto';
import { plaidItemSealedAt } from '../storage/sealed-at';
import { resealValues } from '../storage/reseal';
import { openPlaidStore } from './store';
import type { Database } from '../storage';
import type { PlaidItemRecord } from '../storage/types';
import { issueToken } from '../tokens/issue';
import { checkPlaidCredentials, type PlaidCredentials } from './credentials';
import {
  invalidAccessToken,
  invalidAccountId,
  invalidBody,
  invalidCredentials,
  invalidInstitution,
  invalidPublicToken,
  registerPlaidErrorHandlers,
} from './errors';
import {
  hashPlaidToken,
  itemProducts,
  newAccessToken,
  newItemId,
  newPublicToken,
  openSandboxAccounts,
  publicTokenTtlSeconds,
  sandboxInstitutions,
  sandboxLogin,
  type BankNumbers,
  type PlaidAccount,
} from './sandbox';
import {
  accountsGetSchema,
  publicTokenCreateSchema,
  publicTokenExchangeSchema,
  stripeProcessorTokenSchema,
  type AccountsGetBody,
  type ProcessorTokenBody,
  type PublicTokenCreateBody,
  type PublicTokenExchangeBody,
} from './schemas';

/** Plaid bodies are a few short strings; anything near this is not a Plaid request. */
const plaidBodyLimit = 64 * 1024;

/** The open database the service's stores are in; the sandbox keeps its own store there. */

export interface PlaidSandboxOptions {
  credentials: PlaidCredentials;
  /** The tokenframe account whose vault receives the sandbox's bank tokens. */
  accountId: string;
  database: Database;
  /** How long an unused bank token can be used, in seconds (as for `POST /v1/tokens`). */
  tokenTtlSeconds: number;
}

/**
 * A Plaid-compatible sandbox: Link's outcome (`/sandbox/public_token/create`),
 * the token exchange, `/accounts/get`, and the Stripe processor token, which
 * puts a `btok_…` into this service's own vault so the Plaid → Stripe bank
 * flow runs end to end. Plaid speaks JSON, so this plugin swaps the service's
 * form parser for a JSON one, for its own routes only.
 */
export async function plaidSandbox(app: FastifyInstance, options: PlaidSandboxOptions): Promise<void> {
  const { credentials, accountId: sandboxAccountId, tokenTtlSeconds } = options;
  const { stores, secrets, clock } = app;
  const store = await openPlaidStore(options.database);
  // Items stored before values were bound to their rows are bound now (see prepareService).
  const { unreadable } = await resealValues(store, secrets.encryptionKeys, null);
  if (unreadable.length > 0) app.log.warn({ rows: unreadable }, 'stored values that do not open were left as they are');

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: plaidBodyLimit },
    app.getDefaultJsonParser('error', 'error'),
  );
  app.addContentTypeParser('*', { bodyLimit: plaidBodyLimit }, (_request, _payload, done) => {
    done(invalidBody('request bodies must be JSON, sent as Content-Type: application/json'), undefined);
  });
  registerPlaidErrorHandlers(app);
  // After parsing (the credentials may be in the body), before the body is validated.
  app.addHook('preValidation', async (request) => checkPlaidCredentials(request, credentials));

  async function itemFor(accessToken: string): Promise<PlaidItemRecord> {
    const item = await store.findPlaidItemByAccessToken(hashPlaidToken(accessToken));
    if (!item || item.accountId !== sandboxAccountId) throw invalidAccessToken();
    return item;
  }

  function numbersOf(item: PlaidItemRecord): Record<string, BankNumbers> {
    return openSecret(item.secret, secrets.encryptionKeys, plaidItemSealedAt(item)) as Record<string, BankNumbers>;
  }

  app.post<{ Body: PublicTokenCreateBody }>(
    '/sandbox/public_token/create',
    { schema: publicTokenCreateSchema },
    async (request) => {
      const { institution_id: institutionId, initial_products: products, options: login = {} } = request.body;
      if (!Object.hasOwn(sandboxInstitutions, institutionId)) throw invalidInstitution();
      const { override_username: username, override_password: password } = login;
      if (
        (username !== undefined && username !== sandboxLogin.username) ||
        (password !== undefined && password !== sandboxLogin.password)
      ) {
        throw invalidCredentials();
      }

      const created = clock.now();
      const { accounts, numbers } = openSandboxAccounts();
      const itemId = newItemId();
      const item: PlaidItemRecord = {
        itemId,
        accountId: sandboxAccountId,
        accessTokenHash: null,
        institutionId,
        accounts,
        products,
        secret: sealSecret(numbers, secrets, plaidItemSealedAt({ itemId, accountId: sandboxAccountId })),
        created,
      };
      await store.savePlaidItem(item);
      const publicToken = newPublicToken();
      await store.savePlaidPublicToken({
        tokenHash: hashPlaidToken(publicToken),
        itemId: item.itemId,
        expiresAt: created + publicTokenTtlSeconds,
      });
      return { public_token: publicToken, request_id: request.id };
    },
  );

  app.post<{ Body: PublicTokenExchangeBody }>(
    '/item/public_token/exchange',
    { schema: publicTokenExchangeSchema },
    async (request) => {
      const itemId = await store.takePlaidPublicToken(hashPlaidToken(request.body.public_token), clock.now());
      const item = itemId ? await store.getPlaidItem(itemId) : null;
      if (!item || item.accountId !== sandboxAccountId) throw invalidPublicToken();
      const accessToken = newAccessToken();
      await store.savePlaidItem({ ...item, accessTokenHash: hashPlaidToken(accessToken) });
      return { access_token: accessToken, item_id: item.itemId, request_id: request.id };
    },
  );

  app.post<{ Body: AccountsGetBody }>('/accounts/get', { schema: accountsGetSchema }, async (request) => {
    const item = await itemFor(request.body.access_token);
    return {
      accounts: item.accounts,
      item: {
        ...itemProducts(item.products),
        consent_expiration_time: null,
        error: null,
        institution_id: item.institutionId,
        institution_name: sandboxInstitutions[item.institutionId] ?? item.institutionId,
        item_id: item.itemId,
        update_type: 'background',
        webhook: null,
      },
      request_id: request.id,
    };
  });

  app.post<{ Body: ProcessorTokenBody }>(
    '/processor/stripe/bank_account_token/create',
    { schema: stripeProcessorTokenSchema },
    async (request) => {
      const { access_token: accessToken, account_id: accountId } = request.body;
      const item = await itemFor(accessToken);
      const account = (item.accounts as PlaidAccount[]).find((candidate) => candidate.account_id === accountId);
      const numbers = account ? numbersOf(item) : {};
      if (!account || !Object.hasOwn(numbers, accountId)) throw invalidAccountId();

      // Issued like `POST /v1/tokens` does, so the token, its fingerprint and its stored secret match exactly.
      const record = issueToken(
        'bank_account',
        {
          country: 'US',
          currency: 'usd',
          routing_number: numbers[accountId].routing,
          account_number: numbers[accountId].account,
          account_type: account.subtype,
        },
        // Made server to server by the merchant's Plaid call, not by a browser.
        // The sandbox exists only in development, so its tokens are test mode's.
        {
          scope: { accountId: item.accountId, livemode: false },
          clientIp: null,
          secrets,
          clock,
          ttlSeconds: tokenTtlSeconds,
        },
      );
      await stores.vault.insertToken(record);
      app.metrics.tokensCreated.inc({ type: record.type });
      return { stripe_bank_account_token: record.id, request_id: request.id };
    },
  );
}
