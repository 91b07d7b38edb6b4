import { expect, test, type Page } from '@playwright/test';
import { expectNoSecrets, frameField, merchantLog, merchantPosts, received, resubmit, serviceLog } from './helpers';
import { LeakRecorder } from './leak-recorder';

function ssn(page: Page) {
  return frameField(page, 'tokenframe-pii', 'Social Security number');
}

test('verifies identity with an SSN; the host page and merchant see only the pii_ token', async ({ page }) => {
  const recorder = await LeakRecorder.attach(page);
  await page.goto('/identity');
  await page.getByLabel('Full name').fill('Jenny Rosen');
  await ssn(page).pressSequentially('000000000');
  await expect(ssn(page)).toHaveAttribute('type', 'password');
  await page.frameLocator('tokenframe-pii iframe').getByRole('button', { name: 'Show number' }).click();
  await expect(ssn(page)).toHaveValue('000-00-0000');
  await recorder.snapshot(page);

  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { name: 'Identity submitted' })).toBeVisible();
  await expect(received(page, 'token')).toHaveText(/^pii_[A-Za-z0-9]+$/);
  await expect(received(page, 'name')).toHaveText('Jenny Rosen');
  await recorder.snapshot(page);

  expect(merchantPosts('/identity').at(-1)).toEqual({
    name: 'Jenny Rosen',
    token: expect.stringMatching(/^pii_[A-Za-z0-9]+$/),
  });
  const sources = await recorder.everything([merchantLog, serviceLog]);
  expect(sources['host messages']).toContain('"type":"result"');
  expectNoSecrets(sources, [
    { name: 'ID number', digits: '000000000' },
    { name: 'formatted ID number', text: '000-00-0000' },
  ]);
});

test('a pii_ token posted to the merchant a second time is refused', async ({ page }) => {
  await page.goto('/identity');
  await page.getByLabel('Full name').fill('Jenny Rosen');
  await ssn(page).pressSequentially('000000000');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { name: 'Identity submitted' })).toBeVisible();
  const posted = merchantPosts('/identity').at(-1)!;

  await resubmit(page, '/identity', posted);
  await expect(page.getByRole('heading', { name: 'Verification failed' })).toBeVisible();
  await expect(page.getByText(`You cannot use a Stripe token more than once: ${String(posted.token)}.`)).toBeVisible();
});

test('an SSN in the 666 area shows an error in the frame and nothing is posted', async ({ page }) => {
  await page.goto('/identity');
  await page.getByLabel('Full name').fill('Jenny Rosen');
  await ssn(page).pressSequentially('666123456');
  await expect(page.frameLocator('tokenframe-pii iframe').getByText('Your ID number is invalid.')).toBeVisible();
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.locator('#payment-error')).toHaveText('Your ID number is invalid.');
  await expect(page).toHaveURL(/\/identity$/);
});
