import type { ReactiveController, ReactiveControllerHost } from 'lit';
import en, { type Catalog, type Formatters } from './en';
import { directionOf, formatters, loadLocale, type Language } from './locales';

/**
 * Gives a Lit form its catalog and formatters, and re-renders it when the
 * host asks for another language. Forms read `localize.t.card.number`,
 * `localize.t.errors[code]`, and pass `localize.format` to the catalog's
 * message functions.
 */
export class LocalizeController implements ReactiveController {
  /** The catalog in use. */
  t: Catalog = en;
  language: Language = 'en';
  /** The BCP 47 tag numbers and dates follow (`fr-CA` while the catalog is `fr`). */
  locale = 'en';
  format: Formatters = formatters('en');
  private latestRequest = 0;
  /** The latest setLocale's promise: an overtaken request resolves with it. */
  private showing: Promise<void> = Promise.resolve();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get dir(): 'ltr' | 'rtl' {
    return directionOf(this.language);
  }

  hostConnected(): void {}

  /**
   * Loads the best catalog for `requested` and re-renders. Resolves once the
   * latest language asked for shows: a request overtaken by a later one
   * drops its own result and waits for that one, so whoever awaits this (the
   * frame's `ready`) never goes on while the previous language still shows.
   */
  setLocale(requested: string | undefined): Promise<void> {
    const request = ++this.latestRequest;
    const shown = loadLocale(requested).then(async ({ catalog, language, locale }): Promise<void> => {
      if (request !== this.latestRequest) return this.showing;
      if (locale === this.locale) return;
      this.t = catalog;
      this.language = language;
      this.locale = locale;
      this.format = formatters(locale);
      this.host.requestUpdate();
      await this.host.updateComplete;
    });
    this.showing = shown;
    return shown;
  }
}
