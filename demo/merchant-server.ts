import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyReply, type FastifyRequest, type FastifyInstance } from 'fastify';
import qs from 'qs';
import Stripe from 'stripe';
import { PlaidApiError, plaidClient, type PlaidAccount, type PlaidClientOptions } from './plaid-client';

/**
 * The demo merchant: serves the shop's pages and receives their form posts.
 * It only ever sees token IDs, which it uses with its secret key through
 * stripe-node, exactly as a Stripe integration would: a card or bank token
 * becomes a customer's saved source (which uses the token up), and a saved
 * card is charged at the processor through the service's forwarding.
 */
export interface MerchantOptions {
  /** The tokenization service, e.g. `http://127.0.0.1:4242`. */
  serviceUrl: string;
  publishableKey: string;
  secretKey: string;
  /**
   * Every request the merchant receives (method, URL, body) and every call it
   * makes to the service (`outbound`: URL, body, status, answer) is appended
   * here as a JSON line.
   */
  requestLogFile?: string;
  /** The card processor's payments URL, registered as a forwarding destination of the merchant's account. */
  processorUrl: string;
  /** The Plaid API and the merchant's Plaid keys, for connecting a bank (`/connect-bank`). */
  plaid: PlaidClientOptions;
}

/** The shop's pages with secure fields: a fragment of demo/pages/ in the index.html layout, and its script. */
const formPages = [
  { path: '/', nav: 'Card', title: 'Checkout', file: 'card.html', script: 'checkout.js' },
  { path: '/split', nav: 'Separate fields', title: 'Pay with separate fields', file: 'split.html', script: 'split.js' },
  { path: '/bank', nav: 'Bank account', title: 'Pay by bank', file: 'bank.html', script: 'bank.js' },
  { path: '/cvc', nav: 'Saved card', title: 'Confirm your saved card', file: 'cvc.html', script: 'cvc.js' },
  { path: '/identity', nav: 'Identity', title: 'Verify your identity', file: 'identity.html', script: 'identity.js' },
  { path: '/onboard', nav: 'Onboarding', title: 'Sell on Demo Shop', file: 'onboard.html', script: 'onboard.js' },
  { path: '/gallery', nav: 'Appearance', title: 'Appearance', file: 'gallery.html', script: 'gallery.js' },
] as const;

/** Every flow in the navigation: the pages above, and connecting a bank, which the merchant server does with Plaid. */
const flows = [...formPages, { path: '/connect-bank', nav: 'Connect bank' }] as const;

type FlowPath = (typeof flows)[number]['path'];

/** The banks the connect step offers: Plaid's sandbox institution. */
const institutions: Record<string, string> = { ins_109508: 'First Platypus Bank' };

/** A connected bank, between the login and the account choice. Its Plaid access token never leaves the server. */
interface BankLink {
  accessToken: string;
  accounts: PlaidAccount[];
  institution: string;
  expires: number;
}
const linkTtlMs = 30 * 60 * 1000;

const root = new URL('..', import.meta.url);

/** What the shop charges: the one T-shirt on its checkout pages. */
const order = { amount: 2500, currency: 'usd' };

/** The processor's answer (demo/processor-stub.ts), as the service returns it in `response_details`. */
interface ProcessorAnswer {
  status?: string;
  authorizationId?: string;
  declineCode?: string;
  message?: string;
}

/** stripe-node's fetch, writing each call and its answer to the request log so a test can search the merchant's traffic. */
function recordingFetch(logFile: string): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const entry = {
      outbound: true,
      method: init?.method ?? 'GET',
      url: String(input instanceof Request ? input.url : input),
      body: typeof init?.body === 'string' ? init.body : null,
      status: response.status,
      response: await response.clone().text(),
    };
    appendFileSync(logFile, `${JSON.stringify(entry)}\n`);
    return response;
  };
}

