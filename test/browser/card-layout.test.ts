import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { TokenframeCard, TokenframeElement } from '../../src/host/index';
import type { ElementOptions } from '../../src/host/element-options';
import { env, frameInput, frameTexts, press, type } from './helpers';

/**
 * The card's layout inside the frame: the single-line row, the brand icons,
 * hidden labels and the merchant's own labels and placeholders. The options
 * reach the element through Stripe's `update()`, as a merchant gives them.
 */

interface FrameElement {
  box: { x: number; y: number; width: number; height: number; right: number; bottom: number };
  attributes: Record<string, string | null>;
}

/** Mounts `<tag>` given `options` through its `update()`, and waits for `ready`. */
async function mountWith<T extends TokenframeElement>(tag: string, id: string, options: ElementOptions): Promise<T> {
  const element = document.createElement(tag) as T;
  element.id = id;
  element.setAttribute('origin', env.url);
  element.setAttribute('key', env.publishableKey);
  element.update(options);
  const ready = oneEvent(element, 'ready');
  await fixture(html`<div style="width: 640px">${element}</div>`);
  await ready;
  return element;
}

function frameElements(id: string, css: string, attributes: string[] = []): Promise<FrameElement[]> {
  return executeServerCommand<FrameElement[], object>('frame-elements', {
    selector: `#${id}`,
    css,
    attributes,
  }) as Promise<FrameElement[]>;
}

/** The brand the number field's icon shows (a class of the icon), or null when none shows. */
async function shownIcon(id: string): Promise<string | null> {
  const [icon] = await frameElements(id, 'svg.icon', ['class']);
  return icon ? icon.attributes.class!.split(/\s+/)[1] : null;
}

/** Waits until the frame shows what `check` expects: icons follow the frame's own re-render. */
async function until<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const value = await read();
    if (check(value) || attempt === 50) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const labels = ['Card number', 'Expiration', 'CVC', 'Postal code'];

