import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { executeServerCommand } from '@web/test-runner-commands';
import type { TokenframeCardCvc, TokenframeCardExpiry, TokenframeCardNumber } from '../../src/host/index';
import type { ElementOptions } from '../../src/host/element-options';
import { env, frameInput, nextYear, press, recordRequests, shownErrors, tokenRequests, type } from './helpers';

/**
 * Every message this page receives, on the window or on any MessagePort
 * (the elements' private channels included), recorded before any element
 * exists: the raw values must never be among them.
 */
const received: string[] = [];
window.addEventListener('message', (event) => received.push(JSON.stringify(event.data)), true);
const onmessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage')!;
Object.defineProperty(MessagePort.prototype, 'onmessage', {
  configurable: true,
  get() {
    return onmessage.get!.call(this);
  },
  set(handler: (event: MessageEvent) => void) {
    onmessage.set!.call(this, (event: MessageEvent) => {
      received.push(JSON.stringify(event.data));
      return handler.call(this, event);
    });
  },
});

/** True when `digits` appears in `text` as a whole run of digits (not inside an ID or a timestamp). */
const containsDigits = (text: string, digits: string) =>
  new RegExp(`(?<![A-Za-z0-9])${digits}(?![A-Za-z0-9])`).test(text);

interface SplitCard {
  number: TokenframeCardNumber;
  expiry: TokenframeCardExpiry;
  cvc: TokenframeCardCvc;
}

const attrs = (group?: string) => ({ origin: env.url, key: env.publishableKey, group });

/** The three elements in one layout, number on one row and expiry and CVC on the next, all ready. */
async function mountSplit(prefix: string, group?: string, extra: TemplateResult = html``): Promise<SplitCard> {
  const a = attrs(group);
  const root = await fixture<HTMLElement>(html`
    <div>
      <tokenframe-card-number
        id="${prefix}-number"
        origin=${a.origin}
        key=${a.key}
        group=${a.group ?? ''}
      ></tokenframe-card-number>
      <div style="display:flex;gap:8px">
        <tokenframe-card-expiry
          id="${prefix}-expiry"
          origin=${a.origin}
          key=${a.key}
          group=${a.group ?? ''}
        ></tokenframe-card-expiry>
        <tokenframe-card-cvc
          id="${prefix}-cvc"
          origin=${a.origin}
          key=${a.key}
          group=${a.group ?? ''}
        ></tokenframe-card-cvc>
      </div>
      ${extra}
    </div>
  `);
  const all = root.querySelectorAll('tokenframe-card-number, tokenframe-card-expiry, tokenframe-card-cvc');
  const ready = Promise.all([...all].map((element) => oneEvent(element, 'ready')));
  const card = {
    number: root.querySelector('tokenframe-card-number')!,
    expiry: root.querySelector('tokenframe-card-expiry')!,
    cvc: root.querySelector('tokenframe-card-cvc')!,
  };
  await ready;
  return card;
}

async function fillSplit(prefix: string, number = '4242424242424242', expiry = `12${nextYear}`, cvc = '319') {
  await type(`${prefix}-number`, 'Card number', number);
  await type(`${prefix}-expiry`, 'Expiration', expiry);
  await type(`${prefix}-cvc`, 'CVC', cvc);
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
};

