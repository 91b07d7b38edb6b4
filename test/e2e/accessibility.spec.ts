import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Frame, type Page } from '@playwright/test';
import type { AxeResults, Result } from 'axe-core';
import { frameField } from './helpers';

/**
 * Accessibility of the demo pages and of every secure frame: axe-core finds
 * nothing, keyboard users can Tab into, through and out of a frame, and a
 * field's error is tied to its input.
 */

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Each demo page, and the visible secure frames it embeds (with a field to wait for). */
const pages: { path: string; frames: { tag: string; page: string; label: string }[] }[] = [
  { path: '/', frames: [{ tag: 'tokenframe-card', page: 'card', label: 'Card number' }] },
  {
    path: '/split',
    frames: [
      { tag: 'tokenframe-card-number', page: 'card-number', label: 'Card number' },
      { tag: 'tokenframe-card-expiry', page: 'card-expiry', label: 'Expiration' },
      { tag: 'tokenframe-card-cvc', page: 'card-cvc', label: 'CVC' },
    ],
  },
  { path: '/bank', frames: [{ tag: 'tokenframe-bank-account', page: 'bank-account', label: 'Routing number' }] },
  {
    path: '/cvc',
    frames: [{ tag: 'tokenframe-cvc-update', page: 'cvc-update', label: 'American Express security code' }],
  },
  { path: '/identity', frames: [{ tag: 'tokenframe-pii', page: 'pii', label: 'Social Security number' }] },
  { path: '/onboard', frames: [] },
  { path: '/connect-bank', frames: [] },
  {
    // Right to left: the gallery's frames in Arabic. (Not the night theme: axe judges contrast inside a
    // transparent frame against white, not against the dark page the theme is meant for.)
    path: '/gallery?locale=ar',
    frames: [
      { tag: 'tokenframe-card', page: 'card', label: 'رقم البطاقة' },
      { tag: 'tokenframe-card-number', page: 'card-number', label: 'رقم البطاقة' },
      { tag: 'tokenframe-pii', page: 'pii', label: 'رقم الضمان الاجتماعي (SSN)' },
    ],
  },
];

/** One line per violation and node, so a failure says what to fix. */
function report(violations: Result[]): string[] {
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')} — ${node.failureSummary}`));
}

/**
 * Runs axe inside a cross-origin frame. The frame's CSP forbids inline and
 * other-origin scripts, so addScriptTag would be blocked; evaluate is not
 * subject to CSP. The rules about a whole page (one main landmark, a level-one
 * heading, content inside landmarks) are for the host page: axe itself skips
 * them in iframes when it runs from the top.
 */
async function axeInFrame(frame: Frame): Promise<AxeResults> {
  await frame.evaluate(axeSource);
  return frame.evaluate(() =>
    (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, {
      rules: {
        region: { enabled: false },
        'landmark-one-main': { enabled: false },
        'page-has-heading-one': { enabled: false },
      },
    }),
  );
}

function secureFrame(page: Page, name: string): Frame {
  const frame = page.frame({ url: new RegExp(`/frame/v1/${name}\\.html`) });
  if (!frame) throw new Error(`no ${name} frame`);
  return frame;
}

for (const { path, frames } of pages) {
  test(`axe finds no violations on ${path} or in its secure frames`, async ({ page }) => {
    await page.goto(path);
    for (const { tag, label } of frames) await expect(frameField(page, tag, label)).toBeVisible();

    const results = await new AxeBuilder({ page }).analyze();
    expect(report(results.violations), `${path}`).toEqual([]);

    for (const { page: name } of frames) {
      const inFrame = await axeInFrame(secureFrame(page, name));
      expect(inFrame.passes.length, `axe ran in the ${name} frame`).toBeGreaterThan(0);
      expect(report(inFrame.violations), `${name} frame`).toEqual([]);
    }
  });
}

