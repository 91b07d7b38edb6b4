import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ReactiveControllerHost } from 'lit';
import { LocalizeController } from '../../src/frame/i18n/localize-controller';
import type { TokenframeBankAccount, TokenframeCard } from '../../src/host/index';
import { env, frameTexts, mountReady, nextChangeError, nextYear, recordRequests, shownErrors, type } from './helpers';

interface FrameDocument {
  lang: string;
  dir: string;
  title: string;
}

interface FrameLayout {
  dir: string | null;
  direction: string;
  textAlign: string;
  labelDirection: string;
  labelGapLeft: number;
  labelGapRight: number;
}

function frameDocument(id: string) {
  return executeServerCommand<FrameDocument, { selector: string }>('frame-document', { selector: `#${id}` });
}

function frameLayout(id: string, label: string) {
  return executeServerCommand<FrameLayout, { selector: string; label: string }>('frame-layout', {
    selector: `#${id}`,
    label,
  });
}

/** The labels the frame of `#id` shows, in order. */
function labels(id: string) {
  return frameTexts(id, 'label');
}

/** Mounts `tag` with no locale attribute inside an element whose `lang` is `lang`, as a page section in that language. */
async function mountInside<T extends HTMLElement>(lang: string, tag: string, id: string): Promise<T> {
  const element = document.createElement(tag) as T;
  element.id = id;
  element.setAttribute('origin', env.url);
  element.setAttribute('key', env.publishableKey);
  const ready = oneEvent(element, 'ready');
  await fixture(html`<section lang=${lang}><div>${element}</div></section>`);
  await ready;
  return element;
}

/**
 * The language chunks the frames requested since `recordRequests()`: `languages` for the list, else a
 * catalog's language (`fr`, `zh-hant`), from the built file names (`/frame/v1/assets/fr-1a2B3c4D.js`).
 */
async function languageChunks(): Promise<string[]> {
  const all = (await executeServerCommand<{ url: string }[], undefined>('recorded-requests')) ?? [];
  return all
    .map(({ url }) => /\/assets\/(languages|[a-z]{2}(?:-hant)?)-[\w-]{8}\.js$/.exec(new URL(url).pathname)?.[1])
    .filter((name): name is string => name !== undefined);
}

const toArabicIndic = (digits: string) => digits.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]);

