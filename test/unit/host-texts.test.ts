import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { elementKinds } from '../../src/kinds/element-kinds';
import { pageOf } from '../../src/kinds/kind-descriptor';
import { FAILED, hostLanguage, hostText, LOADING, RETRY } from '../../src/host/host-texts';
import en from '../../src/frame/i18n/en';
import { localized, supportedLanguages } from '../../src/frame/i18n/languages';

const catalogs = Object.fromEntries(
  await Promise.all(
    supportedLanguages.map(async (language) => [language, (await localized(language))?.catalog ?? en] as const),
  ),
);

describe('host texts', () => {
  it('the loading and retry texts are in the element’s language, or English', () => {
    assert.equal(hostLanguage('fr-CA'), 'fr');
    assert.equal(hostLanguage('pt-BR'), 'en');
    assert.equal(hostText('fr-CA', RETRY), 'Réessayer');
    assert.equal(hostText('ar', LOADING), 'جارٍ تحميل النموذج الآمن');
    // The frame has 34 languages, the loader only these six (see host-texts.ts): Hebrew gets English here.
    assert.equal(hostText('pt-BR', FAILED), 'The secure form could not load.');
    assert.equal(hostLanguage('he'), 'en');
  });

  it('every kind’s incomplete message comes from the frame catalogs, in every language', () => {
    for (const [language, catalog] of Object.entries(catalogs)) {
      for (const kind of elementKinds) {
        const message = catalog.incomplete[pageOf(kind)];
        assert.ok(message && message.length > 5, `${language}: ${kind.tag}`);
        if (language !== 'en')
          assert.notEqual(message, catalogs.en.incomplete[pageOf(kind)], `${language}: ${kind.tag}`);
      }
    }
    assert.equal(catalogs.en.incomplete.card, 'Please complete your card details.');
  });
});
