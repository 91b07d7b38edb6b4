// Screenshots of the running demo (`npm start` first): the empty checkout,
// a filled card with its brand, an error state, and the confirmation page.
// Writes PNGs to screenshots/. Usage: node scripts/screenshot-demo.mjs [shop URL]
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, ensureChromium } from './chromium.mjs';

const shop = process.argv[2] ?? 'http://localhost:5173';
const nextYear = String((new Date().getFullYear() + 1) % 100).padStart(2, '0');
mkdirSync('screenshots', { recursive: true });

const browser = await chromium.launch({ executablePath: ensureChromium(), args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: 640, height: 760 } });
const frame = page.frameLocator('tokenframe-card iframe');
const field = (label) => frame.getByLabel(label, { exact: true });

await page.goto(shop);
await field('Card number').waitFor();
await page.screenshot({ path: 'screenshots/checkout-empty.png' });

await field('Card number').pressSequentially('4242424242424241');
await field('Expiration').click();
await page.screenshot({ path: 'screenshots/checkout-error.png' });

await page.reload();
await page.getByLabel('Name on card').fill('Jenny Rosen');
await field('Card number').pressSequentially('4242424242424242');
await field('Expiration').pressSequentially(`12${nextYear}`);
await field('CVC').pressSequentially('123');
await field('Postal code').pressSequentially('94107');
await page.screenshot({ path: 'screenshots/checkout-filled.png' });

await page.getByRole('button', { name: /Pay/ }).click();
await page.getByText(/Paid with/).waitFor();
await page.screenshot({ path: 'screenshots/confirmation.png' });
await browser.close();
console.log('wrote screenshots/checkout-empty.png, checkout-error.png, checkout-filled.png, confirmation.png');
