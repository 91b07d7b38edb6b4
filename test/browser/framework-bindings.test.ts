import { expect } from '@open-wc/testing';
import { scopedCreateToken } from '../../src/bindings/create-token';
import { listenToElement } from '../../src/bindings/events';
import { applyOptions } from '../../src/bindings/options';
import type { TokenframeBankAccount, TokenframeCard, TokenframeElement } from '../../src/host/index';
import { fillCard, frameInput, mountReady } from './helpers';

// What the React and Vue components (src/react, src/vue) share: how options reach an element, which events they
// pass on, and which element createToken() tokenizes. The components themselves pay in test/e2e/examples.spec.ts.
describe('framework bindings', () => {
  it('gives an element without update() its options as attributes, appearance as its property', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'bindings-attributes');
    // A loader from before update(): the element's own update() hidden.
    Object.defineProperty(card, 'update', { value: undefined });
    const options = { disabled: true, hidePostalCode: true, brands: ['visa', 'amex'], appearance: { theme: 'night' } };
    applyOptions(card, options, {});
    expect(card.hasAttribute('disabled')).to.equal(true);
    expect(card.getAttribute('hide-postal-code')).to.equal('');
    expect(card.getAttribute('brands')).to.equal('visa,amex');
    expect(card.appearance).to.deep.equal({ theme: 'night' });
    await waitFor(async () => (await frameInput('bindings-attributes', 'Card number')).disabled);

    // Options left out now are taken back.
    applyOptions(card, { hidePostalCode: true }, options);
    expect(card.hasAttribute('disabled')).to.equal(false);
    expect(card.hasAttribute('brands')).to.equal(false);
    expect(card.appearance).to.equal(undefined);
    await waitFor(async () => !(await frameInput('bindings-attributes', 'Card number')).disabled);
  });

  it('gives an element with update() the changed options in one call, what it is as attributes', () => {
    const bank = document.createElement('tokenframe-bank-account') as TokenframeBankAccount & {
      update: (options: object) => void;
    };
    const updates: object[] = [];
    bank.update = (options) => updates.push(options ?? {});
    const style = { base: { color: '#32325d', '::placeholder': { color: '#aab7c4' } } };
    applyOptions(bank, { country: 'DE', disabled: true, style }, {});
    applyOptions(bank, { country: 'DE', disabled: false, style }, { country: 'DE', disabled: true, style });
    applyOptions(bank, { country: 'DE', disabled: false, style }, { country: 'DE', disabled: false, style });
    expect(updates).to.deep.equal([{ disabled: true, style }, { disabled: false }]);
    expect(bank.getAttribute('country')).to.equal('DE');
  });

  it('keeps the options of an element rendered before its definition loads, and gives them once it is defined', async () => {
    // tokenframe/react and /vue load the elements' module on first use: a component may render before it arrives.
    const late = document.createElement('tokenframe-late-options') as unknown as TokenframeElement;
    document.body.append(late);
    const style = { base: { color: '#32325d' } };
    applyOptions(late, { hidePostalCode: true, style }, {});
    applyOptions(late, { hidePostalCode: false, style }, { hidePostalCode: true, style });
    const updates: object[] = [];
    customElements.define(
      'tokenframe-late-options',
      class extends HTMLElement {
        update(options: object) {
          updates.push(options);
        }
      },
    );
    await customElements.whenDefined('tokenframe-late-options');
    await Promise.resolve();
    expect(updates).to.deep.equal([{ hidePostalCode: true, style }, { hidePostalCode: false }]);
    late.remove();
  });

  it('createToken() refuses an element that is not a tokenframe element, with an error rather than a throw', async () => {
    const createToken = scopedCreateToken({ elements: new Set() });
    const notOurs = document.createElement('div') as unknown as TokenframeElement;
    expect((await createToken(notOurs)).error).to.include({ code: 'element_not_mounted' });
    expect((await createToken(notOurs)).error?.message).to.match(/<div>/);
  });

  it("passes on the element's own events, ready with the element, and not the platform's focus events", () => {
    const card = document.createElement('tokenframe-card');
    const heard: [string, unknown][] = [];
    const stop = listenToElement(card, (type, argument) => heard.push([type, argument]));
    card.dispatchEvent(new FocusEvent('focus'));
    card.dispatchEvent(new CustomEvent('focus', { detail: {} }));
    card.dispatchEvent(new CustomEvent('ready', { detail: {} }));
    card.dispatchEvent(new CustomEvent('change', { detail: { empty: false, complete: true } }));
    card.dispatchEvent(new CustomEvent('escape', { detail: {} }));
    stop();
    card.dispatchEvent(new CustomEvent('blur', { detail: {} }));
    expect(heard).to.deep.equal([
      ['focus', {}],
      ['ready', card],
      ['change', { empty: false, complete: true }],
      ['escape', {}],
    ]);
  });

  it("createToken() tokenizes the scope's one card, or says why it cannot", async () => {
    const elements = new Set<TokenframeElement>();
    const createToken = scopedCreateToken({ elements });
    expect((await createToken()).error).to.include({ code: 'element_not_mounted' });

    const card = await mountReady<TokenframeCard>('tokenframe-card', 'bindings-token');
    const bank = document.createElement('tokenframe-bank-account');
    elements.add(bank).add(card);
    await fillCard('bindings-token');
    const { token, error } = await createToken();
    expect(error).to.equal(undefined);
    expect(token!.id).to.match(/^tok_/);

    expect((await createToken({ current: null })).error).to.include({ code: 'element_not_mounted' });
    expect((await createToken({ element: bank })).error).to.include({ type: 'invalid_request_error' });
    elements.add(document.createElement('tokenframe-card-number'));
    expect((await createToken()).error?.message).to.match(/several card elements/);
  });
});

/** Resolves once `check` holds, polling: the frame applies an update asynchronously. */
async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the frame did not change');
}
