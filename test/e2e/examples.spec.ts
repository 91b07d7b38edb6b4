import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { examplePorts } from '../../playwright.config';
import { expectNoSecrets, frameField, serviceLog } from './helpers';
import { LeakRecorder } from './leak-recorder';

/**
 * The framework examples (examples/): plain HTML with no script of its own,
 * React 19 and Vue 3 on the package's components (`tokenframe/react`,
 * `tokenframe/vue`), each served by examples/server.ts on its own origin (the
 * ports playwright.config.ts gives them) and paying with a real card frame.
 */
const examples = [
  { name: 'plain HTML', site: 'plain', url: `http://localhost:${examplePorts.plain}/` },
  { name: 'React', site: 'react', url: `http://localhost:${examplePorts.react}/` },
  { name: 'Vue', site: 'vue', url: `http://localhost:${examplePorts.vue}/` },
] as const;

/** Where playwright.config.ts sends the example server's request log. */
const examplesLog = join(process.env.E2E_DIR!, 'examples.log');
const nextYear = String((new Date().getFullYear() + 1) % 100).padStart(2, '0');
const card = { number: '4242424242424242', formatted: '4242 4242 4242 4242', cvc: '319' };

/** The `POST /pay` requests the example server logged for `site`, in order. */
function payments(site: string): { contentType: string; body: Record<string, unknown> }[] {
  if (!existsSync(examplesLog)) return [];
  return readFileSync(examplesLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(
      (line) => JSON.parse(line) as { site: string; url: string; contentType: string; body: Record<string, unknown> },
    )
    .filter((entry) => entry.site === site && entry.url === '/pay');
}

async function fillCard(page: Page): Promise<void> {
  const field = (label: string) => frameField(page, 'tokenframe-card', label);
  await field('Card number').pressSequentially(card.number);
  await expect(field('Card number')).toHaveValue(card.formatted);
  await field('Expiration').pressSequentially(`12${nextYear}`);
  await field('CVC').pressSequentially(card.cvc);
  await field('Postal code').pressSequentially('94107');
}

for (const example of examples) {
  test(`${example.name}: pays with a card; the shop's server gets only the token ID`, async ({ page }) => {
    const recorder = await LeakRecorder.attach(page);
    const before = payments(example.site).length;
    await page.goto(example.url);
    if (example.site === 'plain') {
      // The loader came with Subresource Integrity, ran, and upgraded the element.
      await expect(page.locator('script[src$="/v1/tokenframe.js"]')).toHaveAttribute('integrity', /^sha384-/);
      expect(await page.evaluate(() => customElements.get('tokenframe-card') !== undefined)).toBe(true);
      expect(await page.locator('tokenframe-card').evaluate((el) => el.shadowRoot !== null)).toBe(true);
    }
    const pay = page.getByRole('button', { name: 'Pay' });
    if (example.site !== 'plain') {
      // The provider gave the element its key and origin; the Pay button follows the component's onChange / @change.
      await expect(page.locator('tokenframe-card')).toHaveAttribute('publishable-key', /^pk_test_/);
      await expect(page.locator('tokenframe-card')).toHaveAttribute('origin', /^http:\/\/127\.0\.0\.1:/);
      await expect(pay).toBeDisabled();
    }
    await fillCard(page);
    await expect(pay).toBeEnabled();
    await recorder.snapshot(page);

    await pay.click();
    await expect(page.getByText('Paid with Visa •••• 4242')).toBeVisible();
    await recorder.snapshot(page);

    const posted = payments(example.site).slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0].contentType).toBe(
      example.site === 'plain' ? 'application/x-www-form-urlencoded' : 'application/json',
    );
    expect(posted[0].body).toEqual({ token: expect.stringMatching(/^tok_[A-Za-z0-9]+$/) });
    // Paying saved the card and used the token up: the same token id cannot pay a second time.
    const replay = await page.request.post(new URL('/pay', example.url).href, { data: posted[0].body });
    expect(replay.status()).toBe(402);
    expect(await replay.json()).toEqual({ error: expect.stringMatching(/more than once/) });

    const sources = await recorder.everything([examplesLog, serviceLog]);
    expect(sources['host messages']).toContain('"type":"result"');
    expectNoSecrets(sources, [
      { name: 'card number', text: card.number },
      { name: 'formatted card number', text: card.formatted },
      { name: 'CVC', digits: card.cvc },
    ]);
  });
}

for (const example of examples.filter(({ site }) => site !== 'plain')) {
  test(`${example.name}: the component's load error handler shows why the card cannot load`, async ({ page }) => {
    // The card's frame page never arrives (a network failure): the element gives up and says so.
    await page.route(/\/frame\/v1\/card\.html/, (route) => route.abort());
    await page.goto(example.url);
    // The example's own message: the loaderror's Stripe-shaped error (the element shows its Retry notice besides).
    await expect(page.locator('p.error')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+ did not answer/, { timeout: 20_000 });
    await expect(page.getByRole('button', { name: 'Pay' })).toBeDisabled();
  });
}

test('plain HTML: with a wrong integrity value the loader does not run and the element stays undefined', async ({
  page,
}) => {
  // The plain page as the example server renders it, served again from another
  // loopback port: as is, and with the loader's integrity value replaced.
  // (Not with page.route: Chromium treats a fulfilled document as public and
  // would block the loopback script for that reason instead.)
  const wrong = `sha384-${createHash('sha384').update('not the loader').digest('base64')}`;
  const server = createServer((request, response) => {
    fetch(`http://localhost:${examplePorts.plain}/`)
      .then((answer) => answer.text())
      .then((html) => {
        const body = request.url === '/wrong' ? html.replace(/integrity="sha384-[^"]+"/, `integrity="${wrong}"`) : html;
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
      })
      .catch(() => response.writeHead(502).end());
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  try {
    const logged: string[] = [];
    page.on('console', (message) => logged.push(message.text()));
    const defined = () => page.evaluate(() => customElements.get('tokenframe-card') !== undefined);

    await page.goto(`${origin}/right`);
    expect(await defined()).toBe(true);

    await page.goto(`${origin}/wrong`);
    await expect(page.locator('script[src$="/v1/tokenframe.js"]')).toHaveAttribute('integrity', wrong);
    expect(await defined()).toBe(false);
    await expect(page.locator('tokenframe-card iframe')).toHaveCount(0);
    // Refused by the integrity check, not for any other reason.
    expect(logged.join('\n')).toMatch(/Failed to find a valid digest in the 'integrity' attribute/);
  } finally {
    server.close();
  }
});

test('the examples, the JSX types and the React and Vue component types type-check (tsc -p examples)', () => {
  test.setTimeout(60_000);
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', 'examples'], { encoding: 'utf8' });
  } catch (error) {
    throw new Error(`tsc -p examples:\n${(error as { stdout?: string }).stdout ?? error}`, { cause: error });
  }
});
