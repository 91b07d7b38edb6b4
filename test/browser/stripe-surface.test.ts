import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { TokenframeCard, TokenframeCardNumber, TokenframeElement } from '../../src/host/index';
import type { HostMessage } from '../../src/protocol/messages';
import { env, fillCard, frameInput, frameTexts, mountReady, press, shownErrors, type } from './helpers';

// The element's Stripe-shaped surface (issue 16): what a merchant's Stripe.js code listens to and calls.

type Detail = Record<string, unknown> & { elementType: string };

/** Every `event` detail the element dispatches from now on. */
function record(element: HTMLElement, event: string): Detail[] {
  const details: Detail[] = [];
  element.addEventListener(event, (e) => details.push((e as CustomEvent<Detail>).detail));
  return details;
}

/** Resolves with the next `change` detail that satisfies `test`. */
function nextChange(element: HTMLElement, test: (detail: Detail) => boolean): Promise<Detail> {
  return new Promise((resolve) => {
    const listener = (event: Event) => {
      const { detail } = event as CustomEvent<Detail>;
      if (!test(detail)) return;
      element.removeEventListener('change', listener);
      resolve(detail);
    };
    element.addEventListener('change', listener);
  });
}

/**
 * The element's own `type` event. Focus moving into the frame also fires the platform's `focus` and `blur` at the
 * element (its shadow root holds the iframe); the element's events are the CustomEvents.
 */
function elementEvent(element: HTMLElement, type: string): Promise<CustomEvent<Detail>> {
  return new Promise((resolve) => {
    const listener = (event: Event) => {
      if (!(event instanceof CustomEvent)) return;
      element.removeEventListener(type, listener);
      resolve(event as CustomEvent<Detail>);
    };
    element.addEventListener(type, listener);
  });
}

/** Records every `update` the page posts to a frame over its private port, until `stop()`. */
function recordUpdates() {
  const updates: Extract<HostMessage, { type: 'update' }>[] = [];
  const original = MessagePort.prototype.postMessage;
  const post = original as (this: MessagePort, ...args: unknown[]) => void;
  MessagePort.prototype.postMessage = function (this: MessagePort, message: unknown, ...rest: unknown[]) {
    if ((message as HostMessage | undefined)?.type === 'update') updates.push(message as (typeof updates)[number]);
    post.call(this, message, ...rest);
  } as MessagePort['postMessage'];
  return { updates, stop: () => (MessagePort.prototype.postMessage = original) };
}

const afterMicrotasks = () => new Promise((resolve) => setTimeout(resolve));

