import { expect, test, type Page } from '@playwright/test';
import { expectNoSecrets, frameField, merchantLog, merchantPosts, received, resubmit, serviceLog } from './helpers';
import { LeakRecorder } from './leak-recorder';

const cvc = '4821';

function securityCode(page: Page) {
  return frameField(page, 'tokenframe-cvc-update', 'American Express security code');
}

test('re-confirms the CVC of a saved card; the host page and merchant see only the cvctok_ token', async ({ page }) => {
  const recorder = await LeakRecorder.attach(page);
  await page.goto('/cvc');
  await expect(page.getByText('American Express •••• 0005')).toBeVisible();
  await securityCode(page).pressSequentially(cvc);
  await recorder.snapshot(page);

  await page.getByRole('button', { name: 'Pay $12.00' }).click();
  await expect(page.getByText('Paid with your saved American Express •••• 0005')).toBeVisible();
  await expect(received(page, 'token')).toHaveText(/^cvctok_[A-Za-z0-9]+$/);
  await expect(received(page, 'type')).toHaveText('cvc_update');
  await recorder.snapshot(page);

  expect(merchantPosts('/cvc').at(-1)).toEqual({
    card: 'amex_0005',
    token: expect.stringMatching(/^cvctok_[A-Za-z0-9]+$/),
  });
  const sources = await recorder.everything([merchantLog, serviceLog]);
  expect(sources['host messages']).toContain('"type":"result"');
  expectNoSecrets(sources, [{ name: 'CVC', digits: cvc }]);
});

test('a CVC token posted to the merchant a second time is refused: one receipt', async ({ page }) => {
  await page.goto('/cvc');
  await securityCode(page).pressSequentially(cvc);
  await page.getByRole('button', { name: 'Pay $12.00' }).click();
  await expect(page.getByText('Paid with your saved American Express •••• 0005')).toBeVisible();
  const posted = merchantPosts('/cvc').at(-1)!;

  await resubmit(page, '/cvc', posted);
  await expect(page.getByRole('heading', { name: 'Payment failed' })).toBeVisible();
  await expect(page.getByText(`You cannot use a Stripe token more than once: ${String(posted.token)}.`)).toBeVisible();
  await expect(page.getByText('Thank you!')).toHaveCount(0);
});

test('three digits for an American Express card are incomplete once Pay is pressed', async ({ page }) => {
  await page.goto('/cvc');
  await securityCode(page).pressSequentially('482');
  const frameError = page
    .frameLocator('tokenframe-cvc-update iframe')
    .getByText("Your card's security code is incomplete.");
  await expect(frameError).toBeHidden();
  await page.getByRole('button', { name: 'Pay $12.00' }).click();
  await expect(frameError).toBeVisible();
  await expect(page.locator('#payment-error')).toHaveText("Your card's security code is incomplete.");
  await expect(page).toHaveURL(/\/cvc$/);
});
