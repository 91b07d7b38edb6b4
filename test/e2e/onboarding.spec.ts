import { expect, test, type Page } from '@playwright/test';
import { containsDigits, merchantLog, merchantPosts, received, resubmit, serviceLog } from './helpers';
import { LeakRecorder } from './leak-recorder';

/**
 * Onboarding is the one flow where the merchant's own inputs collect the
 * details (by design, the page holds them). What must hold: the merchant
 * SERVER receives only token IDs, and the ID number reaches neither the
 * service's log nor anything the page receives back.
 */
const idNumber = '000000000';

async function fillRepresentative(page: Page, dob: { day: string; month: string; year: string }) {
  await page.getByLabel('Business type').selectOption('individual');
  await page.getByLabel('First name').fill('Ada');
  await page.getByLabel('Last name').fill('Lovelace');
  await page.getByLabel('Day of birth').fill(dob.day);
  await page.getByLabel('Month of birth').fill(dob.month);
  await page.getByLabel('Year of birth').fill(dob.year);
  await page.getByLabel('Social Security number').fill('000-00-0000');
  await page.getByLabel('I accept the Demo Shop seller agreement').check();
}

test('onboards a connected account; the merchant server receives only ct_ and cpt_ token IDs', async ({ page }) => {
  const recorder = await LeakRecorder.attach(page);
  await page.goto('/onboard');
  await fillRepresentative(page, { day: '10', month: '12', year: '1985' });

  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Account details received' })).toBeVisible();
  await expect(received(page, 'account token')).toHaveText(/^ct_[A-Za-z0-9]+$/);
  await expect(received(page, 'account token type')).toHaveText('account');
  await expect(received(page, 'person token')).toHaveText(/^cpt_[A-Za-z0-9]+$/);
  await expect(received(page, 'person token type')).toHaveText('person');

  const posts = merchantPosts('/onboard');
  expect(posts.length).toBeGreaterThan(0);
  for (const body of posts) {
    expect(body).toEqual({
      account_token: expect.stringMatching(/^ct_[A-Za-z0-9]+$/),
      person_token: expect.stringMatching(/^cpt_[A-Za-z0-9]+$/),
    });
  }
  const sources = await recorder.everything([merchantLog, serviceLog]);
  expect(sources['host messages']).toContain('"type":"result"');
  for (const source of ['host messages', 'host network traffic', merchantLog, serviceLog]) {
    expect(containsDigits(sources[source], idNumber), `ID number in ${source}`).toBe(false);
    expect(sources[source].includes('000-00-0000'), `formatted ID number in ${source}`).toBe(false);
    expect(sources[source].includes('Lovelace'), `representative's name in ${source}`).toBe(false);
  }
});

test('account and person tokens posted to the merchant a second time are refused', async ({ page }) => {
  await page.goto('/onboard');
  await fillRepresentative(page, { day: '10', month: '12', year: '1985' });
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Account details received' })).toBeVisible();
  const posted = merchantPosts('/onboard').at(-1)!;

  await resubmit(page, '/onboard', posted);
  await expect(page.getByRole('heading', { name: 'Onboarding failed' })).toBeVisible();
  await expect(page.getByText('You cannot use a Stripe token more than once')).toBeVisible();
});

test('a date of birth that does not exist comes back as the service error; corrected, the form goes through', async ({
  page,
}) => {
  await page.goto('/onboard');
  await fillRepresentative(page, { day: '31', month: '2', year: '1985' });
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('#payment-error')).toContainText(/^Invalid date: .*dob.* must be a real date/);
  await expect(page.getByRole('button', { name: 'Create account' })).toBeEnabled();
  await expect(page).toHaveURL(/\/onboard$/);

  await page.getByLabel('Day of birth').fill('28');
  await expect(page.locator('#payment-error')).toBeEmpty();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Account details received' })).toBeVisible();
});

test('a company shows the business name field and onboards with it', async ({ page }) => {
  await page.goto('/onboard');
  await expect(page.getByLabel('Legal business name')).toBeHidden();
  await fillRepresentative(page, { day: '10', month: '12', year: '1985' });
  await page.getByLabel('Business type').selectOption('company');
  await page.getByLabel('Legal business name').fill('Rocket Rides LLC');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(received(page, 'account token')).toHaveText(/^ct_[A-Za-z0-9]+$/);
  await expect(received(page, 'person token')).toHaveText(/^cpt_[A-Za-z0-9]+$/);
});
