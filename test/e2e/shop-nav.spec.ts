import { expect, test } from '@playwright/test';
import { frameField } from './helpers';

const flows = [
  {
    link: 'Separate fields',
    url: /\/split$/,
    heading: 'Pay with separate fields',
    tag: 'tokenframe-card-number',
    field: 'Card number',
  },
  {
    link: 'Bank account',
    url: /\/bank$/,
    heading: 'Pay by bank',
    tag: 'tokenframe-bank-account',
    field: 'Routing number',
  },
  {
    link: 'Saved card',
    url: /\/cvc$/,
    heading: 'Confirm your saved card',
    tag: 'tokenframe-cvc-update',
    field: 'American Express security code',
  },
  {
    link: 'Identity',
    url: /\/identity$/,
    heading: 'Verify your identity',
    tag: 'tokenframe-pii',
    field: 'Social Security number',
  },
  { link: 'Card', url: /\/$/, heading: 'Demo Shop', tag: 'tokenframe-card', field: 'Card number' },
];

test('the shop navigation reaches every flow, each with its secure field loaded', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Demo flows' });
  for (const flow of flows) {
    await nav.getByRole('link', { name: flow.link, exact: true }).click();
    await expect(page).toHaveURL(flow.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(flow.heading);
    await expect(nav.getByRole('link', { name: flow.link, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(frameField(page, flow.tag, flow.field)).toBeVisible();
  }
  await nav.getByRole('link', { name: 'Onboarding', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sell on Demo Shop');
  await expect(page.getByLabel('First name')).toBeVisible();
  await nav.getByRole('link', { name: 'Connect bank', exact: true }).click();
  await expect(page).toHaveURL(/\/connect-bank$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connect your bank');
  await expect(nav.getByRole('link', { name: 'Connect bank', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('button', { name: 'Connect' })).toBeVisible();
  await nav.getByRole('link', { name: 'Appearance', exact: true }).click();
  await expect(page).toHaveURL(/\/gallery$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Appearance');
  await expect(frameField(page, 'tokenframe-pii', 'Social Security number')).toBeVisible();
});
