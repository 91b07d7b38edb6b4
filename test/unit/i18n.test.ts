import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ar from '../../src/frame/i18n/ar';
import { cvcDigitsMessage, expiredMessage } from '../../src/frame/i18n/card-messages';
import de from '../../src/frame/i18n/de';
import en, { type Catalog, type Formatters } from '../../src/frame/i18n/en';
import es from '../../src/frame/i18n/es';
import fa from '../../src/frame/i18n/fa';
import fr from '../../src/frame/i18n/fr';
import ja from '../../src/frame/i18n/ja';
import { localized, matchLocale, supportedLanguages, type Language } from '../../src/frame/i18n/languages';
import { directionOf, formatters, loadLocale, localizeTokenError } from '../../src/frame/i18n/locales';
import { brandByName } from '../../src/validation/brand-lookup';
import { messages } from '../../src/validation/errors';

/** Every catalog, loaded as the frame loads it (English from the page, the others from their chunks). */
const catalogs = Object.fromEntries(
  await Promise.all(
    supportedLanguages.map(async (language) => [language, (await localized(language))?.catalog ?? en] as const),
  ),
) as Record<Language, Catalog>;

/** Acronyms, brand names and the card's own `MM / YY` (Hindi forms keep it) that a language may write as English does. */
const sharedNames = ['CVC', 'IBAN', 'SSN', 'ITIN', 'American Express', 'Visa', 'MM / YY'];

/** Languages in a script without Latin letters: any Latin word left in them is untranslated English. */
const nonLatin = ['ar', 'bg', 'el', 'fa', 'he', 'hi', 'ja', 'ko', 'ru', 'th', 'uk', 'zh', 'zh-Hant'];

/** Formatters that mark what they format, to see that a message takes its numbers and dates from them. */
const marking: Formatters = {
  number: (value) => `⟨${'n'.repeat(value)}⟩`,
  monthYear: () => '⟨month⟩',
  region: () => '⟨region⟩',
};

/** Every entry of a catalog as text: functions are called with sample arguments in the catalog's own locale. */
function entries(catalog: Catalog, locale: string, path = '', node: unknown = catalog): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node === 'function') {
    const f = formatters(locale);
    const sample: Record<string, unknown[]> = {
      'cvcUpdate.brandSecurityCode': ['Visa'],
      'messages.cvcDigits': [4, f],
      'messages.cardExpired': [3, 2024, f],
      'messages.ibanFromCountry': ['DE', f],
    };
    assert.ok(sample[path], `no sample arguments for ${path}`);
    return [[path, (node as (...args: unknown[]) => string)(...sample[path])]];
  }
  return Object.entries(node as object).flatMap(([key, value]) =>
    entries(catalog, locale, path ? `${path}.${key}` : key, value),
  );
}

