import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { elementKinds } from '../../src/kinds/element-kinds';
import { hostLanguage, hostText } from '../../src/host/host-texts';

describe('host texts', () => {
  it('every kind has its incomplete message in English', () => {
    for (const kind of elementKinds) assert.match(hostText('en', kind.incomplete), /^Please .+\.$/, kind.tag);
    assert.equal(hostText('en-GB', 'card'), 'Please complete your card details.');
  });

  it('the loading and retry texts are in the element’s language; the rest falls back to English', () => {
    assert.equal(hostLanguage('fr-CA'), 'fr');
    assert.equal(hostLanguage('pt-BR'), 'en');
    assert.equal(hostText('fr-CA', 'retry'), 'Réessayer');
    assert.equal(hostText('ar', 'loading'), 'جارٍ تحميل النموذج الآمن');
    assert.equal(hostText('de', 'number'), 'Please enter your card number.');
  });
});
