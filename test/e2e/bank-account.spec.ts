import { expect, test, type Page } from '@playwright/test';
import { expectNoSecrets, frameField, merchantLog, merchantPosts, received, resubmit, serviceLog } from './helpers';
import { LeakRecorder } from './leak-recorder';

const routing = '110000000';
const account = '000123456789';

function field(page: Page, label: string) {
  return frameField(page, 'tokenframe-bank-account', label);
}

async function fillAccount(page: Page, routingNumber: string, accountNumber: string, confirmation: string) {
  await field(page, 'Routing number').pressSequentially(routingNumber);
  await field(page, 'Account number').pressSequentially(accountNumber);
  await field(page, 'Confirm account number').pressSequentially(confirmation);
  await field(page, 'Account holder name').pressSequentially('Jenny Rosen');
}

test('pays by bank; the host page and merchant see only the btok_ token', async ({ page }) => {
  const recorder = await LeakRecorder.attach(page);
  await page.goto('/bank');
  await fillAccount(page, routing, account, account);
  await expect(page.frameLocator('tokenframe-bank-account iframe').getByText('STRIPE TEST BANK')).toBeVisible();
  await field(page, 'Account type').selectOption('company');
  await recorder.snapshot(page);

  await page.getByRole('button', { name: 'Pay $25.00' }).click();
  await expect(page.getByText('Paid from STRIPE TEST BANK •••• 6789')).toBeVisible();
  await expect(received(page, 'bank name')).toHaveText('STRIPE TEST BANK');
  await expect(received(page, 'last4')).toHaveText('6789');
  await expect(received(page, 'holder type')).toHaveText('company');
  await expect(received(page, 'token')).toHaveText(/^btok_[A-Za-z0-9]+$/);
  await recorder.snapshot(page);

  expect(merchantPosts('/bank').at(-1)).toEqual({ token: expect.stringMatching(/^btok_[A-Za-z0-9]+$/) });
  const sources = await recorder.everything([merchantLog, serviceLog]);
  expect(sources['host messages']).toContain('"type":"result"');
  expectNoSecrets(sources, [
    { name: 'account number', digits: account },
    { name: 'routing and account number together', digits: `${routing}${account}` },
    { name: 'routing and account number together', text: `${routing} ${account}` },
  ]);
});

test('the bank account is saved to a customer, which uses the token: posting it again is refused', async ({ page }) => {
  await page.goto('/bank');
  await fillAccount(page, routing, account, account);
  await page.getByRole('button', { name: 'Pay $25.00' }).click();
  await expect(page.getByText('Paid from STRIPE TEST BANK •••• 6789')).toBeVisible();
  await expect(received(page, 'customer')).toHaveText(/^cus_[A-Za-z0-9]+$/);
  await expect(received(page, 'bank account')).toHaveText(/^ba_[A-Za-z0-9]+$/);
  const { token } = merchantPosts('/bank').at(-1)!;

  await resubmit(page, '/bank', { token });
  await expect(page.getByRole('heading', { name: 'Payment failed' })).toBeVisible();
  await expect(page.getByText(`You cannot use a Stripe token more than once: ${String(token)}.`)).toBeVisible();
  await expect(page.getByText('Thank you!')).toHaveCount(0);
});

test('a routing number that fails the checksum shows an error in the frame and nothing is posted', async ({ page }) => {
  await page.goto('/bank');
  await fillAccount(page, '110000001', account, account);
  const frame = page.frameLocator('tokenframe-bank-account iframe');
  await expect(frame.getByText('Your routing number is invalid.')).toBeVisible();
  await expect(frame.getByText('STRIPE TEST BANK')).toBeHidden();
  await page.getByRole('button', { name: 'Pay $25.00' }).click();
  await expect(page.locator('#payment-error')).toHaveText('Your routing number is invalid.');
  await expect(page).toHaveURL(/\/bank$/);
});

test('a confirmation that differs from the account number shows an error in the frame', async ({ page }) => {
  await page.goto('/bank');
  await fillAccount(page, routing, account, '000123456788');
  await expect(
    page.frameLocator('tokenframe-bank-account iframe').getByText('The account numbers do not match.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Pay $25.00' }).click();
  await expect(page.locator('#payment-error')).toHaveText('The account numbers do not match.');
  await expect(page).toHaveURL(/\/bank$/);
});