describe('catalogs', () => {
  const english = new Map(entries(en, 'en'));

  it('are at least 30 languages, among them every one the issue asks for', () => {
    assert.ok(supportedLanguages.length >= 30, `${supportedLanguages.length} languages`);
    // prettier-ignore
    const asked = ['en', 'fr', 'de', 'es', 'ja', 'ar', 'he', 'fa', 'zh', 'zh-Hant', 'ko', 'pt', 'it', 'nl', 'pl', 'tr',
      'ru', 'uk', 'sv', 'da', 'nb', 'fi', 'cs', 'hu', 'ro', 'el', 'th', 'vi', 'id', 'hi'];
    for (const language of asked) assert.ok(supportedLanguages.includes(language as Language), language);
    assert.equal(
      new Set(Object.values(catalogs)).size,
      supportedLanguages.length,
      'a language without its own catalog',
    );
  });

  it('cover every validation code', () => {
    for (const [language, catalog] of Object.entries(catalogs)) {
      assert.deepEqual(Object.keys(catalog.errors).sort(), Object.keys(messages).sort(), language);
    }
  });

  for (const language of supportedLanguages.filter((l) => l !== 'en')) {
    describe(language, () => {
      const translated = new Map(entries(catalogs[language], language));

      it('has every key English has, and no other', () => {
        assert.deepEqual([...translated.keys()].sort(), [...english.keys()].sort());
      });

      it('says in each message what English says there: the brand, the number, the month, the country', () => {
        const t = catalogs[language];
        assert.match(t.cvcUpdate.brandSecurityCode('Visa'), /Visa/);
        assert.match(t.messages.cvcDigits(4, marking), /⟨nnnn⟩/);
        assert.match(t.messages.cardExpired(3, 2024, marking), /⟨month⟩/);
        assert.match(t.messages.ibanFromCountry('DE', marking), /⟨region⟩/);
      });

      it('writes numbers and dates only through Intl, never its own digits', () => {
        const t = catalogs[language];
        for (const text of [
          t.messages.cvcDigits(4, marking),
          t.messages.cvcDigits(3, marking),
          t.messages.cardExpired(3, 2024, marking),
          t.messages.ibanFromCountry('DE', marking),
        ]) {
          assert.doesNotMatch(text, /\p{Nd}/u, `${language}: ${text}`);
        }
      });

      it('has no empty string', () => {
        for (const [key, text] of translated) assert.ok(text.trim().length > 0, `${language} ${key} is empty`);
      });

      it('leaves nothing in English but shared names', () => {
        for (const [key, text] of translated) {
          if (sharedNames.includes(text)) continue;
          assert.notEqual(text, english.get(key), `${language} ${key} is the English text`);
          const withoutNames = sharedNames.reduce((rest, name) => rest.replaceAll(name, ''), text);
          assert.doesNotMatch(
            withoutNames,
            /\b(the|your|card|number|invalid|incomplete|enter|account|please|expired|security|digits|secure|input)\b/i,
            `${language} ${key}: ${text}`,
          );
          if (nonLatin.includes(language)) {
            assert.doesNotMatch(withoutNames, /[A-Za-z]{2,}/, `${language} ${key} has Latin words: ${text}`);
          }
        }
      });
    });
  }
});

describe('matchLocale', () => {
  it('takes a supported tag as it is, and keeps the region for formatting', () => {
    assert.deepEqual(matchLocale('fr'), { language: 'fr', locale: 'fr' });
    assert.deepEqual(matchLocale('fr-CA'), { language: 'fr', locale: 'fr-CA' });
    assert.deepEqual(matchLocale('AR-eg'), { language: 'ar', locale: 'ar-EG' });
    assert.deepEqual(matchLocale('de_AT'), { language: 'de', locale: 'de-AT' });
    assert.deepEqual(matchLocale('ja-JP-u-ca-japanese'), { language: 'ja', locale: 'ja-JP-u-ca-japanese' });
  });

  it('takes Chinese in Traditional characters by script or by a region that writes them', () => {
    assert.deepEqual(matchLocale('zh'), { language: 'zh', locale: 'zh' });
    assert.deepEqual(matchLocale('zh-CN'), { language: 'zh', locale: 'zh-CN' });
    assert.deepEqual(matchLocale('zh-Hans-SG'), { language: 'zh', locale: 'zh-Hans-SG' });
    assert.deepEqual(matchLocale('zh-TW'), { language: 'zh-Hant', locale: 'zh-TW' });
    assert.deepEqual(matchLocale('zh-hk'), { language: 'zh-Hant', locale: 'zh-HK' });
    assert.deepEqual(matchLocale('zh-Hant'), { language: 'zh-Hant', locale: 'zh-Hant' });
    assert.deepEqual(matchLocale('zh-Hant-CN'), { language: 'zh-Hant', locale: 'zh-Hant-CN' });
    assert.deepEqual(matchLocale('yue-HK'), { language: 'zh-Hant', locale: 'yue-HK' });
  });

  it('maps Norwegian to Bokmål, old codes to today’s, and regions to their language', () => {
    assert.deepEqual(matchLocale('no'), { language: 'nb', locale: 'no' });
    assert.deepEqual(matchLocale('nn-NO'), { language: 'nb', locale: 'nn-NO' });
    assert.deepEqual(matchLocale('nb-NO'), { language: 'nb', locale: 'nb-NO' });
    assert.deepEqual(matchLocale('iw'), { language: 'he', locale: 'he' });
    assert.deepEqual(matchLocale('iw-IL'), { language: 'he', locale: 'he-IL' });
    assert.deepEqual(matchLocale('in'), { language: 'id', locale: 'id' });
    assert.deepEqual(matchLocale('pt-BR'), { language: 'pt', locale: 'pt-BR' });
    assert.deepEqual(matchLocale('pt-PT'), { language: 'pt', locale: 'pt-PT' });
    assert.deepEqual(matchLocale('fa-IR'), { language: 'fa', locale: 'fa-IR' });
    assert.deepEqual(matchLocale('hi-IN'), { language: 'hi', locale: 'hi-IN' });
    assert.deepEqual(matchLocale('sv-FI'), { language: 'sv', locale: 'sv-FI' });
  });

  it('finds every supported language by its own tag', () => {
    for (const language of supportedLanguages) assert.equal(matchLocale(language).language, language);
  });

  it('falls back to English, formatting as English too, for unsupported or malformed tags', () => {
    assert.deepEqual(matchLocale('tlh'), { language: 'en', locale: 'en' });
    assert.deepEqual(matchLocale('not a tag!'), { language: 'en', locale: 'en' });
    assert.deepEqual(matchLocale(''), { language: 'en', locale: 'en' });
    assert.deepEqual(matchLocale(undefined), { language: 'en', locale: 'en' });
    assert.deepEqual(matchLocale('en-GB'), { language: 'en', locale: 'en-GB' });
  });
});

