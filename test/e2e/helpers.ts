import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

/** Where playwright.config.ts sends the service's and the merchant server's logs. */
const dir = process.env.E2E_DIR!;
export const merchantLog = join(dir, 'merchant.log');
export const serviceLog = join(dir, 'service.log');
/** What the processor stub (demo/processor-stub.ts) received: one JSON line per request, card values included. */
export const processorLog = join(dir, 'processor.log');

/** A payment body the processor stub received, with the card values the service filled in. */
export interface ProcessorPayment {
  amount: number;
  currency: string;
  paymentMethod: Record<string, string>;
}

/** The payment bodies the processor stub received, in order. */
export function processorPayments(): ProcessorPayment[] {
  if (!existsSync(processorLog)) return [];
  return readFileSync(processorLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse((JSON.parse(line) as { body: string }).body) as ProcessorPayment);
}

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

/**
 * Posts `fields` to the merchant's `action` from the page, as a replayed
 * request or a resubmitted form would arrive, and waits for the answer page.
 */
export async function resubmit(page: Page, action: string, fields: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    ({ action, fields }) => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = action;
      for (const [name, value] of Object.entries(fields)) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = String(value);
        form.append(input);
      }
      document.body.append(form);
      form.submit();
    },
    { action, fields },
  );
  await page.waitForURL((url) => url.pathname === action);
}
