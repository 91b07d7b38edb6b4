import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { TokenframeCard, TokenframePii } from '../../src/host/index';
import { env, mountReady, recordRequests, type } from './helpers';

type Style = Record<string, string>;
type FrameMetrics = { scrollHeight: number; clientHeight: number; innerHeight: number };

/** Computed style of the first element matching `css` inside the frame of `#id`. */
async function frameStyle(id: string, css: string, properties: string[], pseudo?: string): Promise<Style> {
  return (await executeServerCommand<Style, object>('frame-style', { selector: `#${id}`, css, properties, pseudo }))!;
}

/** Polls until `check` passes: appearance updates travel over the port and restyle on the frame's next frame. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeout = 3000): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** Every `console.warn` while `run` runs. */
async function warningsDuring(run: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await run();
    // Warnings arrive over the port right after ready; let them land.
    await new Promise((resolve) => setTimeout(resolve, 300));
  } finally {
    console.warn = original;
  }
  return warnings;
}

const WHITE = 'rgb(255, 255, 255)';
const NIGHT_BACKGROUND = 'rgb(48, 49, 61)';
const inputLook = ['background-color', 'color', 'border-top-color', 'background-image'];

describe('appearance', () => {
  it('the default look is unchanged: white inputs with a grey border', async () => {
    await mountReady('tokenframe-card', 'look-default');
    const style = await frameStyle('look-default', '.Input', inputLook);
    expect(style['background-color']).to.equal(WHITE);
    expect(style['border-top-color']).to.equal('rgb(135, 140, 149)');
  });

  it('the default look never downloads the style chunk; an appearance does', async () => {
    const chunks = async (id: string) =>
      ((await executeServerCommand<string[], object>('frame-resources', { selector: `#${id}` })) ?? []).filter((name) =>
        name.startsWith('stripe-style-'),
      );
    await mountReady('tokenframe-card', 'look-default-chunks');
    expect(await chunks('look-default-chunks')).to.deep.equal([]);
    await mountReady('tokenframe-card', 'look-night-chunks', { appearance: JSON.stringify({ theme: 'night' }) });
    expect(await chunks('look-night-chunks')).to.have.length(1);
  });

  it('the appearance attribute sets a theme inside the frame', async () => {
    await mountReady('tokenframe-card', 'look-night', { appearance: JSON.stringify({ theme: 'night' }) });
    const style = await frameStyle('look-night', '.Input', inputLook);
    expect(style['background-color']).to.equal(NIGHT_BACKGROUND);
    expect(style.color).to.equal(WHITE);
  });

  it('variables and rules for documented selectors apply, and the property restyles a mounted element', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'look-property');
    card.appearance = {
      theme: 'flat',
      variables: { colorText: '#123456', borderRadius: '0px' },
      rules: { '.Label': { textTransform: 'uppercase' }, '.Input:focus': { boxShadow: '0 0 0 3px rgb(255, 0, 0)' } },
    };
    const input = await eventually(
      () => frameStyle('look-property', '.Input', ['color', 'border-top-left-radius', 'border-top-color']),
      // The border fades to transparent over its transition: wait for where it ends.
      (style) => style.color === 'rgb(18, 52, 86)' && style['border-top-color'] === 'rgba(0, 0, 0, 0)',
    );
    expect(input).to.deep.equal({
      color: 'rgb(18, 52, 86)',
      'border-top-left-radius': '0px',
      'border-top-color': 'rgba(0, 0, 0, 0)',
    });
    expect((await frameStyle('look-property', '.Label', ['text-transform']))['text-transform']).to.equal('uppercase');
    await executeServerCommand('frame-focus', { selector: '#look-property', label: 'Card number' });
    const focused = await eventually(
      () => frameStyle('look-property', '.Input:focus', ['box-shadow']),
      (style) => style['box-shadow'] === 'rgb(255, 0, 0) 0px 0px 0px 3px',
    );
    expect(focused['box-shadow']).to.equal('rgb(255, 0, 0) 0px 0px 0px 3px');
  });

  it('the toggle is a .Tab, and .Tab--selected styles it once pressed', async () => {
    const pii = await mountReady<TokenframePii>('tokenframe-pii', 'look-tab');
    pii.appearance = { rules: { '.Tab': { color: 'rgb(1, 2, 3)' }, '.Tab--selected': { color: 'rgb(4, 5, 6)' } } };
    const before = await eventually(
      () => frameStyle('look-tab', '.Tab', ['color']),
      (style) => style.color === 'rgb(1, 2, 3)',
    );
    expect(before.color).to.equal('rgb(1, 2, 3)');
    await executeServerCommand('frame-click', { selector: '#look-tab', name: 'Show number' });
    expect((await frameStyle('look-tab', '.Tab--selected', ['color'])).color).to.equal('rgb(4, 5, 6)');
  });

  it('Stripe’s theme name stripe is the default look, with no warning', async () => {
    const warnings = await warningsDuring(async () => {
      await mountReady('tokenframe-card', 'look-stripe', { appearance: JSON.stringify({ theme: 'stripe' }) });
    });
    expect(warnings).to.deep.equal([]);
    expect((await frameStyle('look-stripe', '.Input', inputLook))['background-color']).to.equal(WHITE);
  });

  it('Stripe’s style object styles the inputs by state: base, empty, complete, invalid and ::placeholder', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'look-style');
    const warnings = await warningsDuring(async () => {
      card.update({
        style: {
          base: { color: 'rgb(1, 2, 3)', fontSize: '18px', '::placeholder': { color: 'rgb(7, 8, 9)' } },
          empty: { backgroundColor: 'rgb(240, 240, 240)' },
          complete: { color: 'rgb(0, 128, 0)' },
          invalid: { color: 'rgb(200, 0, 0)', iconColor: 'url(x)' },
        },
      });
    });
    expect(warnings).to.deep.equal(['tokenframe: style.invalid.iconColor has a value that is not allowed']);
    const empty = await eventually(
      () => frameStyle('look-style', '.Input', ['color', 'background-color', 'font-size']),
      (style) => style['background-color'] === 'rgb(240, 240, 240)',
    );
    expect(empty).to.deep.equal({
      color: 'rgb(1, 2, 3)',
      'background-color': 'rgb(240, 240, 240)',
      'font-size': '18px',
    });
    expect((await frameStyle('look-style', '.Input', ['color'], '::placeholder')).color).to.equal('rgb(7, 8, 9)');
    await type('look-style', 'Card number', '4242424242424242');
    // An expiry in the past is invalid as soon as it is complete ("13" now reads as 01 / 3, still being typed).
    await type('look-style', 'Expiration', '0120');
    const complete = await frameStyle('look-style', '.Input--complete', ['color', 'background-color']);
    expect(complete).to.deep.equal({ color: 'rgb(0, 128, 0)', 'background-color': WHITE });
    const invalid = await eventually(
      () => frameStyle('look-style', '.Input--invalid', ['color']),
      (style) => style.color === 'rgb(200, 0, 0)',
    );
    expect(invalid.color).to.equal('rgb(200, 0, 0)');
  });

  it('refused entries leave the look unchanged and become one console warning each on the host', async () => {
    const warnings = await warningsDuring(async () => {
      await mountReady('tokenframe-card', 'look-refused', {
        appearance: JSON.stringify({
          rules: {
            '.Input': { backgroundImage: 'url(https://attacker.example/x.png)', color: 'red;background:blue' },
            'input[value^="4"]': { backgroundColor: 'red' },
          },
          variables: { colorBackground: 'url(https://attacker.example/x.png)' },
        }),
      });
    });
    const style = await frameStyle('look-refused', '.Input', inputLook);
    expect(style['background-image']).to.equal('none');
    expect(style['background-color']).to.equal(WHITE);
    expect(style.color).to.equal('rgb(48, 49, 61)');
    expect(warnings).to.have.length(4);
    warnings.forEach((warning) => expect(warning).to.match(/^tokenframe: appearance\./));
    expect(warnings.join('\n')).not.to.contain('attacker.example');
  });

  it('refused functions nested inside allowed ones change nothing: same look, same layout, no request', async () => {
    // Finding 5: each passed the old outer-function check, and the attr() one moved the layout in Chromium.
    const hostile = {
      paddingLeft: 'var(--tf-x,attr(maxlength px))',
      paddingTop: 'calc(attr(value))',
      paddingRight: 'calc(url(//attacker.example/p))',
      color: 'var(--tf-x,url(//attacker.example/c))',
      boxShadow: 'rgb(0,0,0)image-set(//attacker.example/s)',
      marginLeft: 'max(1px, calc(min(2px, url(//attacker.example/m))))',
    };
    const box = ['padding-left', 'padding-top', 'padding-right', 'margin-left', 'color', 'box-shadow'];
    await mountReady('tokenframe-card', 'look-nested-baseline');
    await recordRequests();
    const warnings = await warningsDuring(async () => {
      await mountReady('tokenframe-card', 'look-nested', {
        appearance: JSON.stringify({ rules: { '.Input': hostile } }),
      });
    });
    const metrics = (id: string) => executeServerCommand<FrameMetrics, object>('frame-metrics', { selector: `#${id}` });
    expect(await frameStyle('look-nested', '.Input', box)).to.deep.equal(
      await frameStyle('look-nested-baseline', '.Input', box),
    );
    expect(await metrics('look-nested')).to.deep.equal(await metrics('look-nested-baseline'));
    expect(warnings).to.have.length(Object.keys(hostile).length);
    const requests = (await executeServerCommand<{ url: string }[], undefined>('recorded-requests')) ?? [];
    expect(requests.map((request) => request.url).filter((url) => url.includes('attacker.example'))).to.deep.equal([]);
  });

  it('an attribute that is not JSON warns and keeps the default look, and the element still works', async () => {
    const warnings = await warningsDuring(async () => {
      await mountReady('tokenframe-card', 'look-broken', { appearance: '{theme: night' });
    });
    expect(warnings).to.deep.equal(['tokenframe: appearance is not a JSON object']);
    expect((await frameStyle('look-broken', '.Input', inputLook))['background-color']).to.equal(WHITE);
  });

  it('auto follows the page’s color scheme', async () => {
    await mountReady('tokenframe-card', 'look-auto', { appearance: '{"theme":"auto"}' });
    try {
      await executeServerCommand('emulate-color-scheme', { colorScheme: 'dark' });
      expect((await frameStyle('look-auto', '.Input', inputLook))['background-color']).to.equal(NIGHT_BACKGROUND);
      await executeServerCommand('emulate-color-scheme', { colorScheme: 'light' });
      expect((await frameStyle('look-auto', '.Input', inputLook))['background-color']).to.equal(WHITE);
    } finally {
      await executeServerCommand('emulate-color-scheme', { colorScheme: null });
    }
  });

  it('a bigger theme still fits: the iframe is as tall as its content, errors included, with no scrollbar', async () => {
    const card = await mountReady<TokenframeCard>('tokenframe-card', 'look-big', {
      appearance: JSON.stringify({ variables: { fontSizeBase: '24px', spacingUnit: '9px' } }),
    });
    const iframe = card.shadowRoot!.querySelector('iframe')!;
    const fits = async () => {
      const metrics = (await executeServerCommand<FrameMetrics, object>('frame-metrics', {
        selector: '#look-big',
      }))!;
      return { ...metrics, iframe: Math.round(iframe.getBoundingClientRect().height) };
    };
    const fitting = (m: FrameMetrics & { iframe: number }) =>
      m.scrollHeight <= m.clientHeight && m.iframe === m.innerHeight;
    const before = await eventually(fits, fitting);
    expect(before.scrollHeight).to.be.at.most(before.clientHeight);
    expect(before.iframe).to.be.above(250);
    // An empty card asked to tokenize shows every field's error.
    await card.tokenize();
    const after = await eventually(fits, (m) => fitting(m) && m.scrollHeight > before.scrollHeight);
    expect(after.scrollHeight).to.be.at.most(after.clientHeight);
    expect(after.iframe).to.equal(after.innerHeight);
    expect(after.scrollHeight).to.be.above(before.scrollHeight);
  });
});

