import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';

/**
 * "Acme Payments", the card processor the demo shop charges through the
 * service's forwarding: a stand-in for a real processor's API, on an origin
 * of its own. It is demo and test code only, never part of the service.
 *
 * `POST /v1/payments` with `{amount, currency, paymentMethod: {number,
 * expiryMonth, expiryYear, cvc?, holderName?}}` checks the number (Luhn) and
 * the expiry and answers 200 `{status: 'authorized', authorizationId}` or 402
 * `{status: 'declined', declineCode, message}`. `4000000000000002` and
 * `4000000000000341` (Stripe's "attaches, but charges fail" card) are declined
 * as `card_declined`.
 *
 * `tsx demo/processor-stub.ts [--port 4244] [--host 127.0.0.1] [--received-log FILE]`:
 * with `--received-log`, every body it receives is appended to FILE as
 * received, card number and CVC included, so a test can prove they arrived here.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4244' },
    host: { type: 'string', default: '127.0.0.1' },
    'received-log': { type: 'string' },
  },
});

const declinedNumbers = new Set(['4000000000000002', '4000000000000341']);
const maxBodyBytes = 16 * 1024;

interface PaymentAnswer {
  status: number;
  body: Record<string, unknown>;
}

function declined(declineCode: string, message: string): PaymentAnswer {
  return { status: 402, body: { status: 'declined', declineCode, message } };
}

function invalid(message: string): PaymentAnswer {
  return { status: 400, body: { status: 'invalid', message } };
}

function passesLuhn(number: string): boolean {
  let sum = 0;
  for (const [index, digit] of [...number].reverse().entries()) {
    const value = Number(digit) * (index % 2 === 1 ? 2 : 1);
    sum += value > 9 ? value - 9 : value;
  }
  return sum % 10 === 0;
}

/** Whether the card's last valid day has passed: a card is good through the end of its expiry month. */
function hasExpired(month: number, year: number, now = new Date()): boolean {
  const fullYear = year < 100 ? 2000 + year : year;
  return fullYear < now.getUTCFullYear() || (fullYear === now.getUTCFullYear() && month < now.getUTCMonth() + 1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The processor's decision on one payment request body. */
function authorize(text: string): PaymentAnswer {
  let payment: unknown;
  try {
    payment = JSON.parse(text);
  } catch {
    return invalid('The body must be JSON.');
  }
  if (!isRecord(payment) || !isRecord(payment.paymentMethod)) return invalid('paymentMethod is required.');
  const { amount, currency, paymentMethod: card } = payment;
  if (!Number.isInteger(amount) || (amount as number) <= 0) return invalid('amount must be a positive integer.');
  if (typeof currency !== 'string' || !/^[a-z]{3}$/.test(currency)) return invalid('currency must be an ISO code.');
  const number = String(card.number ?? '');
  const month = Number(card.expiryMonth);
  const year = Number(card.expiryYear);
  if (!/^\d{12,19}$/.test(number) || !passesLuhn(number)) {
    return declined('incorrect_number', 'The card number is incorrect.');
  }
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(year)) {
    return declined('invalid_expiry', 'The expiry date is invalid.');
  }
  if (hasExpired(month, year)) return declined('expired_card', 'The card has expired.');
  if (card.cvc !== undefined && !/^\d{3,4}$/.test(String(card.cvc))) {
    return declined('invalid_cvc', 'The security code is invalid.');
  }
  if (declinedNumbers.has(number)) return declined('card_declined', 'The card was declined by its issuer.');
  return {
    status: 200,
    body: { status: 'authorized', authorizationId: `auth_${randomBytes(9).toString('base64url')}`, amount, currency },
  };
}

function send(response: ServerResponse, { status, body }: PaymentAnswer): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

function handle(request: IncomingMessage, response: ServerResponse): void {
  if (request.method === 'GET' && request.url === '/') {
    return send(response, { status: 200, body: { processor: 'Acme Payments (demo stub)' } });
  }
  if (request.method !== 'POST' || request.url !== '/v1/payments') {
    return send(response, { status: 404, body: { status: 'invalid', message: 'Not found.' } });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBodyBytes) request.destroy();
    else chunks.push(chunk);
  });
  request.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    if (values['received-log']) {
      appendFileSync(values['received-log'], `${JSON.stringify({ url: request.url, body: text })}\n`);
    }
    send(response, authorize(text));
  });
}

const server = createServer(handle);
server.listen(Number(values.port), values.host, () => {
  console.log(`processor stub (Acme Payments): http://${values.host}:${values.port}/v1/payments`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
