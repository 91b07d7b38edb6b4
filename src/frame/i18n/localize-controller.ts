import type { ReactiveController, ReactiveControllerHost } from 'lit';
import en, { type Catalog, type Formatters } from './en';
import { directionOf, formatters, loadCatalog, matchLocale, type Language } from './locales';

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

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get dir(): 'ltr' | 'rtl' {
    return directionOf(this.language);
  }

  hostConnected(): void {}

  /**
   * Loads the best catalog for `requested` and re-renders. Resolves once it
   * shows. When a later request overtakes this one, this one's result is dropped.
   */
  async setLocale(requested: string | undefined): Promise<void> {
    const { language, locale } = matchLocale(requested);
    const request = ++this.latestRequest;
    if (locale === this.locale) return;
    const catalog = await loadCatalog(language);
    if (request !== this.latestRequest) return;
    // A catalog that failed to load came back as English: format as English too.
    const loaded = catalog !== en || language === 'en';
    this.t = catalog;
    this.language = loaded ? language : 'en';
    this.locale = loaded ? locale : 'en';
    this.format = formatters(this.locale);
    this.host.requestUpdate();
    await this.host.updateComplete;
  }
}