describe('card layout', () => {
  it('single-line puts number, expiry, CVC and postal code on one row, the number widest', async () => {
    await mountWith<TokenframeCard>('tokenframe-card', 'layout-single', { layout: 'single-line' });
    const inputs = await frameElements('layout-single', 'input');
    expect(inputs).to.have.length(4);
    const [number, ...others] = inputs.map((input) => input.box);
    for (const box of others) {
      expect(Math.abs(box.y - number.y)).to.be.below(1);
      expect(box.x).to.be.above(number.right - 1);
      expect(number.width).to.be.above(box.width * 2);
    }
    // The labels are gone from sight, not from assistive technology: each input still has its name.
    for (const label of labels) expect((await frameInput('layout-single', label)).value).to.equal('');
    expect(number.y).to.be.below(10);
  });

  it('axe finds nothing wrong with a single-line card or one without visible labels', async () => {
    await mountWith<TokenframeCard>('tokenframe-card', 'layout-axe-single', { layout: 'single-line' });
    await mountWith<TokenframeCard>('tokenframe-card', 'layout-axe-hidden', { hideLabels: true, iconStyle: 'solid' });
    for (const id of ['layout-axe-single', 'layout-axe-hidden']) {
      await type(id, 'Card number', '4242424242424241');
      expect(await executeServerCommand('frame-axe', { selector: `#${id}` })).to.deep.equal([]);
    }
  });

  it('single-line shows the errors below the row', async () => {
    await mountWith<TokenframeCard>('tokenframe-card', 'layout-single-error', { layout: 'single-line' });
    await type('layout-single-error', 'Card number', '4242424242424241');
    const [error] = await until(
      () => frameElements('layout-single-error', '.Error:not(:empty)'),
      (errors) => errors.length > 0,
    );
    const [input] = await frameElements('layout-single-error', 'input');
    expect(await frameTexts('layout-single-error', '.Error')).to.deep.equal(['Your card number is incorrect.']);
    expect(error.box.y).to.be.at.least(input.box.bottom);
    expect(error.box.width).to.be.above(input.box.width);
  });

  it('keeps the row at 320 px, the number field the widest', async () => {
    const card = await mountWith<TokenframeCard>('tokenframe-card', 'layout-narrow', { layout: 'single-line' });
    card.parentElement!.style.width = '320px';
    const inputs = await until(
      () => frameElements('layout-narrow', 'input'),
      (found) => found[0].box.width < 300,
    );
    const [number, ...others] = inputs.map((input) => input.box);
    for (const box of others) {
      expect(Math.abs(box.y - number.y)).to.be.below(1);
      expect(box.right).to.be.at.most(320);
      expect(number.width).to.be.above(box.width * 2);
    }
  });

  it('stacked (the default) keeps the number above the other three', async () => {
    await mountWith<TokenframeCard>('tokenframe-card', 'layout-stacked', {});
    const [number, expiry] = (await frameElements('layout-stacked', 'input')).map((input) => input.box);
    expect(expiry.y).to.be.above(number.bottom);
  });

  it('the icon follows the brand as it is typed: visa, mastercard, amex, then a plain card', async () => {
    await mountWith<TokenframeCard>('tokenframe-card', 'layout-icons', {});
    expect(await shownIcon('layout-icons')).to.equal('unknown');
    const seen: (string | null)[] = [];
    for (const [digits, brand] of [
      ['42', 'visa'],
      ['55', 'mastercard'],
      ['37', 'amex'],
    ]) {
      await type('layout-icons', 'Card number', digits);
      seen.push(
        await until(
          () => shownIcon('layout-icons'),
          (shown) => shown === brand,
        ),
      );
      for (let left = digits.length; left > 0; left--) await press('layout-icons', 'Card number', 'Backspace');
    }
    seen.push(
      await until(
        () => shownIcon('layout-icons'),
        (shown) => shown === 'unknown',
      ),
    );
    expect(seen).to.deep.equal(['visa', 'mastercard', 'amex', 'unknown']);
    // In colour: Visa's card is blue.
    await type('layout-icons', 'Card number', '42');
    await until(
      () => shownIcon('layout-icons'),
      (shown) => shown === 'visa',
    );
    expect(await rectStyle('layout-icons')).to.include({ fill: 'rgb(26, 31, 113)' });
  });

  it('a wrong number shows the error icon', async () => {
    await mountWith<TokenframeCard>('tokenframe-card', 'layout-icon-error', {});
    await type('layout-icon-error', 'Card number', '4242424242424241');
    expect(
      await until(
        () => shownIcon('layout-icon-error'),
        (shown) => shown === 'error',
      ),
    ).to.equal('error');
  });

  it('iconStyle solid draws the icon in one colour, outlined', async () => {
    await mountWith<TokenframeCard>('tokenframe-card', 'layout-solid', { iconStyle: 'solid' });
    await type('layout-solid', 'Card number', '42');
    await until(
      () => shownIcon('layout-solid'),
      (shown) => shown === 'visa',
    );
    const rect = await rectStyle('layout-solid');
    expect(rect.fill).to.equal('none');
    const text = await executeServerCommand<Record<string, string>, object>('frame-style', {
      selector: '#layout-solid',
      css: 'svg.icon text',
      properties: ['fill'],
    });
    expect(text!.fill).to.equal(rect.stroke);
  });

  it('hideIcon shows no icon, on the card and on a split card number', async () => {
    await mountWith<TokenframeCard>('tokenframe-card', 'layout-no-icon', { hideIcon: true });
    await type('layout-no-icon', 'Card number', '4242');
    expect(await frameElements('layout-no-icon', 'svg')).to.deep.equal([]);
    await mountWith('tokenframe-card-number', 'layout-number-no-icon', { hideIcon: true });
    expect(await frameElements('layout-number-no-icon', 'svg')).to.deep.equal([]);
  });

  it('a split card number shows the icon too', async () => {
    await mountWith('tokenframe-card-number', 'layout-number-icon', {});
    await type('layout-number-icon', 'Card number', '37');
    expect(
      await until(
        () => shownIcon('layout-number-icon'),
        (shown) => shown === 'amex',
      ),
    ).to.equal('amex');
  });

  it('hideLabels hides the labels from sight but keeps them as the inputs’ accessible names', async () => {
    await mountWith<TokenframeCard>('tokenframe-card', 'layout-no-labels', { hideLabels: true });
    const [number, expiry] = (await frameElements('layout-no-labels', 'input')).map((input) => input.box);
    const [label] = (await frameElements('layout-no-labels', '.label-row')).map((found) => found.box);
    expect(number.y).to.be.below(10);
    expect(expiry.y).to.be.above(number.bottom);
    expect(label.width * label.height).to.be.at.most(1);
    for (const name of labels) expect((await frameInput('layout-no-labels', name)).value).to.equal('');
  });

  it('labels and placeholders by field replace the defaults, as text only', async () => {
    await mountWith<TokenframeCard>('tokenframe-card', 'layout-texts', {
      labels: { number: '<img src=x onerror="window.pwned=1">', cvc: 'Security code' },
      placeholders: { number: '4242…', postalCode: 'x'.repeat(500) },
    });
    const shown = await frameTexts('layout-texts', 'label');
    expect(shown).to.deep.equal(['<img src=x onerror="window.pwned=1">', 'Expiration', 'Security code', 'Postal code']);
    expect(await frameElements('layout-texts', 'img')).to.deep.equal([]);
    const placeholders = (await frameElements('layout-texts', 'input', ['placeholder'])).map(
      (input) => input.attributes.placeholder,
    );
    expect(placeholders).to.deep.equal(['4242…', 'MM / YY', 'CVC', 'x'.repeat(100)]);
    // The new label names the input.
    expect((await frameInput('layout-texts', 'Security code')).value).to.equal('');
  });

  it('the split card fields take labels and placeholders by their field names', async () => {
    await mountWith('tokenframe-card-expiry', 'layout-expiry-texts', {
      labels: { expiry: 'Valid thru' },
      placeholders: { expiry: 'MM/YY' },
    });
    expect(await frameTexts('layout-expiry-texts', 'label')).to.deep.equal(['Valid thru']);
    const [input] = await frameElements('layout-expiry-texts', 'input', ['placeholder']);
    expect(input.attributes.placeholder).to.equal('MM/YY');
  });
});

async function rectStyle(id: string): Promise<Record<string, string>> {
  return (await executeServerCommand<Record<string, string>, object>('frame-style', {
    selector: `#${id}`,
    css: 'svg.icon rect',
    properties: ['fill', 'stroke'],
  }))!;
}