describe('loading and retry', () => {
  it('shows a skeleton, busy and named, until ready; then the frame', async () => {
    const card = document.createElement('tokenframe-card') as TokenframeCard;
    card.setAttribute('origin', env.url);
    card.setAttribute('key', env.publishableKey);
    const ready = oneEvent(card, 'ready');
    await fixture(html`<div>${card}</div>`);
    const placeholder = card.shadowRoot!.querySelector<HTMLElement>('.skeleton')!;
    const iframe = card.shadowRoot!.querySelector('iframe')!;
    expect(placeholder.getAttribute('role')).to.equal('status');
    expect(placeholder.getAttribute('aria-busy')).to.equal('true');
    expect(placeholder.getAttribute('aria-label')).to.equal('Loading secure form');
    expect(placeholder.getBoundingClientRect().height).to.be.above(150);
    expect(getComputedStyle(iframe).visibility).to.equal('hidden');
    await ready;
    expect(card.shadowRoot!.querySelector('.skeleton')).to.equal(null);
    expect(getComputedStyle(iframe).visibility).to.equal('visible');
    expect(iframe.getBoundingClientRect().height).to.be.above(150);
  });

  it('a single-line card’s skeleton is one row, about as tall as the frame that replaces it', async () => {
    const heights: Record<string, [number, number]> = {};
    for (const layout of ['stacked', 'single-line']) {
      const card = document.createElement('tokenframe-card') as TokenframeCard;
      card.setAttribute('origin', env.url);
      card.setAttribute('key', env.publishableKey);
      card.setAttribute('layout', layout);
      const ready = oneEvent(card, 'ready');
      await fixture(html`<div>${card}</div>`);
      const skeleton = card.shadowRoot!.querySelector('.skeleton')!.getBoundingClientRect().height;
      await ready;
      const iframe = card.shadowRoot!.querySelector('iframe')!;
      await waitUntil(() => iframe.getBoundingClientRect().height !== 44, 'the frame never reported its height');
      heights[layout] = [skeleton, iframe.getBoundingClientRect().height];
    }
    const [skeleton, frame] = heights['single-line'];
    expect(skeleton).to.be.below(heights.stacked[0] / 1.5);
    expect(Math.abs(skeleton - frame)).to.be.below(skeleton / 2);
  });

  it('an unreachable service shows a retry state soon after the frame page fails, and Retry connects once it is up', async () => {
    const port = await executeServerCommand<number, undefined>('free-port');
    const card = document.createElement('tokenframe-card') as TokenframeCard;
    card.setAttribute('origin', `http://127.0.0.1:${port}`);
    card.setAttribute('key', env.publishableKey);
    const started = Date.now();
    const failed = oneEvent(card, 'loaderror');
    await fixture(html`<div>${card}</div>`);
    expect((await failed).detail.error.code).to.equal('frame_unavailable');
    // Well before the 10 s load timeout: the error page loaded and never answered.
    expect(Date.now() - started).to.be.below(7000);
    const notice = card.shadowRoot!.querySelector<HTMLElement>('[role=alert]')!;
    expect(notice.textContent).to.equal('The secure form could not load.Retry');
    expect(card.shadowRoot!.querySelector('iframe')).to.equal(null);
    try {
      await executeServerCommand('forward-port', { port, target: env.url });
      const ready = oneEvent(card, 'ready');
      notice.querySelector('button')!.click();
      await ready;
      expect(card.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
      expect(card.shadowRoot!.querySelector('iframe')!.src).to.contain(`127.0.0.1:${port}`);
    } finally {
      await executeServerCommand('stop-forwarding');
    }
  });

  it('the retry state speaks the element’s language, right to left in Arabic', async () => {
    const card = document.createElement('tokenframe-card') as TokenframeCard;
    card.setAttribute('origin', 'http://127.0.0.1:9');
    card.setAttribute('key', env.publishableKey);
    card.setAttribute('locale', 'ar');
    card.setAttribute('load-timeout', '1500');
    const failed = oneEvent(card, 'loaderror');
    await fixture(html`<div>${card}</div>`);
    await failed;
    const notice = card.shadowRoot!.querySelector<HTMLElement>('[role=alert]')!;
    expect(notice.matches(':dir(rtl)')).to.equal(true);
    expect(notice.lang).to.equal('ar');
    expect(notice.querySelector('button')!.textContent).to.equal('إعادة المحاولة');
  });
  it('an appearance property set before the element is defined applies once it upgrades', async () => {
    const element = document.createElement('tokenframe-card-late') as TokenframeCard;
    element.id = 'look-late';
    element.setAttribute('origin', env.url);
    element.setAttribute('key', env.publishableKey);
    element.appearance = { theme: 'night' };
    await fixture(html`<div>${element}</div>`);
    const ready = oneEvent(element, 'ready');
    customElements.define(
      'tokenframe-card-late',
      class extends (customElements.get('tokenframe-card') as typeof TokenframeCard) {},
    );
    await ready;
    expect((await frameStyle('look-late', '.Input', inputLook))['background-color']).to.equal(NIGHT_BACKGROUND);
    // The property is the element's own again: setting it restyles the frame.
    element.appearance = { theme: 'flat' };
    const flat = await eventually(
      () => frameStyle('look-late', '.Input', inputLook),
      (style) => style['background-color'] === 'rgb(241, 243, 245)',
    );
    expect(flat['background-color']).to.equal('rgb(241, 243, 245)');
  });
});
