import { appendFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyReply, type FastifyInstance } from 'fastify';
import qs from 'qs';
import Stripe from 'stripe';

/**
 * The demo merchant: serves the shop's pages and receives their form posts.
 * It only ever sees token IDs, which it looks up with its secret key through
 * stripe-node, exactly as a Stripe integration would.
 */
export interface MerchantOptions {
  /** The tokenization service, e.g. `http://127.0.0.1:4242`. */
  serviceUrl: string;
  publishableKey: string;
  secretKey: string;
  /** Every request the merchant receives (method, URL, body) is appended here as a JSON line. */
  requestLogFile?: string;
}

/** The shop's pages with secure fields: a fragment of demo/pages/ in the index.html layout, and its script. */
const formPages = [
  { path: '/', nav: 'Card', title: 'Checkout', file: 'card.html', script: 'checkout.js' },
  { path: '/bank', nav: 'Bank account', title: 'Pay by bank', file: 'bank.html', script: 'bank.js' },
  { path: '/cvc', nav: 'Saved card', title: 'Confirm your saved card', file: 'cvc.html', script: 'cvc.js' },
  { path: '/identity', nav: 'Identity', title: 'Verify your identity', file: 'identity.html', script: 'identity.js' },
  { path: '/onboard', nav: 'Onboarding', title: 'Sell on Demo Shop', file: 'onboard.html', script: 'onboard.js' },
] as const;

type FlowPath = (typeof formPages)[number]['path'];

const root = new URL('..', import.meta.url);

export async function buildMerchantServer(options: MerchantOptions): Promise<FastifyInstance> {
  const service = new URL(options.serviceUrl);
  const stripe = new Stripe(options.secretKey, {
    host: service.hostname,
    port: Number(service.port || (service.protocol === 'https:' ? 443 : 80)),
    protocol: service.protocol === 'https:' ? 'https' : 'http',
  });
  const layout = await readFile(new URL('index.html', root), 'utf8');

  /** The one template helper: fills the layout's `{{NAME}}` placeholders (values are inserted as given). */
  const render = (flow: FlowPath, values: { TITLE: string; CONTENT: string; HEAD?: string; CLASS?: string }) => {
    const nav = formPages
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
        <p class="muted">What the merchant server received and looked up with its secret key:</p>
        <dl>${list}</dl>
        <p><a href="${flow}">Back to the shop</a></p>`;
    return render(flow, { TITLE: title, CONTENT: content, CLASS: 'receipt' });
  };
  const failure = (reply: FastifyReply, flow: FlowPath, code: number, title: string, message: string) =>
    reply
      .code(code)
      .type('text/html')
      .send(render(flow, { TITLE: title, CONTENT: `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>` }));

  /**
   * Reads the named token IDs from the form post, retrieves each with the
   * secret key, checks its type, and answers with the receipt built from them.
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

  app.post('/pay', (request, reply) =>
    redeem(reply, request.body, '/', 'Payment failed', { token: { prefix: 'tok', type: 'card' } }, ({ token }) => {
      const card = token.card!;
      return receipt('/', 'Thank you!', `Paid with ${card.brand} •••• ${card.last4}`, [
        ['token', token.id],
        ['card', card.id],
        ['brand', card.brand],
        ['last4', card.last4],
        ['expires', `${card.exp_month}/${card.exp_year}`],
        ['funding', card.funding],
        ['fingerprint', card.fingerprint],
      ]);
    }),
  );

  app.post('/bank', (request, reply) =>
    redeem(
      reply,
      request.body,
      '/bank',
      'Payment failed',
      { token: { prefix: 'btok', type: 'bank_account' } },
      ({ token }) => {
        const bank = token.bank_account!;
        return receipt('/bank', 'Thank you!', `Paid from ${bank.bank_name} •••• ${bank.last4}`, [
          ['token', token.id],
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
        ]);
      },
    ),
  );

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
          ['used', token.used],
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
          ['used', token.used],
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

  return app;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
