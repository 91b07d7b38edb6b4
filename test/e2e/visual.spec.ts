import { expect, test } from '@playwright/test';
import { openGallery } from '../support/gallery';
import { frameField } from './helpers';

/**
 * Visual regression: the appearance gallery's elements (demo /gallery)
 * against stored screenshots in test/e2e/__screenshots__/, with a small
 * tolerance for anti-aliasing. After an intended change of looks, run
 * `npx playwright test visual --update-snapshots`, view the new PNGs, and
 * commit them with the change.
 */
const looks = [
  { theme: 'default', locale: 'en' },
  { theme: 'night', locale: 'ar' },
  { theme: 'flat', locale: 'fr' },
];

test.use({ viewport: { width: 640, height: 900 }, deviceScaleFactor: 1 });

for (const { theme, locale } of looks) {
  test(`every element looks as stored in the ${theme} theme, in ${locale}`, async ({ page }) => {
    await openGallery(page, theme, locale);
    const sections = await page.locator('#gallery section').all();
    expect(sections.length).toBeGreaterThan(4);
    for (const section of sections) {
      const element = await section.getAttribute('data-element');
      await expect(section).toHaveScreenshot(`${element}-${theme}-${locale}.png`);
    }
  });
}

test('a card with an invalid number looks as stored', async ({ page }) => {
  await openGallery(page, 'default', 'en');
  await frameField(page, 'tokenframe-card', 'Card number').pressSequentially('4242424242424241');
  await expect(frameField(page, 'tokenframe-card', 'Card number')).toHaveAttribute('aria-invalid', 'true');
  // Focus moves to the page, so no caret blinks in the picture.
  await page.locator('#theme').focus();
  await expect(page.locator('#gallery section[data-element="card"]')).toHaveScreenshot('card-invalid-default-en.png');
});