describe('locale', () => {
  it('locale="fr" shows French labels, and French errors in the frame and in change events', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'locale-fr', { locale: 'fr' });
    expect(await labels('locale-fr')).to.deep.equal(['Numéro de carte', "Date d'expiration", 'CVC', 'Code postal']);
    const error = nextChangeError(card);
    await type('locale-fr', 'Numéro de carte', '4242424242424241');
    expect(await error).to.deep.equal({
      type: 'validation_error',
      code: 'incorrect_number',
      message: 'Le numéro de votre carte est incorrect.',
    });
    expect(await shownErrors('locale-fr')).to.deep.equal(['Le numéro de votre carte est incorrect.']);
    const result = await card.tokenize();
    expect(result.error).to.include({ code: 'incorrect_number', message: 'Le numéro de votre carte est incorrect.' });
  });

  it('names the month an expired card ran out, in the customer’s language', async () => {
    await mountReady<TokenframeCard>('tokenframe-card', 'locale-expired', { locale: 'fr-CA' });
    await type('locale-expired', "Date d'expiration", '0120');
    expect(await shownErrors('locale-expired')).to.deep.equal(['Votre carte a expiré en janvier 2020.']);
  });

  it('follows the lang of the page section around an element without a locale attribute', async () => {
    const card = await mountInside<TokenframeCard>('de', 'tokenframe-card', 'locale-lang-de');
    expect(await labels('locale-lang-de')).to.deep.equal(['Kartennummer', 'Ablaufdatum', 'Prüfnummer', 'Postleitzahl']);
    expect(await frameDocument('locale-lang-de')).to.deep.equal({
      lang: 'de',
      dir: 'ltr',
      title: 'Sichere Eingabe der Kartendaten',
    });
    expect(card.shadowRoot!.querySelector('iframe')!.title).to.equal('Sichere Eingabe der Kartendaten');
  });

  it('locale="ar" lays the frame out right to left, with numbers still typed left to right from the start edge', async () => {
    await mountReady<TokenframeCard>('tokenframe-card', 'locale-ar', { locale: 'ar' });
    expect(await frameDocument('locale-ar')).to.include({ lang: 'ar', dir: 'rtl' });
    const number = (await frameLayout('locale-ar', 'رقم البطاقة'))!;
    expect(number).to.include({ dir: 'ltr', direction: 'ltr', textAlign: 'right', labelDirection: 'rtl' });
    // The label sits at the right-hand (start) edge of its field.
    expect(number.labelGapRight).to.be.lessThan(1);
    expect(number.labelGapLeft).to.be.greaterThan(number.labelGapRight);
  });

  const rightToLeft = {
    ar: {
      labels: ['رقم البطاقة', 'تاريخ الانتهاء', 'رمز الأمان', 'الرمز البريدي'],
      title: 'حقل آمن لإدخال بيانات البطاقة',
    },
    he: { labels: ['מספר כרטיס', 'תוקף', 'קוד אבטחה', 'מיקוד'], title: 'שדה מאובטח להזנת פרטי כרטיס' },
    fa: { labels: ['شماره کارت', 'تاریخ انقضا', 'کد امنیتی', 'کد پستی'], title: 'فیلد امن ورود اطلاعات کارت' },
  };
  for (const [language, { labels: expected, title }] of Object.entries(rightToLeft)) {
    it(`locale="${language}" shows its own labels right to left, the card number still typed left to right`, async () => {
      const id = `rtl-${language}`;
      await mountReady<TokenframeCard>('tokenframe-card', id, { locale: language });
      expect(await labels(id)).to.deep.equal(expected);
      expect(await frameDocument(id)).to.deep.equal({ lang: language, dir: 'rtl', title });
      const number = (await frameLayout(id, expected[0]))!;
      expect(number).to.include({ dir: 'ltr', direction: 'ltr', textAlign: 'right', labelDirection: 'rtl' });
      expect(number.labelGapRight).to.be.lessThan(1);
      await type(id, expected[0], '4242424242424241');
      expect((await shownErrors(id))[0]).to.not.match(/[A-Za-z]{3,}/);
    });
  }

  it('a Hebrew page section (`lang="iw"`, the old code) gets Hebrew, right to left', async () => {
    await mountInside<TokenframeCard>('iw', 'tokenframe-card', 'locale-lang-iw');
    expect(await labels('locale-lang-iw')).to.deep.equal(rightToLeft.he.labels);
    expect(await frameDocument('locale-lang-iw')).to.include({ lang: 'he', dir: 'rtl' });
  });

  it('zh-TW gets Traditional Chinese, zh-CN Simplified', async () => {
    await mountReady<TokenframeCard>('tokenframe-card', 'locale-zh-tw', { locale: 'zh-TW' });
    await mountReady<TokenframeCard>('tokenframe-card', 'locale-zh-cn', { locale: 'zh-CN' });
    expect(await labels('locale-zh-tw')).to.deep.equal(['卡號', '有效期限', '安全碼', '郵遞區號']);
    expect(await labels('locale-zh-cn')).to.deep.equal(['卡号', '有效期', '安全码', '邮政编码']);
  });

  it('a French page downloads the language list and the French catalog, no other; an English one neither', async () => {
    await recordRequests();
    await mountReady<TokenframeCard>('tokenframe-card', 'chunks-en', { locale: 'en-GB' });
    expect(await languageChunks()).to.deep.equal([]);
    await recordRequests();
    await mountReady<TokenframeCard>('tokenframe-card', 'chunks-fr', { locale: 'fr-BE' });
    expect(await labels('chunks-fr')).to.deep.equal(['Numéro de carte', "Date d'expiration", 'CVC', 'Code postal']);
    expect((await languageChunks()).sort()).to.deep.equal(['fr', 'languages']);
  });

  it('keeps name fields in the page’s direction while account numbers stay left to right', async () => {
    await mountReady<TokenframeBankAccount>('tokenframe-bank-account', 'locale-ar-bank', { locale: 'ar' });
    expect(await labels('locale-ar-bank')).to.deep.equal([
      'رقم التوجيه',
      'رقم الحساب',
      'تأكيد رقم الحساب',
      'اسم صاحب الحساب',
      'نوع الحساب',
    ]);
    expect(await frameLayout('locale-ar-bank', 'رقم الحساب')).to.include({ dir: 'ltr', direction: 'ltr' });
    expect(await frameLayout('locale-ar-bank', 'اسم صاحب الحساب')).to.include({ dir: null, direction: 'rtl' });
  });

  it('re-renders in the new language when the locale attribute changes', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'locale-switch', { locale: 'en' });
    await type('locale-switch', 'Card number', '4242');
    card.setAttribute('locale', 'es');
    await waitUntil(async () => (await labels('locale-switch'))[0] === 'Número de tarjeta', 'no Spanish labels');
    expect(await frameDocument('locale-switch')).to.include({
      lang: 'es',
      title: 'Campo seguro para los datos de la tarjeta',
    });
    expect(card.shadowRoot!.querySelector('iframe')!.title).to.equal('Campo seguro para los datos de la tarjeta');
    // What was typed survives the switch, and errors now come in Spanish.
    await type('locale-switch', 'Vencimiento', `12${nextYear}`);
    await type('locale-switch', 'CVC', '1');
    card.blur();
    await card.tokenize();
    expect(await shownErrors('locale-switch')).to.deep.equal([
      'El número de su tarjeta está incompleto.',
      'El código de seguridad de su tarjeta está incompleto.',
      'Su código postal está incompleto.',
    ]);
  });

  it('counts the digits a security code needs in the locale’s own numerals', async () => {
    await mountReady<TokenframeCard>('tokenframe-card', 'locale-cvc-digits', { locale: 'ar-EG' });
    // Four digits fit while the brand is unknown; the Visa number then makes them one too many.
    await type('locale-cvc-digits', 'رمز الأمان', '1234');
    await type('locale-cvc-digits', 'رقم البطاقة', '4242424242424242');
    expect(await shownErrors('locale-cvc-digits')).to.deep.equal(['يجب أن يتكون رمز أمان بطاقتك من ٣ أرقام.']);
  });

  it('falls back to English for a language it does not have', async () => {
    await mountReady<TokenframeCard>('tokenframe-card', 'locale-unknown', { locale: 'tlh' });
    expect(await labels('locale-unknown')).to.deep.equal(['Card number', 'Expiration', 'CVC', 'Postal code']);
    expect(await frameDocument('locale-unknown')).to.deep.equal({ lang: 'en', dir: 'ltr', title: 'Secure card input' });
  });

  it('tokenizes a card typed entirely in Arabic-Indic digits', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'locale-digits', { locale: 'ar-EG' });
    await type('locale-digits', 'رقم البطاقة', toArabicIndic('4242424242424242'));
    await type('locale-digits', 'تاريخ الانتهاء', toArabicIndic(`12${nextYear}`));
    await type('locale-digits', 'رمز الأمان', toArabicIndic('123'));
    await type('locale-digits', 'الرمز البريدي', toArabicIndic('94107'));
    expect(await shownErrors('locale-digits')).to.deep.equal([]);
    const result = await card.tokenize();
    expect(result.error).to.equal(undefined);
    expect(result.token!.card).to.include({ brand: 'Visa', last4: '4242', exp_month: 12 });
  });
  it('the iframe is named in the frame’s language, each split field for what it holds', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'title-fr', { locale: 'fr' });
    expect(card.shadowRoot!.querySelector('iframe')!.title).to.equal('Saisie sécurisée de la carte');
    const number = await mountReady('tokenframe-card-number', 'title-number', { locale: 'de', group: 'titles' });
    expect(number.shadowRoot!.querySelector('iframe')!.title).to.equal('Sichere Eingabe der Kartennummer');
    number.setAttribute('locale', 'en');
    await waitUntil(() => number.shadowRoot!.querySelector('iframe')!.title === 'Secure card number input');
  });

  it('a language set right after insertion, before the frame has loaded, is the one the frame shows', async () => {
    const card = document.createElement('tokenframe-card');
    card.id = 'late-locale';
    card.setAttribute('origin', env.url);
    card.setAttribute('key', env.publishableKey);
    const ready = oneEvent(card, 'ready');
    await fixture(html`<div>${card}</div>`);
    card.setAttribute('locale', 'es');
    await ready;
    expect((await labels('late-locale'))[0]).to.equal('Número de tarjeta');
  });
  it('a language asked for while another still loads: waiting on the first ends only once the later one shows', async () => {
    // The frame awaits its init's language before it reports ready; an update arriving meanwhile must not
    // let ready go out while the page still shows the language before (English).
    const host = { addController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };
    const localize = new LocalizeController(host as unknown as ReactiveControllerHost);
    // English answers at once; Norwegian, used by no other test here, has its chunk still to fetch.
    const first = localize.setLocale('en-GB');
    const second = localize.setLocale('nb');
    await first;
    expect([localize.language, localize.t.card.number]).to.deep.equal(['nb', 'Kortnummer']);
    await second;
    expect(localize.locale).to.equal('nb');
  });

  it('after a language change the host hears the shown error again, in the new language', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'relabel', { locale: 'fr' });
    const french = nextChangeError(card);
    await type('relabel', 'Numéro de carte', '4242424242424241');
    expect((await french).message).to.equal('Le numéro de votre carte est incorrect.');
    const german = nextChangeError(card);
    card.setAttribute('locale', 'de');
    expect(await german).to.deep.equal({
      type: 'validation_error',
      code: 'incorrect_number',
      message: 'Ihre Kartennummer ist ungültig.',
    });
  });
});