test('axe finds no violations in frames showing errors and a revealed ID number', async ({ page }) => {
  await page.goto('/');
  await frameField(page, 'tokenframe-card', 'Card number').pressSequentially('4242424242424241');
  await frameField(page, 'tokenframe-card', 'Expiration').pressSequentially('13');
  await frameField(page, 'tokenframe-card', 'CVC').focus();
  await expect(frameField(page, 'tokenframe-card', 'Card number')).toHaveAttribute('aria-invalid', 'true');
  expect(report((await axeInFrame(secureFrame(page, 'card'))).violations)).toEqual([]);

  await page.goto('/identity');
  const pii = page.frameLocator('tokenframe-pii iframe');
  await frameField(page, 'tokenframe-pii', 'Social Security number').pressSequentially('666123456');
  await pii.getByRole('button', { name: 'Show number' }).click();
  await expect(pii.getByRole('button', { name: 'Show number' })).toHaveAttribute('aria-pressed', 'true');
  await expect(pii.getByRole('alert')).toHaveText('Your ID number is invalid.');
  expect(report((await axeInFrame(secureFrame(page, 'pii'))).violations)).toEqual([]);
});

/** The accessible name of whatever has focus, inside the frame or on the page. */
async function focused(page: Page): Promise<string> {
  const frame = secureFrame(page, 'card');
  const inFrame = await frame.evaluate(() => {
    if (!document.hasFocus()) return null;
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!(element instanceof HTMLInputElement || element instanceof HTMLButtonElement)) return null;
    const label = element.labels?.[0]?.textContent?.trim();
    return `frame: ${label ?? element.textContent?.trim()}`;
  });
  if (inFrame) return inFrame;
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return `page: ${element?.id ?? element?.tagName}`;
  });
}

test('Tab and Shift+Tab move through the card frame in order and out to the host page', async ({ page }) => {
  await page.goto('/');
  await expect(frameField(page, 'tokenframe-card', 'Card number')).toBeVisible();
  await page.getByLabel('Name on card').focus();
  expect(await focused(page)).toBe('page: name');

  const forward = ['frame: Card number', 'frame: Expiration', 'frame: CVC', 'frame: Postal code', 'page: pay'];
  for (const expected of forward) {
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toBe(expected);
  }
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => focused(page)).toBe('frame: Postal code');
  for (const expected of ['frame: CVC', 'frame: Expiration', 'frame: Card number', 'page: name']) {
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focused(page)).toBe(expected);
  }
});

test('Shift+Tab from the Pay button into an untouched card frame lands on Postal code and judges nothing', async ({
  page,
}) => {
  await page.goto('/');
  await expect(frameField(page, 'tokenframe-card', 'Card number')).toBeVisible();
  await page.getByRole('button', { name: /Pay/ }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => focused(page)).toBe('frame: Postal code');
  for (const label of ['Card number', 'Expiration', 'CVC', 'Postal code']) {
    await expect(frameField(page, 'tokenframe-card', label)).toHaveAttribute('aria-invalid', 'false');
  }
  await expect(page.frameLocator('tokenframe-card iframe').getByRole('alert').filter({ hasText: /./ })).toHaveCount(0);
});

test('the whole card form works by keyboard alone', async ({ page }) => {
  await page.goto('/');
  await expect(frameField(page, 'tokenframe-card', 'Card number')).toBeVisible();
  await page.getByLabel('Name on card').focus();
  await page.keyboard.type('Jenny Rosen');
  const nextYear = String((new Date().getFullYear() + 1) % 100).padStart(2, '0');
  const entries = [
    { label: 'Card number', text: '4242424242424242', shown: '4242 4242 4242 4242' },
    { label: 'Expiration', text: `12${nextYear}`, shown: `12 / ${nextYear}` },
    { label: 'CVC', text: '123', shown: '123' },
    { label: 'Postal code', text: '94107', shown: '94107' },
  ];
  for (const { label, text, shown } of entries) {
    await page.keyboard.press('Tab');
    // Focus moves into the cross-origin frame's process asynchronously; a person waits for it too.
    await expect(frameField(page, 'tokenframe-card', label)).toBeFocused();
    await page.keyboard.type(text);
    await expect(frameField(page, 'tokenframe-card', label)).toHaveValue(shown);
  }
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /Pay/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Paid with Visa •••• 4242')).toBeVisible();
});

test('an invalid field is aria-invalid and described by its error; valid fields are not', async ({ page }) => {
  await page.goto('/bank');
  const routing = frameField(page, 'tokenframe-bank-account', 'Routing number');
  await expect(routing).toHaveAttribute('aria-invalid', 'false');
  await routing.pressSequentially('110000001');
  await frameField(page, 'tokenframe-bank-account', 'Account number').focus();

  await expect(routing).toHaveAttribute('aria-invalid', 'true');
  await expect(routing).toHaveAccessibleDescription('Your routing number is invalid.');
  const describedBy = await routing.evaluate((input) => {
    const root = input.getRootNode() as ShadowRoot;
    return (input.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => root.getElementById(id))
      .filter((element) => element?.textContent?.trim())
      .map((element) => ({ text: element!.textContent!.trim(), role: element!.getAttribute('role') }));
  });
  expect(describedBy).toEqual([{ text: 'Your routing number is invalid.', role: 'alert' }]);

  await routing.fill('');
  await routing.pressSequentially('110000000');
  await expect(routing).toHaveAttribute('aria-invalid', 'false');
  await expect(routing).toHaveAccessibleDescription('STRIPE TEST BANK');
});