describe('split card fields', () => {
  it('tokenize() on the number gathers expiry and CVC from the other frames and returns one card token', async () => {
    const card = await mountSplit('split-token');
    const changes: { brand?: string; complete: boolean }[] = [];
    card.number.addEventListener('change', (event) => changes.push((event as CustomEvent).detail));
    received.length = 0;
    await fillSplit('split-token');
    const result = await card.number.tokenize({ name: 'Jenny Rosen' });
    expect(result.error).to.equal(undefined);
    expect(result.token!.id).to.match(/^tok_/);
    expect(result.token!.card).to.include({
      brand: 'Visa',
      last4: '4242',
      exp_month: 12,
      exp_year: 2000 + Number(nextYear),
      name: 'Jenny Rosen',
    });
    expect(changes.at(-1)).to.include({ brand: 'visa', complete: true });
    const everything = received.join('\n');
    expect(everything).to.contain('"type":"result"');
    expect(everything).not.to.contain('4242424242424242');
    expect(everything).not.to.contain('4242 4242');
    expect(containsDigits(everything, '319'), 'CVC in a message to the page').to.equal(false);
  });

  it('tokenize() on the CVC element delegates to the number and gives the same kind of token', async () => {
    const card = await mountSplit('split-via-cvc');
    await fillSplit('split-via-cvc', '5555555555554444', `07${nextYear}`);
    const result = await card.cvc.tokenize();
    expect(result.token!.card).to.include({ brand: 'MasterCard', last4: '4444', exp_month: 7 });
  });

  it('an American Express number makes the CVC frame expect 4 digits', async () => {
    const card = await mountSplit('split-amex');
    // No brand yet: 3 or 4 digits.
    expect((await frameInput('split-amex-cvc', 'CVC')).maxlength).to.equal('4');
    await type('split-amex-number', 'Card number', '378282246310005');
    await type('split-amex-expiry', 'Expiration', `12${nextYear}`);
    await type('split-amex-cvc', 'CVC', '731');
    const cvcChanges: boolean[] = [];
    card.cvc.addEventListener('change', (event) => cvcChanges.push((event as CustomEvent).detail.complete));
    expect((await card.number.tokenize()).error).to.include({ code: 'incomplete_cvc' });
    expect(await shownErrors('split-amex-cvc')).to.deep.equal(["Your card's security code is incomplete."]);
    await type('split-amex-cvc', 'CVC', '9');
    await until(() => cvcChanges.at(-1) === true);
    expect(cvcChanges.at(-1)).to.equal(true);
    expect((await frameInput('split-amex-cvc', 'CVC')).value).to.equal('7319');
    expect((await card.number.tokenize()).token!.card).to.include({ brand: 'American Express', last4: '0005' });
  });

  it('a Visa number makes the CVC frame refuse a fourth digit', async () => {
    await mountSplit('split-visa');
    await type('split-visa-number', 'Card number', '4242');
    for (let i = 0; i < 40 && (await frameInput('split-visa-cvc', 'CVC')).maxlength !== '3'; i++);
    expect((await frameInput('split-visa-cvc', 'CVC')).maxlength).to.equal('3');
    await type('split-visa-cvc', 'CVC', '3195');
    expect((await frameInput('split-visa-cvc', 'CVC')).value).to.equal('319');
  });

  it('an incomplete expiry shows its error in the expiry frame, and nothing in the others', async () => {
    const card = await mountSplit('split-expiry');
    await fillSplit('split-expiry', '4242424242424242', '1');
    const result = await card.number.tokenize();
    expect(result.error).to.include({ type: 'validation_error', code: 'incomplete_expiry' });
    expect(await shownErrors('split-expiry-expiry')).to.deep.equal(["Your card's expiration date is incomplete."]);
    expect(await shownErrors('split-expiry-number')).to.deep.equal([]);
    expect(await shownErrors('split-expiry-cvc')).to.deep.equal([]);
  });

  it('paying with an invalid number shows the empty expiry and CVC errors in their own frames too', async () => {
    const card = await mountSplit('split-invalid');
    await type('split-invalid-number', 'Card number', '4242424242424241');
    const result = await card.number.tokenize();
    expect(result.error).to.include({ code: 'incorrect_number' });
    // The siblings hear it over their channel, a moment after the number frame answers.
    const shownSoon = async (id: string) => {
      let shown = await shownErrors(id);
      for (let i = 0; i < 40 && shown.length === 0; i++) shown = await shownErrors(id);
      return shown;
    };
    expect(await shownSoon('split-invalid-expiry')).to.deep.equal(["Your card's expiration date is incomplete."]);
    expect(await shownSoon('split-invalid-cvc')).to.deep.equal(["Your card's security code is incomplete."]);
  });

  it('without a CVC element on the page, tokenize() says so at once', async () => {
    const root = await fixture<HTMLElement>(
      html`<div>
        <tokenframe-card-number id="lone-number" origin=${env.url} key=${env.publishableKey}></tokenframe-card-number>
        <tokenframe-card-expiry id="lone-expiry" origin=${env.url} key=${env.publishableKey}></tokenframe-card-expiry>
      </div>`,
    );
    const number = root.querySelector('tokenframe-card-number')!;
    await oneEvent(number, 'ready');
    const started = Date.now();
    const result = await number.tokenize();
    expect(result.error).to.include({ code: 'card_field_missing' });
    expect(result.error!.message).to.contain('<tokenframe-card-cvc>');
    expect(Date.now() - started).to.be.below(500);
  });

  it('a CVC frame that never answers gives a clear error, not a hang', async () => {
    const root = await fixture<HTMLElement>(
      html`<div>
        <tokenframe-card-number id="silent-number" origin=${env.url} key=${env.publishableKey}></tokenframe-card-number>
        <tokenframe-card-expiry id="silent-expiry" origin=${env.url} key=${env.publishableKey}></tokenframe-card-expiry>
        <tokenframe-card-cvc
          origin="http://127.0.0.1:9"
          key=${env.publishableKey}
          load-timeout="60000"
        ></tokenframe-card-cvc>
      </div>`,
    );
    await Promise.all(
      ['tokenframe-card-number', 'tokenframe-card-expiry'].map((tag) => oneEvent(root.querySelector(tag)!, 'ready')),
    );
    await type('silent-number', 'Card number', '4242424242424242');
    await type('silent-expiry', 'Expiration', `12${nextYear}`);
    const result = await root.querySelector('tokenframe-card-number')!.tokenize();
    expect(result.error).to.include({ code: 'card_field_unavailable', param: 'card[cvc]' });
    expect(result.error!.message).to.contain('Reload the page');
  });

  it('a frame in another group neither receives nor answers this card’s collect request', async () => {
    const other = html`
      <tokenframe-card-expiry
        id="other-expiry"
        origin=${env.url}
        key=${env.publishableKey}
        group="other"
      ></tokenframe-card-expiry>
      <tokenframe-card-cvc
        id="other-cvc"
        origin=${env.url}
        key=${env.publishableKey}
        group="other"
      ></tokenframe-card-cvc>
    `;
    const card = await mountSplit('grouped', 'this', other);
    // The other card's expiry holds a different month and its CVC is empty: had either answered, the token
    // would carry month 11 or fail with incomplete_cvc; had either received the request, it would show an error.
    await type('other-expiry', 'Expiration', `11${nextYear}`);
    await fillSplit('grouped', '4242424242424242', `12${nextYear}`);
    const result = await card.number.tokenize();
    expect(result.token!.card).to.include({ exp_month: 12 });
    expect(await shownErrors('other-cvc')).to.deep.equal([]);
    expect(await shownErrors('other-expiry')).to.deep.equal([]);
    expect((await card.cvc.tokenize()).token!.id).to.match(/^tok_/);
    const stray = await (document.querySelector('#other-cvc') as TokenframeCardCvc).tokenize();
    expect(stray.error).to.include({ code: 'card_field_missing' });
  });
});

