import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { elementKinds } from '../../src/kinds/element-kinds';
import { attributeOf, elementTypeOf, pageOf, type KindDescriptor } from '../../src/kinds/kind-descriptor';
import { framePages } from '../../src/protocol/messages';
import { checkKinds } from '../kinds/check-kinds';
import { declaredKinds } from '../kinds/declared-kinds';

/** A kind someone has just described, and done nothing else for yet. */
const throwaway: KindDescriptor = {
  tag: 'tokenframe-gift-card',
  attributes: ['currency'],
  rows: 1,
};

describe('element kinds', () => {
  it('every kind has its tag map entry, JSX entry, documented class and frame entry script', () => {
    assert.deepEqual(checkKinds(elementKinds, declaredKinds()), []);
  });

  it('a kind with only a descriptor is reported for each thing it still needs', () => {
    assert.deepEqual(checkKinds([...elementKinds, throwaway], declaredKinds()), [
      'tokenframe-gift-card: not in HTMLElementTagNameMap (src/host/index.ts)',
      'tokenframe-gift-card: not in JSX.IntrinsicElements (src/host/jsx.d.ts)',
      'tokenframe-gift-card: no class with @tagname tokenframe-gift-card in custom-elements.json',
      'tokenframe-gift-card: no frame entry script src/frame/pages/gift-card.ts starting <tf-gift-card-form>',
    ]);
  });

  it('a kind whose class documents it, but not its own attribute, is reported', () => {
    const declared = declaredKinds();
    const documented = {
      ...declared,
      tagNameMap: [...declared.tagNameMap, throwaway.tag],
      jsxTags: [...declared.jsxTags, throwaway.tag],
      manifest: { ...declared.manifest, [throwaway.tag]: ['key', 'name'] },
      framePages: [...declared.framePages, pageOf(throwaway)],
    };
    assert.deepEqual(checkKinds([...elementKinds, throwaway], documented), [
      "tokenframe-gift-card: attribute currency has no @attr line in its class's doc comment",
    ]);
  });

  it('a tag map entry no kind describes is reported', () => {
    const declared = declaredKinds();
    assert.deepEqual(checkKinds(elementKinds.slice(1), declared), [
      'tokenframe-card: in HTMLElementTagNameMap but no kind describes it',
    ]);
  });

  it('the frame build and the service take one page per kind, and the hidden tokens page', () => {
    assert.deepEqual(framePages, [...elementKinds.map((kind) => pageOf(kind)), 'tokens']);
    assert.equal(new Set(elementKinds.map((kind) => kind.tag)).size, elementKinds.length, 'tags are unique');
  });

  it('an option’s attribute is its name in kebab case, and each kind has Stripe’s elementType', () => {
    assert.deepEqual(['hidePostalCode', 'idType', 'brands', 'hideLabels'].map(attributeOf), [
      'hide-postal-code',
      'id-type',
      'brands',
      'hide-labels',
    ]);
    assert.deepEqual(elementKinds.map(elementTypeOf), [
      'card',
      'bankAccount',
      'cvcUpdate',
      'pii',
      'cardNumber',
      'cardExpiry',
      'cardCvc',
    ]);
  });
});
