import { expect, test, type Page } from '@playwright/test';
import { expectNoSecrets, frameField, merchantLog, merchantPosts, received, serviceLog } from './helpers';
import { LeakRecorder } from './leak-recorder';

const nextYear = String((new Date().getFullYear() + 1) % 100).padStart(2, '0');

function field(page: Page, tag: string, label: string) {
  return frameField(page, tag, label);
}

const card = { number: '378282246310005', formatted: '3782 822463 10005', cvc: '7319', last4: '0005' };

test('pays with separate number, expiry and CVC fields; the page and merchant see only the token', async ({ page }) => {
  const recorder = await LeakRecorder.attach(page);
  await page.goto('/split');
  await page.getByLabel('Name on card').fill('Jenny Rosen');
  await field(page, 'tokenframe-card-number', 'Card number').pressSequentially(card.number);
  await expect(field(page, 'tokenframe-card-number', 'Card number')).toHaveValue(card.formatted);
  await field(page, 'tokenframe-card-expiry', 'Expiration').pressSequentially(`12${nextYear}`);
  // The number's brand reached the CVC frame: American Express takes 4 digits.
  await expect(field(page, 'tokenframe-card-cvc', 'CVC')).toHaveAttribute('maxlength', '4');
  await field(page, 'tokenframe-card-cvc', 'CVC').pressSequentially(card.cvc);
  await page.screenshot({ path: test.info().outputPath('split-filled.png'), fullPage: true });
  await recorder.snapshot(page);

  await page.getByRole('button', { name: /Pay/ }).click();
  await expect(page.getByText(`Paid with American Express •••• ${card.last4}`)).toBeVisible();
  await expect(received(page, 'expires')).toHaveText(`12/20${nextYear}`);
  await recorder.snapshot(page);

  const posted = merchantPosts('/split').at(-1)!;
  expect(Object.keys(posted).sort()).toEqual(['name', 'token']);
  expect(posted.token).toMatch(/^tok_[A-Za-z0-9]+$/);
  const sources = await recorder.everything([merchantLog, serviceLog]);
  expect(sources['host messages']).toContain('"type":"result"');
  expectNoSecrets(sources, [
    { name: 'card number', text: card.number },
    { name: 'formatted card number', text: card.formatted },
    { name: 'CVC', digits: card.cvc },
  ]);
});

test('an incomplete CVC shows its error in the CVC frame and nothing is posted', async ({ page }) => {
  await page.goto('/split');
  await page.getByLabel('Name on card').fill('Jenny Rosen');
  await field(page, 'tokenframe-card-number', 'Card number').pressSequentially('4242424242424242');
  await field(page, 'tokenframe-card-expiry', 'Expiration').pressSequentially(`12${nextYear}`);
  await field(page, 'tokenframe-card-cvc', 'CVC').pressSequentially('31');
  await page.getByRole('button', { name: /Pay/ }).click();
  const message = "Your card's security code is incomplete.";
  await expect(page.frameLocator('tokenframe-card-cvc iframe').getByText(message)).toBeVisible();
  await expect(page.locator('#payment-error')).toHaveText(message);
  await expect(page).toHaveURL(/\/split$/);
});