export async function buildMerchantServer(options: MerchantOptions): Promise<FastifyInstance> {
  const service = new URL(options.serviceUrl);
  const stripe = new Stripe(options.secretKey, {
    host: service.hostname,
    port: Number(service.port || (service.protocol === 'https:' ? 443 : 80)),
    protocol: service.protocol === 'https:' ? 'https' : 'http',
    httpClient: Stripe.createFetchHttpClient(options.requestLogFile ? recordingFetch(options.requestLogFile) : fetch),
  });
  const layout = await readFile(new URL('index.html', root), 'utf8');

  /** The one template helper: fills the layout's `{{NAME}}` placeholders (values are inserted as given). */
  const render = (flow: FlowPath, values: { TITLE: string; CONTENT: string; HEAD?: string; CLASS?: string }) => {
    const nav = flows
      .map((p) => `<a href="${p.path}"${p.path === flow ? ' aria-current="page"' : ''}>${escapeHtml(p.nav)}</a>`)
      .join('');
    const all: Record<string, string> = { HEAD: '', CLASS: '', NAV: nav, ...values, TITLE: escapeHtml(values.TITLE) };
    return layout.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => all[name] ?? '');
  };

  const pages = new Map<string, string>();
  for (const { path, title, file, script } of formPages) {
    const fragment = await readFile(new URL(`pages/${file}`, import.meta.url), 'utf8');
    const head = `<script src="${escapeHtml(service.origin)}/v1/tokenframe.js"></script>
    <script type="module" src="/${script}"></script>`;
    const content = fragment.replaceAll('{{PUBLISHABLE_KEY}}', escapeHtml(options.publishableKey));
    pages.set(path, render(path, { TITLE: title, HEAD: head, CONTENT: content }));
  }

  /** The page the merchant shows after a form post: what it received and what the API returned for it. */
  const receipt = (flow: FlowPath, title: string, lead: string, fields: [string, unknown][]) => {
    const list = fields
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(String(value))}</dd>`)
      .join('\n');
    const content = `<h1>${escapeHtml(title)}</h1>
        <p class="paid">${escapeHtml(lead)}</p>
        <p class="muted">What the merchant server received, and what the API answered it with its secret key:</p>
        <dl>${list}</dl>
        <p><a href="${flow}">Back to the shop</a></p>`;
    return render(flow, { TITLE: title, CONTENT: content, CLASS: 'receipt' });
  };
  const connectFragment = await readFile(new URL('pages/connect-bank.html', import.meta.url), 'utf8');
  /** The connect step (the merchant's stand-in for Plaid Link), with the username given and the error to show. */
  const connectPage = (username = 'user_good', password = 'pass_good', error = '') =>
    render('/connect-bank', {
      TITLE: 'Connect your bank',
      HEAD: '<script type="module" src="/connect-bank.js"></script>',
      CONTENT: connectFragment
        .replace('{{USERNAME}}', escapeHtml(username))
        .replace('{{PASSWORD}}', escapeHtml(password))
        .replace('{{ERROR}}', escapeHtml(error)),
    });
  /** The account step: the connected bank's accounts (names and masks only) and the link's opaque id. */
  const accountsPage = (linkId: string, link: BankLink) => {
    const choices = link.accounts
      .map(
        (account) => `<label class="account">
          <input type="radio" name="account_id" value="${escapeHtml(account.account_id)}" required />
          <span>${escapeHtml(account.name)}</span><span class="mask">•••• ${escapeHtml(account.mask ?? '')}</span>
        </label>`,
      )
      .join('\n');
    const content = `<header>
        <h1>Choose an account</h1>
        <p class="muted">Connected to ${escapeHtml(link.institution)}. The shop's server asks Plaid for a Stripe bank
          account token for the account you choose, and saves it to your customer record.</p>
      </header>
      <form id="account-form" action="/connect-bank" method="post" data-busy="Saving…">
        <fieldset><legend>Your accounts at ${escapeHtml(link.institution)}</legend>${choices}</fieldset>
        <input type="hidden" name="link" value="${escapeHtml(linkId)}" />
        <p id="payment-error" class="error" role="alert"></p>
        <button type="submit">Save this account</button>
      </form>`;
    return render('/connect-bank', {
      TITLE: 'Choose an account',
      HEAD: '<script type="module" src="/connect-bank.js"></script>',
      CONTENT: content,
    });
  };
  const failure = (reply: FastifyReply, flow: FlowPath, code: number, title: string, message: string) =>
    reply
      .code(code)
      .type('text/html')
      .send(
        render(flow, {
          TITLE: title,
          CONTENT: `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="${flow}">Back to the shop</a></p>`,
        }),
      );

  /**
   * Token IDs of the kinds no service endpoint uses up (CVC update, PII,
   * account and person tokens) that this merchant has already acted on. A
   * real integration passes them to an API that consumes them; the demo has
   * none, so it keeps its own record and refuses a token it has used, as that
   * API would.
   */
  const usedTokens = new Set<string>();

  /**
   * Reads the named token IDs from the form post, retrieves each with the
   * secret key, checks its type, refuses any this merchant has used before,
   * and answers with the receipt built from them.
   */
  const redeem = async (
    reply: FastifyReply,
    body: unknown,
    flow: FlowPath,
    failTitle: string,
    expected: Record<string, { prefix: string; type: string }>,
    build: (tokens: Record<string, Stripe.Token>, form: Record<string, unknown>) => string,
  ) => {
    const form = (body ?? {}) as Record<string, unknown>;
    const tokens: Record<string, Stripe.Token> = {};
    try {
      for (const [name, { prefix, type }] of Object.entries(expected)) {
        const id = form[name];
        if (typeof id !== 'string' || !new RegExp(`^${prefix}_[A-Za-z0-9]+$`).test(id)) {
          return failure(reply, flow, 400, failTitle, `No ${prefix}_ token was received.`);
        }
        const token = await stripe.tokens.retrieve(id);
        if ((token.type as string) !== type) {
          return failure(reply, flow, 400, failTitle, `Expected a ${type} token.`);
        }
        tokens[name] = token;
      }
    } catch (error) {
      const message =
        error instanceof Stripe.errors.StripeError ? error.message : 'The payment service is unavailable.';
      return failure(reply, flow, 502, failTitle, message);
    }
    const ids = Object.values(tokens).map((token) => token.id);
    const used = ids.find((id) => usedTokens.has(id));
    if (used) return failure(reply, flow, 400, failTitle, `You cannot use a Stripe token more than once: ${used}.`);
    for (const id of ids) usedTokens.add(id);
    return reply.type('text/html').send(build(tokens, form));
  };

  const app = Fastify();
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
    done(null, qs.parse(body as string)),
  );
  app.addHook('preHandler', async (request) => {
    if (!options.requestLogFile) return;
    const entry = { method: request.method, url: request.url, body: request.body ?? null };
    appendFileSync(options.requestLogFile, `${JSON.stringify(entry)}\n`);
  });
  await app.register(fastifyStatic, { root: new URL('public/', import.meta.url).pathname, index: false });

  for (const [path, html] of pages) app.get(path, async (_request, reply) => reply.type('text/html').send(html));

  const stripeFailure = (reply: FastifyReply, flow: FlowPath, error: unknown) => {
    if (error instanceof Stripe.errors.StripeCardError)
      return failure(reply, flow, 402, 'Payment declined', error.message);
    if (error instanceof Stripe.errors.StripeInvalidRequestError) {
      return failure(reply, flow, 400, 'Payment failed', error.message);
    }
    return failure(reply, flow, 502, 'Payment failed', 'The payment service is unavailable.');
  };

  /** Saves the posted token (`prefix_…`) to a new customer, which uses it up, and answers with its saved source. */
  const saveToCustomer = async (form: Record<string, unknown>, prefix: string) => {
    const tokenId = form.token;
    if (typeof tokenId !== 'string' || !new RegExp(`^${prefix}_[A-Za-z0-9]+$`).test(tokenId)) return null;
    const name = typeof form.name === 'string' && form.name !== '' ? form.name : undefined;
    const customer = await stripe.customers.create({ source: tokenId, name });
    return { tokenId, customer, source: customer.sources!.data[0] };
  };

  /**
   * Charges a card just saved at the processor: the service fills the
   * card's number, expiry, CVC and name into the body from its vault on the
   * way, so they never pass through this server. The CVC goes out on this
   * first charge only (the service then wipes it); a later charge of the
   * same card would leave `card_cvc` out.
   */
  const chargeAtProcessor = async (card: Stripe.Card) => {
    const replacements: Stripe.Forwarding.RequestCreateParams.Replacement[] = ['card_number', 'card_expiry'];
    if (card.cvc_check !== null) replacements.push('card_cvc');
    if (card.name) replacements.push('cardholder_name');
    const forwarded = await stripe.forwarding.requests.create({
      payment_method: card.id,
      url: options.processorUrl,
      replacements,
      request: { body: JSON.stringify({ ...order, paymentMethod: {} }) },
    });
    let answer: ProcessorAnswer = {};
    try {
      answer = JSON.parse(forwarded.response_details?.body ?? '') as ProcessorAnswer;
    } catch {
      // Not the processor's JSON (a proxy's error page, say): handled below as an unexpected answer.
    }
    return { forwarded, answer };
  };

  /**
   * The card checkouts (one card element, or separate fields): the card is
   * saved to a customer and charged at the processor, and the receipt shows
   * the processor's authorization, or the page its decline.
   */
  const payByCard = (flow: FlowPath) => async (request: FastifyRequest, reply: FastifyReply) => {
    const form = (request.body ?? {}) as Record<string, unknown>;
    let saved: Awaited<ReturnType<typeof saveToCustomer>>;
    let charge: Awaited<ReturnType<typeof chargeAtProcessor>>;
    try {
      saved = await saveToCustomer(form, 'tok');
      if (!saved) return failure(reply, flow, 400, 'Payment failed', 'No tok_ token was received.');
      charge = await chargeAtProcessor(saved.source as Stripe.Card);
    } catch (error) {
      return stripeFailure(reply, flow, error);
    }
    const { answer, forwarded } = charge;
    if (answer.status === 'declined') {
      const reason = `Acme Payments declined the payment: ${answer.message ?? 'no reason given'} (${answer.declineCode ?? 'declined'})`;
      return failure(reply, flow, 402, 'Payment declined', reason);
    }
    if (answer.status !== 'authorized' || !answer.authorizationId) {
      return failure(reply, flow, 502, 'Payment failed', 'The payment processor did not answer as expected.');
    }
    const card = saved.source as Stripe.Card;
    return reply.type('text/html').send(
      receipt(flow, 'Thank you!', `Paid with ${card.brand} •••• ${card.last4}`, [
        ['authorization', answer.authorizationId],
        ['processor', 'Acme Payments'],
        ['amount', `${(order.amount / 100).toFixed(2)} ${order.currency.toUpperCase()}`],
        ['forwarding request', forwarded.id],
        ['token', saved.tokenId],
        ['customer', saved.customer.id],
        ['card', card.id],
        ['brand', card.brand],
        ['last4', card.last4],
        ['expires', `${card.exp_month}/${card.exp_year}`],
        ['funding', card.funding],
        ['fingerprint', card.fingerprint],
      ]),
    );
  };
  app.post('/pay', payByCard('/'));
  app.post('/split', payByCard('/split'));

  /** Pay by bank: the bank account token is saved to a customer, which uses it up. */
  app.post('/bank', async (request, reply) => {
    let saved: Awaited<ReturnType<typeof saveToCustomer>>;
    try {
      saved = await saveToCustomer((request.body ?? {}) as Record<string, unknown>, 'btok');
    } catch (error) {
      return stripeFailure(reply, '/bank', error);
    }
    if (!saved) return failure(reply, '/bank', 400, 'Payment failed', 'No btok_ token was received.');
    const bank = saved.source as Stripe.BankAccount;
    return reply.type('text/html').send(
      receipt('/bank', 'Thank you!', `Paid from ${bank.bank_name} •••• ${bank.last4}`, [
        ['token', saved.tokenId],
        ['customer', saved.customer.id],
        ['bank account', bank.id],
        ['bank name', bank.bank_name],
        ['routing number', bank.routing_number],
        ['last4', bank.last4],
        ['country', bank.country],
        ['currency', bank.currency],
        ['holder', bank.account_holder_name],
        ['holder type', bank.account_holder_type],
        ['status', bank.status],
        ['fingerprint', bank.fingerprint],
      ]),
    );
  });

  app.post('/cvc', (request, reply) =>
    redeem(
      reply,
      request.body,
      '/cvc',
      'Payment failed',
      { token: { prefix: 'cvctok', type: 'cvc_update' } },
      ({ token }, form) =>
        receipt('/cvc', 'Thank you!', 'Paid with your saved American Express •••• 0005', [
          ['saved card', form.card],
          ['token', token.id],
          ['type', token.type],
        ]),
    ),
  );

  app.post('/identity', (request, reply) =>
    redeem(
      reply,
      request.body,
      '/identity',
      'Verification failed',
      { token: { prefix: 'pii', type: 'pii' } },
      ({ token }, form) =>
        receipt('/identity', 'Identity submitted', 'Your Social Security number was received as a token.', [
          ['name', form.name],
          ['token', token.id],
          ['type', token.type],
        ]),
    ),
  );

  app.post('/onboard', (request, reply) =>
    redeem(
      reply,
      request.body,
      '/onboard',
      'Onboarding failed',
      { account_token: { prefix: 'ct', type: 'account' }, person_token: { prefix: 'cpt', type: 'person' } },
      ({ account_token, person_token }) =>
        receipt('/onboard', 'Account details received', 'Your account and representative were received as tokens.', [
          ['account token', account_token.id],
          ['account token type', account_token.type],
          ['person token', person_token.id],
          ['person token type', person_token.type],
        ]),
    ),
  );

  const plaid = plaidClient(options.plaid);
  /** Connected banks by an opaque id that the account step carries in a hidden field; each is used once. */
  const links = new Map<string, BankLink>();
  const plaidMessage = (error: unknown) =>
    error instanceof PlaidApiError ? (error.displayMessage ?? error.message) : 'The bank service is unavailable.';

  app.get('/connect-bank', async (_request, reply) => reply.type('text/html').send(connectPage()));

  // What Plaid Link and a Plaid integration's server do together: log in, exchange the public token, list the accounts.
  app.post('/connect-bank/link', async (request, reply) => {
    const form = (request.body ?? {}) as Record<string, unknown>;
    const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
    const retry = (code: number, message: string) =>
      reply
        .code(code)
        .type('text/html')
        .send(connectPage(text('username'), '', message));
    const institutionId = text('institution_id');
    if (!Object.hasOwn(institutions, institutionId)) return retry(400, 'Choose your bank.');
    let link: BankLink;
    try {
      const { public_token } = await plaid.sandboxPublicTokenCreate(institutionId, text('username'), text('password'));
      const { access_token } = await plaid.exchangePublicToken(public_token);
      const { accounts } = await plaid.getAccounts(access_token);
      const institution = institutions[institutionId];
      link = { accessToken: access_token, accounts, institution, expires: Date.now() + linkTtlMs };
    } catch (error) {
      return retry(error instanceof PlaidApiError && error.status < 500 ? 400 : 502, plaidMessage(error));
    }
    for (const [id, { expires }] of links) if (expires < Date.now()) links.delete(id);
    const linkId = randomBytes(18).toString('base64url');
    links.set(linkId, link);
    return reply.type('text/html').send(accountsPage(linkId, link));
  });

  // The chosen account becomes a Stripe bank account token at Plaid, and that token the customer's source.
  app.post('/connect-bank', async (request, reply) => {
    const form = (request.body ?? {}) as Record<string, unknown>;
    const fail = (code: number, message: string) =>
      failure(reply, '/connect-bank', code, 'Connecting your bank failed', message);
    const linkId = typeof form.link === 'string' ? form.link : '';
    const link = links.get(linkId);
    if (!link || link.expires < Date.now()) return fail(400, 'This bank connection has expired; connect again.');
    const account = link.accounts.find((candidate) => candidate.account_id === form.account_id);
    if (!account) return fail(400, 'Choose one of your accounts.');
    links.delete(linkId);
    try {
      const { stripe_bank_account_token: tokenId } = await plaid.createStripeBankAccountToken(
        link.accessToken,
        account.account_id,
      );
      const customer = await stripe.customers.create({ source: tokenId });
      const token = await stripe.tokens.retrieve(tokenId);
      const bank = token.bank_account!;
      const source = customer.default_source;
      return reply.type('text/html').send(
        receipt('/connect-bank', 'Bank account connected', `Saved ${bank.bank_name} •••• ${bank.last4}`, [
          ['customer', customer.id],
          ['bank account', typeof source === 'string' ? source : source?.id],
          ['bank name', bank.bank_name],
          ['last4', bank.last4],
          ['routing number', bank.routing_number],
          ['Plaid account', `${account.name} at ${link.institution}`],
          ['token', token.id],
          ['token used', token.used],
        ]),
      );
    } catch (error) {
      return fail(502, error instanceof Stripe.errors.StripeError ? error.message : plaidMessage(error));
    }
  });

  return app;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
