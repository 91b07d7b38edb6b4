import { appendFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import qs from 'qs';
import Stripe from 'stripe';

/**
 * The demo merchant: serves the checkout page and receives the form post.
 * It only ever sees a token ID, which it looks up with its secret key through
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

const root = new URL('..', import.meta.url);

export async function buildMerchantServer(options: MerchantOptions): Promise<FastifyInstance> {
  const service = new URL(options.serviceUrl);
  const stripe = new Stripe(options.secretKey, {
    host: service.hostname,
    port: Number(service.port || (service.protocol === 'https:' ? 443 : 80)),
    protocol: service.protocol === 'https:' ? 'https' : 'http',
  });
  const checkoutTemplate = await readFile(new URL('index.html', root), 'utf8');
  const checkoutPage = checkoutTemplate
    .replaceAll('{{SERVICE_URL}}', escapeHtml(service.origin))
    .replaceAll('{{PUBLISHABLE_KEY}}', escapeHtml(options.publishableKey));

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

  app.get('/', async (_request, reply) => reply.type('text/html').send(checkoutPage));

  app.post('/pay', async (request, reply) => {
    const { token } = (request.body ?? {}) as { token?: unknown };
    if (typeof token !== 'string' || !/^tok_[A-Za-z0-9]+$/.test(token)) {
      return reply.code(400).type('text/html').send(page('Payment failed', '<p>No card token was received.</p>'));
    }
    try {
      const retrieved = await stripe.tokens.retrieve(token);
      const card = retrieved.card!;
      const body = `
        <p class="paid">Paid with ${escapeHtml(card.brand)} •••• ${escapeHtml(card.last4)}</p>
        <p class="muted">What the merchant server received and looked up with its secret key:</p>
        <dl>
          <dt>token</dt><dd>${escapeHtml(retrieved.id)}</dd>
          <dt>card</dt><dd>${escapeHtml(card.id)}</dd>
          <dt>brand</dt><dd>${escapeHtml(card.brand)}</dd>
          <dt>last4</dt><dd>${escapeHtml(card.last4)}</dd>
          <dt>expires</dt><dd>${card.exp_month}/${card.exp_year}</dd>
          <dt>funding</dt><dd>${escapeHtml(card.funding)}</dd>
          <dt>fingerprint</dt><dd>${escapeHtml(card.fingerprint ?? '')}</dd>
        </dl>
        <p><a href="/">Back to the shop</a></p>`;
      return reply.type('text/html').send(page('Thank you!', body));
    } catch (error) {
      const message =
        error instanceof Stripe.errors.StripeError ? error.message : 'The payment service is unavailable.';
      return reply
        .code(502)
        .type('text/html')
        .send(page('Payment failed', `<p>${escapeHtml(message)}</p>`));
    }
  });

  return app;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} — Demo Shop</title>
<link rel="stylesheet" href="/shop.css"></head><body><main class="checkout receipt"><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