/** Waits until `check` holds, looking again every 100 ms (the test's own timeout ends a wait that never does). */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('Stripe-shaped events', () => {
  it('every event names its element with Stripe’s elementType', async () => {
    const expected: Record<string, string> = {
      'tokenframe-card': 'card',
      'tokenframe-bank-account': 'bankAccount',
      'tokenframe-cvc-update': 'cvcUpdate',
      'tokenframe-pii': 'pii',
      'tokenframe-card-number': 'cardNumber',
      'tokenframe-card-expiry': 'cardExpiry',
      'tokenframe-card-cvc': 'cardCvc',
    };
    const elements = Object.keys(expected).map((tag) => {
      const element = document.createElement(tag);
      element.setAttribute('origin', env.url);
      element.setAttribute('key', env.publishableKey);
      return element;
    });
    const ready = elements.map((element) => oneEvent(element, 'ready'));
    await fixture(html`<div>${elements}</div>`);
    const details = (await Promise.all(ready)).map((event) => (event as CustomEvent<Detail>).detail);
    expect(details.map((detail) => detail.elementType)).to.deep.equal(Object.values(expected));
  });

  it('change gives the brand in Stripe’s vocabulary for every brand', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'surface-brands');
    const numbers: [string, string][] = [
      ['4242424242424242', 'visa'],
      ['5555555555554444', 'mastercard'],
      ['378282246310005', 'amex'],
      ['6011111111111117', 'discover'],
      ['3056930009020004', 'diners'],
      ['3566002020360505', 'jcb'],
      ['6200000000000005', 'unionpay'],
      ['9999', 'unknown'],
    ];
    const seen: string[] = [];
    for (const [number, brand] of numbers) {
      const cleared = nextChange(card, (detail) => detail.empty === true);
      card.clear();
      await cleared;
      const typed = nextChange(card, (detail) => detail.brand === brand);
      await type('surface-brands', 'Card number', number);
      seen.push((await typed).brand as string);
    }
    expect(seen).to.deep.equal(numbers.map(([, brand]) => brand));
  });

  it('change carries elementType, a Stripe error object and, on the card, value.postalCode; never the number', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'surface-change');
    const changes = record(card, 'change');
    const error = nextChange(card, (detail) => Boolean(detail.error));
    await type('surface-change', 'Card number', '4242424242424241');
    expect((await error).error).to.deep.equal({
      type: 'validation_error',
      code: 'incorrect_number',
      message: 'Your card number is incorrect.',
    });
    card.clear();
    await fillCard('surface-change', '4242424242424242', undefined, undefined, '94107');
    expect(changes.at(-1)).to.deep.equal({
      elementType: 'card',
      empty: false,
      complete: true,
      brand: 'visa',
      error: undefined,
      value: { postalCode: '94107' },
    });
    expect(JSON.stringify(changes)).not.to.match(/4242424242424242|4242 4242|"cvc"|123/);
  });

  it('other kinds’ change has no value: nothing typed into them reaches the page', async () => {
    const cvc = await mountReady('tokenframe-cvc-update', 'surface-cvc', { brand: 'amex' });
    const change = nextChange(cvc, (detail) => detail.complete === true);
    await type('surface-cvc', 'American Express security code', '7319');
    const detail = await change;
    expect(detail).to.include({ elementType: 'cvcUpdate', brand: 'amex' });
    expect(detail).not.to.have.property('value');
    expect(JSON.stringify(detail)).not.to.contain('7319');
  });

  it('escape is dispatched when the customer presses Escape in a field', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'surface-escape');
    const escaped = oneEvent(card, 'escape');
    await press('surface-escape', 'Card number', 'Escape');
    expect((await escaped).detail).to.deep.equal({ elementType: 'card' });
  });

  it('focus() and blur() move focus in and out; blur shows the field’s error as leaving it would', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'surface-focus');
    const focused = elementEvent(card, 'focus');
    card.focus();
    expect((await focused).detail).to.deep.equal({ elementType: 'card' });
    await type('surface-focus', 'Card number', '4242');
    const blurred = elementEvent(card, 'blur');
    const error = nextChange(card, (detail) => Boolean(detail.error));
    card.blur();
    expect((await blurred).detail).to.deep.equal({ elementType: 'card' });
    expect((await error).error).to.include({ code: 'incomplete_number' });
    expect(await shownErrors('surface-focus')).to.deep.equal(['Your card number is incomplete.']);
  });

  it('loaderror gives {elementType, error} like Stripe’s', async () => {
    const unreachable = document.createElement('tokenframe-card-number');
    unreachable.setAttribute('origin', 'http://127.0.0.1:9');
    unreachable.setAttribute('key', env.publishableKey);
    unreachable.setAttribute('load-timeout', '1500');
    const keyless = document.createElement('tokenframe-pii');
    keyless.setAttribute('origin', env.url);
    const failed = [oneEvent(unreachable, 'loaderror'), oneEvent(keyless, 'loaderror')];
    await fixture(html`<div>${unreachable}${keyless}</div>`);
    const [down, misconfigured] = (await Promise.all(failed)).map((event) => (event as CustomEvent<Detail>).detail);
    expect(Object.keys(down)).to.deep.equal(['elementType', 'error']);
    expect(down.elementType).to.equal('cardNumber');
    expect(down.error).to.include({ type: 'api_connection_error', code: 'frame_unavailable' });
    expect(misconfigured.elementType).to.equal('pii');
    expect(misconfigured.error).to.include({ type: 'invalid_request_error', code: 'element_misconfigured' });
  });
});

describe('Stripe-shaped classes', () => {
  it('puts TokenframeElement classes on the element as it is empty, focused, invalid and complete', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'surface-classes');
    const classes = () => [...card.classList].sort();
    expect(classes()).to.deep.equal(['TokenframeElement', 'TokenframeElement--empty']);
    const focused = elementEvent(card, 'focus');
    card.focus();
    await focused;
    expect(classes()).to.include('TokenframeElement--focus');
    const invalid = nextChange(card, (detail) => Boolean(detail.error));
    await type('surface-classes', 'Card number', '4242424242424241');
    await invalid;
    expect(classes()).to.include('TokenframeElement--invalid').and.not.include('TokenframeElement--empty');
    card.clear();
    const complete = nextChange(card, (detail) => detail.complete === true);
    await fillCard('surface-classes');
    await complete;
    expect(classes()).to.include('TokenframeElement--complete').and.not.include('TokenframeElement--invalid');
  });

  it('update({classes}) renames them, as Stripe’s classes option, and takes the old names off', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'surface-rename');
    card.classList.add('merchant-own');
    card.update({ classes: { base: 'StripeElement', empty: 'StripeElement--empty', focus: 'is-focused' } });
    expect([...card.classList].sort()).to.deep.equal(['StripeElement', 'StripeElement--empty', 'merchant-own']);
    const focused = elementEvent(card, 'focus');
    card.focus();
    await focused;
    expect(card.classList.contains('is-focused')).to.equal(true);
  });
});

