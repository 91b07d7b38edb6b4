import type { Page } from '@playwright/test';

/**
 * The appearance gallery (demo /gallery, on the page's base URL) in `theme` and `locale`, once every element has
 * answered and every field frame shows `locale`: the gallery sets the language after the loader, so a frame that
 * was quick may have been ready in English and still be loading the language's catalog. Used by the visual tests
 * and `npm run screenshots`; it reads nothing else, so a script can import it. `timeout` is how long each wait
 * may take (the page's default when absent: under Playwright Test, the test's own limit).
 */
export async function openGallery(page: Page, theme: string, locale: string, timeout?: number): Promise<void> {
  await page.goto(`/gallery?theme=${theme}&locale=${locale}`);
  await page.locator('body[data-ready]').waitFor({ timeout });
  for (const frame of page.frames()) {
    if (/\/frame\/v1\/(?!tokens\.html)/.test(frame.url()))
      await frame.locator(`html[lang="${locale}"]`).waitFor({ state: 'attached', timeout });
  }
}
