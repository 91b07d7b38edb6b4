import { readFileSync } from 'node:fs';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { shopPort } from '../../playwright.config';
import { frameField } from './helpers';

const nextYear = String((new Date().getFullYear() + 1) % 100).padStart(2, '0');
const font = readFileSync(new URL('../browser/fixtures/open-sans-regular.woff2', import.meta.url));

/** The development account lets its frames load fonts from the pages that embed them: the shop's origin. */
const allowedFont = `http://localhost:${shopPort}/e2e-fonts/open-sans-regular.woff2`;
/** The same font on another origin (127.0.0.1 is not localhost), which the key does not allow. */
const refusedFont = `http://127.0.0.1:${shopPort}/e2e-fonts/open-sans-regular.woff2`;

/** Stripe's `style` object, as a merchant coming from Stripe's Card Element writes it. */
const style = {
  base: {
    color: '#32325d',
    fontFamily: '"TF Shop Sans", monospace',
    fontSmoothing: 'antialiased',
    fontSize: '17px',
    '::placeholder': { color: '#aab7c4' },
  },
  complete: { color: 'rgb(0, 128, 0)' },
  invalid: { color: '#fa755a', iconColor: '#fa755a' },
};

/**
 * Opens the checkout and gives its card, with Stripe's `element.update()`, the single-line layout, `style` and
 * `fonts`, collecting the page's console warnings and its font requests.
 */
async function openCheckout(page: Page, fonts: object[]): Promise<{ warnings: string[]; fontRequests: string[] }> {
  const warnings: string[] = [];
  const fontRequests: string[] = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  page.on('request', (request) => request.url().includes('/e2e-fonts/') && fontRequests.push(request.url()));
  // The shop serves no font: this stands in for it, with the CORS header fonts need.
  await page.route('**/e2e-fonts/*', (route) =>
    route.fulfill({ body: font, contentType: 'font/woff2', headers: { 'Access-Control-Allow-Origin': '*' } }),
  );
  await page.goto('/');
  await expect(frameField(page, 'tokenframe-card', 'Card number')).toBeVisible();
  await page.evaluate(
    (options) => {
      const card = document.querySelector('tokenframe-card') as HTMLElement & { update(options: object): void };
      card.update({ layout: 'single-line', ...options });
    },
    { style, fonts },
  );
  await expect(page.locator('tokenframe-card')).toHaveAttribute('layout', 'single-line');
  return { warnings, fontRequests };
}

function cardFrame(page: Page): Frame {
  return page.frames().find((frame) => frame.url().includes('/frame/v1/card.html'))!;
}

test('pays on a card styled with Stripe’s style object and a font from an allowed origin', async ({ page }) => {
  const { warnings, fontRequests } = await openCheckout(page, [
    { family: 'TF Shop Sans', src: `url(${allowedFont}) format('woff2')`, weight: '400' },
  ]);
  const number = frameField(page, 'tokenframe-card', 'Card number');
  const postalCode = frameField(page, 'tokenframe-card', 'Postal code');
  // Single line: the number and the postal code side by side, in one row.
  await expect.poll(async () => (await number.boundingBox())!.y === (await postalCode.boundingBox())!.y).toBe(true);
  await expect(number).toHaveCSS('font-family', '"TF Shop Sans", monospace');
  await expect(number).toHaveCSS('font-size', '17px');
  await expect.poll(() => cardFrame(page).evaluate(() => document.fonts.check('17px "TF Shop Sans"'))).toBe(true);
  expect(await cardFrame(page).evaluate(() => [...document.fonts].map((face) => face.status))).toEqual(['loaded']);
  expect(fontRequests).toEqual([allowedFont]);

  await page.getByLabel('Name on card').fill('Jenny Rosen');
  await number.pressSequentially('4242424242424242');
  await expect(number).toHaveCSS('color', 'rgb(0, 128, 0)');
  await frameField(page, 'tokenframe-card', 'Expiration').pressSequentially(`12${nextYear}`);
  await frameField(page, 'tokenframe-card', 'CVC').pressSequentially('319');
  await postalCode.pressSequentially('94107');
  await page.getByRole('button', { name: /Pay/ }).click();
  await expect(page.getByText('Paid with Visa •••• 4242')).toBeVisible();
  expect(warnings.filter((text) => text.startsWith('tokenframe:'))).toEqual([]);
});

test('a font from an origin the key does not allow is refused with a warning, and never requested', async ({
  page,
}) => {
  const { warnings, fontRequests } = await openCheckout(page, [
    { family: 'TF Shop Sans', src: `url(${refusedFont}) format('woff2')` },
    { cssSrc: `http://127.0.0.1:${shopPort}/e2e-fonts/fonts.css` },
  ]);
  await expect
    .poll(() => warnings.filter((text) => text.includes('is not a font origin allowed')))
    .toEqual([
      `tokenframe: fonts[0].src: http://127.0.0.1:${shopPort} is not a font origin allowed for this key (tokenframe keys fonts add)`,
      `tokenframe: fonts[1].cssSrc: http://127.0.0.1:${shopPort} is not a font origin allowed for this key (tokenframe keys fonts add)`,
    ]);
  expect(await cardFrame(page).evaluate(() => document.fonts.size)).toBe(0);
  // The style still applies; the font falls back to the next family.
  await expect(frameField(page, 'tokenframe-card', 'Card number')).toHaveCSS('color', 'rgb(50, 50, 93)');
  expect(fontRequests).toEqual([]);
});