describe('directionOf', () => {
  it('lays Arabic, Hebrew and Persian out right to left, the others left to right', () => {
    const rtl = supportedLanguages.filter((language) => directionOf(language) === 'rtl');
    assert.deepEqual(rtl.sort(), ['ar', 'fa', 'he']);
  });
});

describe('loadLocale', () => {
  it('answers English tags from the page, and others with their own catalog and tag', async () => {
    assert.deepEqual(await loadLocale('en-GB'), { catalog: en, language: 'en', locale: 'en-GB' });
    assert.deepEqual(await loadLocale(undefined), { catalog: en, language: 'en', locale: 'en' });
    assert.deepEqual(await loadLocale('fr-CA'), { catalog: fr, language: 'fr', locale: 'fr-CA' });
    assert.deepEqual(await loadLocale('iw'), { catalog: catalogs.he, language: 'he', locale: 'he' });
    assert.deepEqual(await loadLocale('zh_TW'), { catalog: catalogs['zh-Hant'], language: 'zh-Hant', locale: 'zh-TW' });
    assert.deepEqual(await loadLocale('tlh'), { catalog: en, language: 'en', locale: 'en' });
    assert.deepEqual(await loadLocale('not a tag!'), { catalog: en, language: 'en', locale: 'en' });
  });
});

