// `npm run screenshots`: renders every element of the demo's appearance gallery
// (/gallery) in every built-in theme and in two languages in headless
// Chromium, and writes one PNG per element, theme and language:
// `docs/screenshots/{element}-{theme}-{locale}.png`. Then the pictures the
// README shows of the card: on one line (`card-single-line.png`), with each
// brand's icon (`brand-{brand}.png`), and in the right-to-left languages
// (`card-rtl-{he,fa,ar}.png`).
//
//   node --import tsx scripts/screenshots.ts [--out DIR] [--locales en,ar] [--themes default,night,flat]
//
// It starts its own service and demo shop on free loopback ports (two
// origins, as in production), from the current build (`npm run build`).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { openGallery } from '../test/support/gallery';
// @ts-expect-error plain ESM helper without types
import { chromiumArgs, ensureChromium } from './chromium.mjs';
// @ts-expect-error plain ESM helper without types
import { freePort, waitForUrl } from './loopback.mjs';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'docs/screenshots' },
    locales: { type: 'string', default: 'en,ar' },
    themes: { type: 'string', default: 'default,night,flat' },
  },
});

if (!existsSync('dist/frame') || !existsSync('dist/host/tokenframe.js')) {
  console.error('No build found: run `npm run build` first.');
  process.exit(1);
}

/** How long each of the gallery's waits may take: generous, for a busy machine (the visual tests leave it to theirs). */
const galleryTimeout = 20_000;

const children: ChildProcess[] = [];
const start = (args: string[]) =>
  children.push(spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] }));

const dataDir = mkdtempSync(join(tmpdir(), 'tokenframe-screenshots-'));
const [servicePort, shopPort]: number[] = [await freePort(), await freePort()];
const service = `http://127.0.0.1:${servicePort}`;
const shop = `http://localhost:${shopPort}`;
const out = resolve(values.out);
mkdirSync(out, { recursive: true });

try {
  start([
    'bin/tokenframe.js',
    'serve',
    '--dev',
    '--port',
    String(servicePort),
    '--data-dir',
    dataDir,
    '--allowed-origin',
    shop,
  ]);
  await waitForUrl(`${service}/v1/tokenframe.js`, { timeoutMs: 30_000 });
  start(['--import', 'tsx', 'demo/main.ts', '--port', String(shopPort), '--service', service, '--data-dir', dataDir]);
  await waitForUrl(`${shop}/`, { timeoutMs: 30_000 });

  const browser = await chromium.launch({ executablePath: ensureChromium(), args: chromiumArgs });
  const page = await browser.newPage({ baseURL: shop, viewport: { width: 640, height: 900 }, deviceScaleFactor: 1 });
  let written = 0;
  for (const theme of values.themes.split(',')) {
    for (const locale of values.locales.split(',')) {
      await openGallery(page, theme, locale, galleryTimeout);
      for (const section of await page.locator('#gallery section').all()) {
        const element = await section.getAttribute('data-element');
        await section.screenshot({ path: join(out, `${element}-${theme}-${locale}.png`), animations: 'disabled' });
        written++;
      }
    }
  }
  written += await cardPictures(page);
  await browser.close();
  console.log(`${written} screenshots in ${out}`);
} finally {
  for (const child of children) child.kill('SIGTERM');
}

/** The gallery's card on one line, with each brand's number typed, and stacked in the right-to-left languages. */
async function cardPictures(page: Page): Promise<number> {
  /** A test number of each brand the README shows. */
  const brandNumbers = {
    visa: '4242424242424242',
    mastercard: '5555555555554444',
    amex: '378282246310005',
    discover: '6011111111111117',
    diners: '3056930009020004',
    jcb: '3566002020360505',
    unionpay: '6200000000000005',
  };
  let written = 0;
  const section = page.locator('#gallery section[data-element="card"]');
  const numberField = section.locator('tokenframe-card iframe').contentFrame().locator('input').first();
  const shoot = async (name: string) => {
    // Focus on the page, so no caret blinks in the picture.
    await page.locator('#theme').focus();
    await section.screenshot({ path: join(out, `${name}.png`), animations: 'disabled' });
    written++;
  };
  const singleLine = async () => {
    await section.locator('tokenframe-card').evaluate((card) => card.setAttribute('layout', 'single-line'));
    await section.locator('tokenframe-card iframe').contentFrame().locator('.row[part="single"]').waitFor();
  };

  await openGallery(page, 'default', 'en', galleryTimeout);
  await singleLine();
  await shoot('card-single-line');
  for (const [brand, number] of Object.entries(brandNumbers)) {
    await numberField.fill(number);
    await section.locator('tokenframe-card iframe').contentFrame().locator(`svg.icon.${brand}`).waitFor();
    await shoot(`brand-${brand}`);
  }
  for (const locale of ['he', 'fa', 'ar']) {
    await openGallery(page, 'default', locale, galleryTimeout);
    await numberField.fill(brandNumbers.visa);
    await shoot(`card-rtl-${locale}`);
  }
  return written;
}