test('every field has the right autocomplete, inputmode and enterkeyhint', async ({ page }) => {
  const attributes = (tag: string, label: string) =>
    frameField(page, tag, label).evaluate((input) => ({
      autocomplete: input.getAttribute('autocomplete'),
      inputmode: input.getAttribute('inputmode'),
      enterkeyhint: input.getAttribute('enterkeyhint'),
    }));
  const numeric = (autocomplete: string, enterkeyhint = 'next') => ({
    autocomplete,
    inputmode: 'numeric',
    enterkeyhint,
  });

  await page.goto('/');
  const card = 'tokenframe-card';
  await expect(frameField(page, card, 'Card number')).toBeVisible();
  expect(await attributes(card, 'Card number')).toEqual(numeric('cc-number'));
  expect(await attributes(card, 'Expiration')).toEqual(numeric('cc-exp'));
  expect(await attributes(card, 'CVC')).toEqual(numeric('cc-csc'));
  expect(await attributes(card, 'Postal code')).toEqual({
    autocomplete: 'postal-code',
    inputmode: 'text',
    enterkeyhint: 'done',
  });

  await page.goto('/bank');
  const bank = 'tokenframe-bank-account';
  await expect(frameField(page, bank, 'Routing number')).toBeVisible();
  expect(await attributes(bank, 'Routing number')).toEqual(numeric('off'));
  expect(await attributes(bank, 'Account number')).toEqual(numeric('off'));
  expect(await attributes(bank, 'Confirm account number')).toEqual(numeric('off'));
  expect(await attributes(bank, 'Account holder name')).toEqual({
    autocomplete: 'name',
    inputmode: 'text',
    enterkeyhint: 'done',
  });

  await page.goto('/cvc');
  const cvc = 'tokenframe-cvc-update';
  await expect(frameField(page, cvc, 'American Express security code')).toBeVisible();
  expect(await attributes(cvc, 'American Express security code')).toEqual(numeric('cc-csc', 'done'));

  await page.goto('/identity');
  const pii = 'tokenframe-pii';
  await expect(frameField(page, pii, 'Social Security number')).toBeVisible();
  expect(await attributes(pii, 'Social Security number')).toEqual(numeric('off', 'done'));
});

test('focus is visible on inputs, selects and the show/hide button', async ({ page }) => {
  await page.goto('/bank');
  await expect(frameField(page, 'tokenframe-bank-account', 'Routing number')).toBeVisible();
  const ring = (tag: string, label: string, role: 'textbox' | 'combobox' | 'button' = 'textbox') => {
    const frame = page.frameLocator(`${tag} iframe`);
    const locator =
      role === 'textbox'
        ? frame.getByLabel(label, { exact: true })
        : frame.getByRole(role, { name: label, exact: true });
    return locator.evaluate((element) => {
      const style = getComputedStyle(element);
      return { outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
  };
  await frameField(page, 'tokenframe-bank-account', 'Routing number').focus();
  expect(await ring('tokenframe-bank-account', 'Routing number')).toEqual({ outline: true });
  await frameField(page, 'tokenframe-bank-account', 'Account type').focus();
  expect(await ring('tokenframe-bank-account', 'Account type', 'combobox')).toEqual({ outline: true });

  await page.goto('/identity');
  await expect(frameField(page, 'tokenframe-pii', 'Social Security number')).toBeVisible();
  await frameField(page, 'tokenframe-pii', 'Social Security number').focus();
  await page.keyboard.press('Tab');
  const toggle = page.frameLocator('tokenframe-pii iframe').getByRole('button', { name: 'Show number' });
  await expect(toggle).toBeFocused();
  expect(await ring('tokenframe-pii', 'Show number', 'button')).toEqual({ outline: true });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(frameField(page, 'tokenframe-pii', 'Social Security number')).toHaveAttribute('type', 'text');
});
