import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  containsDigits,
  expectNoSecrets,
  frameField,
  merchantLog,
  merchantPosts,
  processorLog,
  processorPayments,
  received,
  resubmit,
  serviceLog,
} from './helpers';
import { LeakRecorder } from './leak-recorder';

const nextYear = String((new Date().getFullYear() + 1) % 100).padStart(2, '0');

function field(page: Page, label: string) {
  return frameField(page, 'tokenframe-card', label);
}

/** Fills the checkout with `number` and `cvc`, Jenny Rosen's name, next December, and presses Pay. */
async function pay(page: Page, number: string, cvc = '319') {
  await page.getByLabel('Name on card').fill('Jenny Rosen');
  await field(page, 'Card number').pressSequentially(number);
  await field(page, 'Expiration').pressSequentially(`12${nextYear}`);
  await field(page, 'CVC').pressSequentially(cvc);
  await field(page, 'Postal code').pressSequentially('94107');
  await page.getByRole('button', { name: /Pay/ }).click();
}

const cards = [
  { brand: 'Visa', number: '4242424242424242', formatted: '4242 4242 4242 4242', cvc: '319', last4: '4242' },
  { brand: 'American Express', number: '378282246310005', formatted: '3782 822463 10005', cvc: '7319', last4: '0005' },
];

for (const card of cards) {
  test(`pays with ${card.brand} at the processor; the host page and merchant see only the token`, async ({ page }) => {
    const recorder = await LeakRecorder.attach(page);
    const paymentsBefore = processorPayments().length;
    await page.goto('/');
    await page.getByLabel('Name on card').fill('Jenny Rosen');
    await field(page, 'Card number').pressSequentially(card.number);
    await expect(field(page, 'Card number')).toHaveValue(card.formatted);
    await field(page, 'Expiration').pressSequentially(`12${nextYear}`);
    await field(page, 'CVC').pressSequentially(card.cvc);
    await field(page, 'Postal code').pressSequentially('94107');
    await recorder.snapshot(page);

    await page.getByRole('button', { name: /Pay/ }).click();
    await expect(page.getByText(`Paid with ${card.brand} •••• ${card.last4}`)).toBeVisible();
    await expect(received(page, 'authorization')).toHaveText(/^auth_[A-Za-z0-9_-]+$/);
    await expect(received(page, 'processor')).toHaveText('Acme Payments');
    await expect(received(page, 'card')).toHaveText(/^card_/);
    await recorder.snapshot(page);

    // The processor got the card from the service's vault: number, expiry, CVC and name, once.
    const payments = processorPayments().slice(paymentsBefore);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      amount: 2500,
      currency: 'usd',
      paymentMethod: { number: card.number, cvc: card.cvc, expiryMonth: '12', holderName: 'Jenny Rosen' },
    });

    const sources = await recorder.everything([merchantLog, serviceLog]);
    expect(sources['host messages']).toContain('"type":"result"');
    expect(sources[merchantLog]).toMatch(/"token":"tok_[A-Za-z0-9]+"/);
    // The merchant's own traffic is in its log too: the customer it saved and the forward it asked for.
    expect(sources[merchantLog]).toMatch(/"outbound":true,"method":"POST","url":"[^"]+\/v1\/forwarding\/requests"/);
    expect(readFileSync(processorLog, 'utf8')).toContain(card.number);
    expectNoSecrets(sources, [
      { name: 'card number', text: card.number },
      { name: 'formatted card number', text: card.formatted },
      { name: 'CVC', digits: card.cvc },
    ]);
  });
}

test('a card the service declines when it is saved (4000000000000002) shows the decline; nothing is charged', async ({
  page,
}) => {
  const paymentsBefore = processorPayments().length;
  await page.goto('/');
  await pay(page, '4000000000000002');
  await expect(page.getByRole('heading', { name: 'Payment declined' })).toBeVisible();
  await expect(page.getByText('Your card was declined.')).toBeVisible();
  expect(processorPayments().length).toBe(paymentsBefore);
});

test("a card the processor declines (4000000000000341) shows the processor's decline", async ({ page }) => {
  const paymentsBefore = processorPayments().length;
  await page.goto('/');
  await pay(page, '4000000000000341');
  await expect(page.getByRole('heading', { name: 'Payment declined' })).toBeVisible();
  await expect(
    page.getByText('Acme Payments declined the payment: The card was declined by its issuer. (card_declined)'),
  ).toBeVisible();
  expect(processorPayments().slice(paymentsBefore)).toMatchObject([{ paymentMethod: { number: '4000000000000341' } }]);
});

test('a token posted to the merchant a second time is refused: one receipt, one charge', async ({ page }) => {
  await page.goto('/');
  await pay(page, '4242424242424242');
  await expect(page.getByText('Paid with Visa •••• 4242')).toBeVisible();
  const token = String(merchantPosts('/pay').at(-1)!.token);
  const paymentsBefore = processorPayments().length;

  await resubmit(page, '/pay', merchantPosts('/pay').at(-1)!);
  await expect(page.getByRole('heading', { name: 'Payment failed' })).toBeVisible();
  await expect(page.getByText(`You cannot use a Stripe token more than once: ${token}.`)).toBeVisible();
  await expect(page.getByText('Thank you!')).toHaveCount(0);
  expect(processorPayments().length).toBe(paymentsBefore);
});

test('a card that fails Luhn shows an error in the field and nothing is posted', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Name on card').fill('Jenny Rosen');
  await field(page, 'Card number').pressSequentially('4242424242424241');
  await expect(page.frameLocator('tokenframe-card iframe').getByText('Your card number is incorrect.')).toBeVisible();
  await page.getByRole('button', { name: /Pay/ }).click();
  await expect(page.locator('#payment-error')).toHaveText('Your card number is incorrect.');
  await expect(page).toHaveURL(/\/$/);
});

test('the leak recorder itself notices a number that does reach the host page', async ({ page }) => {
  // Guards the assertions above: if the recorder stopped seeing messages, traffic or DOM, they would pass vacuously.
  const secret = '4000056655665556';
  const recorder = await LeakRecorder.attach(page);
  await page.goto('/');
  await page.evaluate(async (value) => {
    window.postMessage({ leaked: value }, location.origin);
    const channel = new MessageChannel();
    channel.port1.onmessage = () => undefined;
    channel.port2.postMessage({ leaked: value });
    await fetch(`/leak?number=${value}`).catch(() => undefined);
    (document.getElementById('name') as HTMLInputElement).value = value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }, secret);
  await recorder.snapshot(page);
  const sources = await recorder.everything([merchantLog]);
  expect(sources['host messages'].split(secret).length - 1).toBe(2);
  expect(sources['host network traffic']).toContain(secret);
  expect(sources['host DOM']).toContain(secret);
  expect(sources[merchantLog]).toContain(secret);
});

test('secrets are matched as whole digit runs, not inside random IDs or decimal numbers', () => {
  expect(containsDigits('{"cvc":"319"}', '319')).toBe(true);
  expect(containsDigits('routing 110000000 account 000123456789.', '000123456789')).toBe(true);
  expect(containsDigits('tok_3A319bZ', '319')).toBe(false);
  expect(containsDigits('"created":1731900000', '319')).toBe(false);
  expect(containsDigits('"responseTime":8.319', '319')).toBe(false);
});