describe('formatted messages', () => {
  it('name the month a card expired as each language writes it', () => {
    const march2024 = (catalog: Catalog, locale: string) => catalog.messages.cardExpired(3, 2024, formatters(locale));
    assert.equal(march2024(en, 'en'), 'Your card expired in March 2024.');
    assert.equal(march2024(fr, 'fr'), 'Votre carte a expiré en mars 2024.');
    assert.equal(march2024(de, 'de'), 'Ihre Karte ist im März 2024 abgelaufen.');
    assert.equal(march2024(es, 'es'), 'Su tarjeta venció en marzo de 2024.');
    assert.equal(march2024(ja, 'ja'), 'このカードの有効期限は2024年3月に切れています。');
    assert.equal(march2024(ar, 'ar-EG'), 'انتهت صلاحية بطاقتك في مارس ٢٠٢٤.');
  });

  it('name the month on the card, a Gregorian one, where the locale counts in another calendar', () => {
    const march2024 = (catalog: Catalog, locale: string) => catalog.messages.cardExpired(3, 2024, formatters(locale));
    // Not اسفند ۱۴۰۲ (Persian) nor a Hijri month (Saudi Arabic): those months begin in the middle of March.
    assert.equal(march2024(fa, 'fa'), 'کارت شما در مارس ۲۰۲۴ منقضی شده است.');
    assert.equal(march2024(ar, 'ar-SA'), 'انتهت صلاحية بطاقتك في مارس ٢٠٢٤.');
  });

  it('write digit counts with the locale’s digits', () => {
    assert.equal(en.messages.cvcDigits(4, formatters('en')), "Your card's security code needs 4 digits.");
    assert.equal(ar.messages.cvcDigits(4, formatters('ar-EG')), 'يجب أن يتكون رمز أمان بطاقتك من ٤ أرقام.');
  });

  it('name the IBAN’s country in the customer’s language', () => {
    assert.equal(en.messages.ibanFromCountry('DE', formatters('en')), 'Enter an IBAN from Germany.');
    assert.equal(fr.messages.ibanFromCountry('DE', formatters('fr')), 'Saisissez un IBAN de ce pays\u00a0: Allemagne.');
    assert.equal(ja.messages.ibanFromCountry('DE', formatters('ja')), 'ドイツの IBAN を入力してください。');
  });
});

describe('card messages', () => {
  const now = new Date(2025, 5, 15);
  const f = formatters('en');

  it('say when a card expired, for a month in the past', () => {
    assert.equal(
      expiredMessage({ month: '03', year: '24' }, { state: 'invalid' }, en, f, now),
      'Your card expired in March 2024.',
    );
    assert.equal(
      expiredMessage({ month: '05', year: '25' }, { state: 'invalid' }, en, f, now),
      'Your card expired in May 2025.',
    );
  });

  it('leave other expiry problems to the code’s message', () => {
    assert.equal(expiredMessage({ month: '06', year: '25' }, { state: 'invalid' }, en, f, now), null);
    assert.equal(expiredMessage({ month: '13', year: '24' }, { state: 'invalid' }, en, f, now), null);
    assert.equal(expiredMessage({ month: '03', year: '2' }, { state: 'incomplete' }, en, f, now), null);
  });

  it('say how many digits the brand’s security code has when it is too long', () => {
    const visa = brandByName('visa');
    assert.equal(cvcDigitsMessage({ state: 'invalid' }, visa, en, f), "Your card's security code needs 3 digits.");
    assert.equal(cvcDigitsMessage({ state: 'invalid' }, null, en, f), null);
    assert.equal(cvcDigitsMessage({ state: 'incomplete' }, visa, en, f), null);
  });
});

describe('localizeTokenError', () => {
  it('translates validation codes and the service’s customer-facing errors', () => {
    const incorrect = { type: 'card_error', code: 'incorrect_number', message: messages.incorrect_number };
    assert.equal(localizeTokenError(incorrect, fr).message, fr.errors.incorrect_number);
    assert.equal(
      localizeTokenError({ type: 'api_connection_error', code: 'network_error', message: 'x' }, de).message,
      de.apiErrors.network_error,
    );
    assert.equal(
      localizeTokenError({ type: 'invalid_request_error', code: 'rate_limit', message: 'x' }, ja).message,
      ja.apiErrors.rate_limit,
    );
    assert.equal(
      localizeTokenError({ type: 'api_error', message: 'The payment service answered 502.' }, es).message,
      es.apiErrors.api_error,
    );
  });

  it('keeps the service’s message for codes it does not know, and every other field', () => {
    const unknown = {
      type: 'invalid_request_error',
      code: 'parameter_unknown',
      param: 'card[colour]',
      message: 'Received unknown parameter: card[colour]',
    };
    assert.deepEqual(localizeTokenError(unknown, ar), unknown);
    assert.equal(localizeTokenError({ ...unknown, code: 'toString' }, ar).message, unknown.message);
  });
});