describe('update(options)', () => {
  it('merges Stripe’s options over the previous ones, sets their attributes and reaches the frame', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'surface-update');
    const recorder = recordUpdates();
    try {
      card.update({ hidePostalCode: true, value: { postalCode: '10001' }, brands: ['visa', 'mastercard'] });
      await afterMicrotasks();
      card.update({ disabled: true, readOnly: true, style: { base: { color: '#32325d' } } });
      await afterMicrotasks();
    } finally {
      recorder.stop();
    }
    expect(recorder.updates).to.have.length(2);
    const [, last] = recorder.updates;
    expect(last.options).to.deep.include({
      hidePostalCode: true,
      postalCode: '10001',
      brands: 'visa,mastercard',
      disabled: true,
      readonly: true,
    });
    expect(last.style).to.deep.equal({ base: { color: '#32325d' } });
    expect(card.hasAttribute('hide-postal-code') && card.hasAttribute('readonly')).to.equal(true);
    expect(card.getAttribute('postal-code')).to.equal('10001');
    // The frame shows both updates: no postal code field, and the fields disabled.
    expect(await frameTexts('surface-update', 'label')).not.to.include('Postal code');
    expect((await frameInput('surface-update', 'Card number')).disabled).to.equal(true);
    card.update({ disabled: false });
    await afterMicrotasks();
    expect((await frameInput('surface-update', 'Card number')).disabled).to.equal(false);
    expect(card.hasAttribute('hide-postal-code')).to.equal(true);
  });

  it('an option given as undefined is taken back, as a framework passes a prop that went away', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'surface-undefined');
    card.update({ disabled: true, hidePostalCode: true, brands: ['visa'], style: { base: { color: '#32325d' } } });
    await afterMicrotasks();
    expect((await frameInput('surface-undefined', 'Card number')).disabled).to.equal(true);
    const recorder = recordUpdates();
    try {
      card.update({ disabled: undefined, brands: undefined, style: undefined });
      await afterMicrotasks();
    } finally {
      recorder.stop();
    }
    expect(card.hasAttribute('disabled') || card.hasAttribute('brands')).to.equal(false);
    // Left out, so kept.
    expect(card.hasAttribute('hide-postal-code')).to.equal(true);
    expect(recorder.updates.at(-1)?.style).to.equal(undefined);
    expect((await frameInput('surface-undefined', 'Card number')).disabled).to.equal(false);
  });

  it('placeholder on a single-field element is its field’s; brands may be space-separated in the attribute', async () => {
    const number = await mountReady<TokenframeCardNumber>('tokenframe-card-number', 'surface-placeholder', {
      brands: 'visa  amex',
    });
    number.update({ placeholder: '1234 1234 1234 1234', labels: { number: 'Card' } });
    expect(number.getAttribute('placeholder')).to.equal('1234 1234 1234 1234');
    await until(async () => (await frameInput('surface-placeholder', 'Card')).placeholder === '1234 1234 1234 1234');
    // Mastercard is not in the list; Amex, after two spaces, is.
    const refused = nextChange(number, (detail) => detail.brand === 'mastercard');
    await type('surface-placeholder', 'Card', '5555555555554444');
    expect(((await refused).error as { code: string } | undefined)?.code).to.equal('card_brand_not_accepted');
    number.clear();
    const accepted = nextChange(number, (detail) => detail.brand === 'amex' && detail.complete === true);
    await type('surface-placeholder', 'Card', '378282246310005');
    expect((await accepted).error).to.equal(undefined);
  });

  it('labels that are not strings by field are left out, blank brands are every brand: the other options still reach the frame', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'surface-malformed');
    const recorder = recordUpdates();
    try {
      card.setAttribute('labels', '{"number": 5}');
      card.setAttribute('placeholders', 'not json');
      card.setAttribute('brands', ' ');
      card.setAttribute('hide-postal-code', '');
      await afterMicrotasks();
    } finally {
      recorder.stop();
    }
    const { options } = recorder.updates[0];
    expect(options).to.include({ hidePostalCode: true });
    expect(options).not.to.have.any.keys('labels', 'placeholders');
    await until(async () => !(await frameTexts('surface-malformed', 'label')).includes('Postal code'));
    const typed = nextChange(card, (detail) => detail.brand === 'mastercard');
    await type('surface-malformed', 'Card number', '5555555555554444');
    expect((await typed).error).to.equal(undefined);
  });

  it('update({locale}) reaches the frame like the attribute, and update({appearance}) like the property', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'surface-locale');
    card.update({ locale: 'fr', appearance: { theme: 'night' } });
    expect(card.getAttribute('locale')).to.equal('fr');
    expect(card.appearance).to.deep.equal({ theme: 'night' });
    await until(async () => (await frameTexts('surface-locale', 'label')).includes('Numéro de carte'));
  });
});

describe('destroy()', () => {
  it('removes the frame for good: no frame, no events, and tokenize() resolves with an error', async () => {
    const card = await mountReady<TokenframeElement>('tokenframe-card', 'surface-destroy');
    const parent = card.parentElement!;
    card.destroy();
    expect(card.shadowRoot!.querySelector('iframe')).to.equal(null);
    expect((await card.tokenize()).error).to.include({ type: 'invalid_request_error', code: 'element_destroyed' });
    // Moved again (as a framework may do), it stays destroyed.
    card.remove();
    parent.append(card);
    await afterMicrotasks();
    expect(card.shadowRoot!.querySelector('iframe')).to.equal(null);
  });
});
