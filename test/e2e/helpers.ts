import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

/** Where playwright.config.ts sends the service's and the merchant server's logs. */
const dir = process.env.E2E_DIR!;
export const merchantLog = join(dir, 'merchant.log');
export const serviceLog = join(dir, 'service.log');

/** The secure fields of the element `tag` on the page, by their visible label. */
export function frameField(page: Page, tag: string, label: string) {
  return page.frameLocator(`${tag} iframe`).getByLabel(label, { exact: true });
}

/**
 * True when `secret` appears as a whole run of digits: not inside a random ID
 * (letters and digits) and not inside a decimal number such as a log's response time.
 */
export function containsDigits(text: string, secret: string): boolean {
  return new RegExp(`(?<![A-Za-z0-9])(?<!\\d\\.)${secret}(?![A-Za-z0-9])(?!\\.\\d)`).test(text);
}

/** A secret to look for, and how: as a whole digit run, or as exact text (formatted values). */
export type Secret = { name: string; digits: string } | { name: string; text: string };

/** Fails, naming the secret and the source, if any secret appears in any recorded source. */
export function expectNoSecrets(sources: Record<string, string>, secrets: Secret[]): void {
  for (const [source, text] of Object.entries(sources)) {
    for (const secret of secrets) {
      const found = 'digits' in secret ? containsDigits(text, secret.digits) : text.includes(secret.text);
      expect(found, `${secret.name} in ${source}`).toBe(false);
    }
  }
}

/** The bodies of the form posts the merchant server logged for `url`. */
export function merchantPosts(url: string): Record<string, unknown>[] {
  if (!existsSync(merchantLog)) return [];
  return readFileSync(merchantLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { method: string; url: string; body: Record<string, unknown> | null })
    .filter((entry) => entry.method === 'POST' && entry.url === url)
    .map((entry) => entry.body ?? {});
}

/** A value on the merchant's receipt page: the `<dd>` after the `<dt>` named `name`. */
export function received(page: Page, name: string) {
  return page.locator(`xpath=//dl/dt[normalize-space()="${name}"]/following-sibling::dd[1]`);
}
