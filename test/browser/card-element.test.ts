import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { TokenframeCard } from '../../src/host/index';
import {
  env,
  fillCard,
  frameInput,
  mountReady,
  nextChangeError,
  press,
  recordRequests,
  shownErrors,
  tokenRequests,
  type,
} from './helpers';

describe('<tokenframe-card>', () => {
  it('renders its fields in an iframe on the tokenization origin, out of the page’s reach', async () => {
    const card = await fixture<TokenframeCard>(
      html`<tokenframe-card origin=${env.url} key=${env.publishableKey}></tokenframe-card>`,
    );
    const iframe = card.shadowRoot!.querySelector('iframe')!;
    expect(new URL(iframe.src).origin).to.equal(env.url);
    expect(new URL(iframe.src).origin).not.to.equal(location.origin);
    await oneEvent(card, 'ready');
    expect(iframe.contentDocument).to.equal(null);
  });

  it('emits change with brand and completeness as the customer types, never the number', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'card-change');
    const changes: unknown[] = [];
    card.addEventListener('change', (event) => changes.push((event as CustomEvent).detail));
    await fillCard('card-change', '4242424242424242');
    const last = changes.at(-1) as { complete: boolean; empty: boolean; brand: string };
    expect(last).to.include({ complete: true, empty: false, brand: 'visa' });
    expect(JSON.stringify(changes)).not.to.contain('4242424242424242');
    expect(JSON.stringify(changes)).not.to.contain('4242 4242');
  });

  it('tokenize() resolves with a token ID and the card’s non-sensitive details', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'card-token');
    await fillCard('card-token', '4242424242424242');
    const result = await card.tokenize({ name: 'Jenny Rosen' });
    expect(result.error).to.equal(undefined);
    expect(result.token!.id).to.match(/^tok_/);
    expect(result.token!.card).to.include({ brand: 'Visa', last4: '4242', name: 'Jenny Rosen' });
    expect(JSON.stringify(result)).not.to.contain('4242424242424242');
  });

  it('shows an error for a number that fails Luhn, and tokenize() returns it without sending anything', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'card-invalid');
    await recordRequests();
    const error = nextChangeError(card);
    await fillCard('card-invalid', '4242424242424241');
    expect((await error).code).to.equal('incorrect_number');
    const result = await card.tokenize();
    expect(result.token).to.equal(undefined);
    expect(result.error).to.include({ type: 'validation_error', code: 'incorrect_number' });
    expect(await shownErrors('card-invalid')).to.deep.equal(['Your card number is incorrect.']);
    expect(await tokenRequests()).to.deep.equal([]);
  });

  it('an incomplete card resolves with a validation error naming the missing field', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'card-incomplete');
    await type('card-incomplete', 'Card number', '4242424242424242');
    const result = await card.tokenize();
    expect(result.error).to.include({ code: 'incomplete_expiry' });
  });

  it('tokenize() refuses extra fields that are not the card’s non-sensitive details', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'card-extra');
    await fillCard('card-extra', '4242424242424242');
    const result = await card.tokenize({ number: '4000056655665556' });
    expect(result.error).to.include({ code: 'parameter_unknown', param: 'number' });
  });

  it('an unreachable service gives a clear error instead of hanging', async () => {
    const card = document.createElement('tokenframe-card');
    card.setAttribute('origin', 'http://127.0.0.1:9');
    card.setAttribute('key', env.publishableKey);
    card.setAttribute('load-timeout', '1500');
    const failed = oneEvent(card, 'loaderror');
    await fixture(html`<div>${card}</div>`);
    expect((await failed).detail.error.code).to.equal('frame_unavailable');
    const result = await card.tokenize();
    expect(result.error).to.include({ code: 'frame_unavailable' });
  });

  it('a missing key is reported, not silently ignored', async () => {
    const card = document.createElement('tokenframe-card');
    card.setAttribute('origin', env.url);
    const failed = oneEvent(card, 'loaderror');
    await fixture(html`<div>${card}</div>`);
    expect((await failed).detail.error.code).to.equal('element_misconfigured');
  });
});

describe('typing in the card fields', () => {
  it('keeps the caret where the customer edits in the middle of a formatted number, and refuses letters', async () => {
    await mountReady<TokenframeCard>('tokenframe-card', 'card-caret');
    await type('card-caret', 'Card number', '42424242a42424242');
    expect((await frameInput('card-caret', 'Card number')).value).to.equal('4242 4242 4242 4242');
    // Move the caret after the fourth digit and type there: the digit lands there, not at the end.
    for (let i = 0; i < 15; i++) await press('card-caret', 'Card number', 'ArrowLeft');
    await press('card-caret', 'Card number', 'Backspace');
    await type('card-caret', 'Card number', '1');
    expect((await frameInput('card-caret', 'Card number')).value).to.equal('4241 4242 4242 4242');
  });

  it('accepts a pasted number with spaces or dashes', async () => {
    await mountReady<TokenframeCard>('tokenframe-card', 'card-paste');
    await type('card-paste', 'Card number', '4242-4242-4242-4242');
    expect((await frameInput('card-paste', 'Card number')).value).to.equal('4242 4242 4242 4242');
  });
});

describe('as frameworks use it', () => {
  it('connects when the publishable-key attribute arrives after insertion, and accepts name as a property', async () => {
    const card = document.createElement('tokenframe-card') as TokenframeCard;
    card.setAttribute('origin', env.url);
    const errors: unknown[] = [];
    card.addEventListener('loaderror', (event) => errors.push((event as CustomEvent).detail));
    const ready = oneEvent(card, 'ready');
    // As a framework does: insert the element, then set its attributes in the same task.
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    container.append(card);
    card.setAttribute('publishable-key', env.publishableKey);
    await ready;
    card.name = 'token';
    expect(card.getAttribute('name')).to.equal('token');
    expect(card.shadowRoot!.querySelectorAll('iframe')).to.have.length(1);
    expect(errors).to.deep.equal([]);
  });
});
