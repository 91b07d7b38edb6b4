import { expect, test } from '@playwright/test';
import { processorPort } from '../../playwright.config';

/**
 * The demo's processor stub on its own, as the service's forwarding reaches
 * it: what it checks in a card before it authorizes. The checkout's path
 * through it is in card-checkout.spec.ts.
 */
const payments = `http://127.0.0.1:${processorPort}/v1/payments`;
const nextYear = String(new Date().getFullYear() + 1);

function payment(card: Record<string, string>) {
  return {
    data: { amount: 2500, currency: 'usd', paymentMethod: { expiryMonth: '12', expiryYear: nextYear, ...card } },
  };
}

test('authorizes a good card with an authorization id', async ({ request }) => {
  const response = await request.post(payments, payment({ number: '4242424242424242', cvc: '123' }));
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({
    status: 'authorized',
    authorizationId: expect.stringMatching(/^auth_/),
  });
});

const declines: { why: string; card: Record<string, string>; code: string }[] = [
  { why: 'a number that fails Luhn', card: { number: '4242424242424241' }, code: 'incorrect_number' },
  { why: 'an expired card', card: { number: '4242424242424242', expiryYear: '2020' }, code: 'expired_card' },
  {
    why: 'a month that does not exist',
    card: { number: '4242424242424242', expiryMonth: '13' },
    code: 'invalid_expiry',
  },
  { why: 'a malformed CVC', card: { number: '4242424242424242', cvc: '12' }, code: 'invalid_cvc' },
  { why: 'the declined test card', card: { number: '4000000000000002' }, code: 'card_declined' },
];
for (const { why, card, code } of declines) {
  test(`declines ${why} (${code})`, async ({ request }) => {
    const response = await request.post(payments, payment(card));
    expect(response.status()).toBe(402);
    expect(await response.json()).toMatchObject({ status: 'declined', declineCode: code });
  });
}
