import { expect, test, type Page } from '@playwright/test';
import { expectNoSecrets, merchantLog, merchantPosts, received, serviceLog } from './helpers';
import { LeakRecorder } from './leak-recorder';

/** The sandbox Item's account numbers (Plaid Checking, Plaid Saving): only Plaid and the vault hold them. */
const checking = '000123456789';
const saving = '000987654321';

async function connect(page: Page, password: string) {
  await page.goto('/connect-bank');
  await expect(page.getByLabel('Bank')).toHaveValue('ins_109508');
  await expect(page.getByLabel('Username')).toHaveValue('user_good');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Connect' }).click();
}

test('connects a bank through Plaid; the customer gets a ba_ source and the page never sees the account', async ({
  page,
}) => {
  const recorder = await LeakRecorder.attach(page);
  await connect(page, 'pass_good');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose an account');
  const accounts = page.getByRole('radio');
  await expect(accounts).toHaveCount(2);
  await expect(page.getByRole('radio', { name: 'Plaid Checking •••• 6789' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Plaid Saving •••• 4321' })).toBeVisible();
  await page.getByRole('radio', { name: /Plaid Checking/ }).check();
  await recorder.snapshot(page);

  await page.getByRole('button', { name: 'Save this account' }).click();
  await expect(page.getByText('Saved STRIPE TEST BANK •••• 6789')).toBeVisible();
  await expect(received(page, 'customer')).toHaveText(/^cus_[A-Za-z0-9]+$/);
  await expect(received(page, 'bank account')).toHaveText(/^ba_[A-Za-z0-9]+$/);
  await expect(received(page, 'bank name')).toHaveText('STRIPE TEST BANK');
  await expect(received(page, 'last4')).toHaveText('6789');
  await expect(received(page, 'Plaid account')).toHaveText('Plaid Checking at First Platypus Bank');
  await expect(received(page, 'token')).toHaveText(/^btok_[A-Za-z0-9]+$/);
  await expect(received(page, 'token used')).toHaveText('true');
  await recorder.snapshot(page);

  // The page posted the login, then an account id and the opaque link id: no Plaid token of any kind.
  expect(merchantPosts('/connect-bank').at(-1)).toEqual({
    account_id: expect.stringMatching(/^[A-Za-z0-9]+$/),
    link: expect.stringMatching(/^[\w-]+$/),
  });
  const sources = await recorder.everything([merchantLog, serviceLog]);
  expect(sources['host DOM']).toContain('Plaid Checking');
  expect(sources[serviceLog]).toContain('/plaid/processor/stripe/bank_account_token/create');
  // The service log too: the vault holds the numbers, and Plaid's tokens are never logged.
  expectNoSecrets(sources, [
    { name: 'checking account number', digits: checking },
    { name: 'saving account number', digits: saving },
    { name: 'Plaid access token', text: 'access-sandbox-' },
    { name: 'Plaid public token', text: 'public-sandbox-' },
  ]);
});

test('a wrong sandbox password shows Plaid’s error and goes no further', async ({ page }) => {
  const before = merchantPosts('/connect-bank').length;
  await connect(page, 'pass_bad');

  await expect(page.locator('#payment-error')).toHaveText(
    'The provided credentials were not correct. Please try again.',
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connect your bank');
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expect(page.getByLabel('Username')).toHaveValue('user_good');
  await expect(page.getByLabel('Password')).toHaveValue('');
  expect(merchantPosts('/connect-bank/link').at(-1)).toMatchObject({ password: 'pass_bad' });
  expect(merchantPosts('/connect-bank')).toHaveLength(before);
});