describe('split card fields in a plain form', () => {
  it('the number submits the token under its name; an incomplete expiry keeps the form invalid', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form action="/never" method="post">
        <tokenframe-card-number
          id="form-number"
          name="token"
          required
          origin=${env.url}
          key=${env.publishableKey}
        ></tokenframe-card-number>
        <tokenframe-card-expiry
          id="form-expiry"
          required
          origin=${env.url}
          key=${env.publishableKey}
        ></tokenframe-card-expiry>
        <tokenframe-card-cvc id="form-cvc" required origin=${env.url} key=${env.publishableKey}></tokenframe-card-cvc>
        <button>Pay</button>
      </form>
    `);
    const expiry = form.querySelector('tokenframe-card-expiry')!;
    await Promise.all(
      [...form.querySelectorAll('tokenframe-card-number, tokenframe-card-expiry, tokenframe-card-cvc')].map((e) =>
        oneEvent(e, 'ready'),
      ),
    );
    const submitted: FormData[] = [];
    form.addEventListener('submit', (event) => {
      submitted.push(new FormData(form));
      event.preventDefault();
    });
    expect(expiry.validity.valueMissing).to.equal(true);
    await type('form-number', 'Card number', '4242424242424242');
    await type('form-expiry', 'Expiration', '1');
    await type('form-cvc', 'CVC', '319');
    await until(() => expiry.validity.customError);
    expect(form.checkValidity()).to.equal(false);
    expiry.clear();
    await until(() => expiry.validity.valueMissing);
    await type('form-expiry', 'Expiration', `12${nextYear}`);
    await until(() => form.checkValidity());
    form.querySelector('button')!.click();
    await until(() => submitted.length > 0);
    expect([...submitted[0].keys()]).to.deep.equal(['token']);
    expect(String(submitted[0].get('token'))).to.match(/^tok_/);
    // The token stands for the card as it was: editing the expiry drops it from the form.
    expect(String(new FormData(form).get('token'))).to.match(/^tok_/);
    await press('form-expiry', 'Expiration', 'Backspace');
    await until(() => new FormData(form).get('token') === null);
    expect(new FormData(form).get('token')).to.equal(null);
  });
});

/** The three elements, each given Stripe's `options` through its `update()`. */
async function mountSplitWith(prefix: string, options: ElementOptions): Promise<SplitCard> {
  const tags = ['tokenframe-card-number', 'tokenframe-card-expiry', 'tokenframe-card-cvc'] as const;
  const [number, expiry, cvc] = tags.map((tag) => {
    const element = document.createElement(tag);
    element.update(options);
    element.id = `${prefix}-${tag.slice('tokenframe-card-'.length)}`;
    element.setAttribute('origin', env.url);
    element.setAttribute('key', env.publishableKey);
    return element;
  });
  const ready = Promise.all([number, expiry, cvc].map((element) => oneEvent(element, 'ready')));
  await fixture(html`<div>${number}${expiry}${cvc}</div>`);
  await ready;
  return { number, expiry, cvc } as SplitCard;
}

describe('split card input, as the card element', () => {
  const yyyy = `20${nextYear}`;

  it('the expiry frame reads MM/YYYY typed, M/YY pasted and MMYYYY autofilled, and the token carries it', async () => {
    const card = await mountSplit('split-forms');
    await type('split-forms-expiry', 'Expiration', `12/${yyyy}`);
    expect((await frameInput('split-forms-expiry', 'Expiration')).value).to.equal(`12 / ${nextYear}`);
    await executeServerCommand('frame-paste', {
      selector: '#split-forms-expiry',
      label: 'Expiration',
      text: `1/${nextYear}`,
    });
    expect((await frameInput('split-forms-expiry', 'Expiration')).value).to.equal(`01 / ${nextYear}`);
    await executeServerCommand('frame-autofill', {
      selector: '#split-forms-expiry',
      label: 'Expiration',
      text: `11${yyyy}`,
    });
    expect((await frameInput('split-forms-expiry', 'Expiration')).value).to.equal(`11 / ${nextYear}`);
    await type('split-forms-number', 'Card number', '4242424242424242');
    await type('split-forms-cvc', 'CVC', '319');
    expect((await card.number.tokenize()).token!.card).to.include({ exp_month: 11, exp_year: Number(yyyy) });
  });

  it('the number frame refuses a brand outside the brands option, and nothing is sent', async () => {
    const card = await mountSplitWith('split-brands', { brands: ['visa'] });
    await recordRequests();
    await fillSplit('split-brands', '5555555555554444');
    expect(await shownErrors('split-brands-number')).to.deep.equal(["Your card's brand is not accepted."]);
    expect((await card.number.tokenize()).error).to.include({ code: 'card_brand_not_accepted' });
    expect(await tokenRequests()).to.deep.equal([]);
  });

  it('readonly: each frame refuses edits; disabled: each field is disabled', async () => {
    await mountSplitWith('split-readonly', { readOnly: true });
    await fillSplit('split-readonly');
    for (const [id, label] of [
      ['split-readonly-number', 'Card number'],
      ['split-readonly-expiry', 'Expiration'],
      ['split-readonly-cvc', 'CVC'],
    ]) {
      expect((await frameInput(id, label)).value, label).to.equal('');
    }
    await mountSplitWith('split-disabled', { disabled: true });
    for (const [id, label] of [
      ['split-disabled-number', 'Card number'],
      ['split-disabled-expiry', 'Expiration'],
      ['split-disabled-cvc', 'CVC'],
    ]) {
      expect((await frameInput(id, label)).disabled, label).to.equal(true);
    }
  });
});
