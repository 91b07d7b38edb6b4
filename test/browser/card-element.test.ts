import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/host/index';
import type { TokenframeCard } from '../../src/host/index';

// Where the web-test-runner config started the test service, and its publishable key.
const env = (await executeServerCommand<{ url: string; publishableKey: string }, undefined>('service-env'))!;
const nextYear = String((new Date().getFullYear() + 1) % 100).padStart(2, '0');

async function mountCard(id: string): Promise<TokenframeCard> {
  const card = await fixture<TokenframeCard>(
    html`<tokenframe-card id=${id} origin=${env.url} key=${env.publishableKey}></tokenframe-card>`,
  );
  if (!card.querySelector('iframe')) throw new Error('no iframe');
  return card;
}

async function mountReadyCard(id: string): Promise<TokenframeCard> {
  const card = document.createElement('tokenframe-card');
  card.id = id;
  card.setAttribute('origin', env.url);
  card.setAttribute('key', env.publishableKey);
  const ready = oneEvent(card, 'ready');
  await fixture(html`<div>${card}</div>`);
  await ready;
  return card;
}

function type(selector: string, label: string, text: string) {
  return executeServerCommand('frame-type', { selector: `#${selector}`, label, text });
}

async function fillCard(id: string, number: string, expiry = `12${nextYear}`, cvc = '123', zip = '94107') {
  await type(id, 'Card number', number);
  await type(id, 'Expiration', expiry);
  await type(id, 'CVC', cvc);
  await type(id, 'Postal code', zip);
}

describe('<tokenframe-card>', () => {
  it('renders its fields in an iframe on the tokenization origin, out of the page’s reach', async () => {
    const card = await mountCard('card-origin');
    const iframe = card.querySelector('iframe')!;
    expect(new URL(iframe.src).origin).to.equal(env.url);
    expect(new URL(iframe.src).origin).not.to.equal(location.origin);
    await oneEvent(card, 'ready');
    expect(iframe.contentDocument).to.equal(null);
  });

  it('emits change with brand and completeness as the customer types, never the number', async () => {
    const card = await mountReadyCard('card-change');
    const changes: unknown[] = [];
    card.addEventListener('change', (event) => changes.push((event as CustomEvent).detail));
    await fillCard('card-change', '4242424242424242');
    const last = changes.at(-1) as { complete: boolean; empty: boolean; brand: string };
    expect(last).to.include({ complete: true, empty: false, brand: 'visa' });
    expect(JSON.stringify(changes)).not.to.contain('4242424242424242');
    expect(JSON.stringify(changes)).not.to.contain('4242 4242');
  });

  it('tokenize() resolves with a token ID and the card’s non-sensitive details', async () => {
    const card = await mountReadyCard('card-token');
    await fillCard('card-token', '4242424242424242');
    const result = await card.tokenize({ name: 'Jenny Rosen' });
    expect(result.error).to.equal(undefined);
    expect(result.token!.id).to.match(/^tok_/);
    expect(result.token!.card).to.include({ brand: 'Visa', last4: '4242', name: 'Jenny Rosen' });
    expect(JSON.stringify(result)).not.to.contain('4242424242424242');
  });

  it('shows an error for a number that fails Luhn, and tokenize() returns it without sending anything', async () => {
    const card = await mountReadyCard('card-invalid');
    await executeServerCommand('record-requests');
    const change = new Promise<CustomEvent>((resolve) =>
      card.addEventListener('change', (e) => (e as CustomEvent).detail.error && resolve(e as CustomEvent)),
    );
    await fillCard('card-invalid', '4242424242424241');
    expect((await change).detail.error.code).to.equal('incorrect_number');
    const result = await card.tokenize();
    expect(result.token).to.equal(undefined);
    expect(result.error).to.include({ type: 'validation_error', code: 'incorrect_number' });
    const shown = await executeServerCommand<string[], { selector: string }>('frame-errors', {
      selector: '#card-invalid',
    });
    expect(shown).to.deep.equal(['Your card number is incorrect.']);
    const requests =
      (await executeServerCommand<{ method: string; url: string }[], undefined>('recorded-requests')) ?? [];
    expect(requests.filter((r) => r.url.includes('/v1/tokens'))).to.deep.equal([]);
  });

  it('an incomplete card resolves with a validation error naming the missing field', async () => {
    const card = await mountReadyCard('card-incomplete');
    await type('card-incomplete', 'Card number', '4242424242424242');
    const result = await card.tokenize();
    expect(result.error).to.include({ code: 'incomplete_expiry' });
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
