import { expect, oneEvent } from '@open-wc/testing';
import { PROTOCOL_VERSION } from '../../src/protocol/messages';
import type { TokenframeElement } from '../../src/host/index';
import { env, fillCard, mountReady, recordRequests, tokenRequests } from './helpers';

/**
 * The real card frame, served by the service, spoken to by hand as a hostile
 * or faulty host page would: what it must refuse, and that it stays usable.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The frame page in a bare iframe inside `<div id=…>`, once its script listens (its `hello`). */
async function bareFrame(id: string): Promise<HTMLIFrameElement> {
  const holder = Object.assign(document.createElement('div'), { id });
  const iframe = Object.assign(document.createElement('iframe'), {
    src: `${env.url}/frame/v1/card.html?key=${env.publishableKey}`,
  });
  const hello = new Promise<void>((resolve) =>
    addEventListener('message', function hear(event) {
      if (event.source !== iframe.contentWindow || event.data?.type !== 'hello') return;
      removeEventListener('message', hear);
      resolve();
    }),
  );
  holder.append(iframe);
  document.body.append(holder);
  await hello;
  return iframe;
}

/** Posts an init with a port of its own; everything the frame answers on it is collected. */
function init(iframe: HTMLIFrameElement, options: Record<string, unknown>) {
  const channel = new MessageChannel();
  const heard: { type: string; requestId?: string; token?: { id: string } }[] = [];
  channel.port1.onmessage = (event) => heard.push(event.data);
  iframe.contentWindow!.postMessage({ tf: PROTOCOL_VERSION, type: 'init', options }, env.url, [channel.port2]);
  return { port: channel.port1, heard };
}

async function until(check: () => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(50);
  }
}

describe('the frame against a hostile host page', () => {
  afterEach(() => document.querySelectorAll('#bare').forEach((holder) => holder.remove()));

  it('refuses an init too big to be real (an 8 MB locale), then answers a valid one', async () => {
    const iframe = await bareFrame('bare');
    const oversized = init(iframe, { locale: 'x'.repeat(8 * 1024 * 1024) });
    await sleep(1500);
    expect(oversized.heard, 'answers to the oversized init').to.deep.equal([]);

    const valid = init(iframe, { locale: 'fr' });
    await until(() => valid.heard.some((message) => message.type === 'ready'));
    expect(oversized.heard).to.deep.equal([]);
  });

  it('carries out a tokenize once: a replay of its requestId posts no second token and gets no answer', async () => {
    const iframe = await bareFrame('bare');
    const host = init(iframe, {});
    await until(() => host.heard.some((message) => message.type === 'ready'));
    await fillCard('bare');
    await recordRequests();
    const results = () => host.heard.filter((message) => message.type === 'result');

    host.port.postMessage({ tf: PROTOCOL_VERSION, type: 'tokenize', requestId: 'r1', extra: {} });
    await until(() => results().length === 1);
    host.port.postMessage({ tf: PROTOCOL_VERSION, type: 'tokenize', requestId: 'r1', extra: {} });
    await sleep(2000);

    expect(results()).to.have.length(1);
    expect(results()[0].token?.id).to.match(/^tok_/);
    expect((await tokenRequests()).filter((request) => request.method === 'POST')).to.have.length(1);
  });

  it('reports the frame lost when the page navigates it away, answers tokenize() with that error, and Retry recovers', async () => {
    const card = await mountReady<TokenframeElement>('tokenframe-card', 'navigated');
    const lost = oneEvent(card, 'loaderror');
    card.shadowRoot!.querySelector('iframe')!.src = 'about:blank';
    expect((await lost).detail.error.code).to.equal('frame_unavailable');
    expect((await card.tokenize()).error?.code).to.equal('frame_unavailable');

    const ready = oneEvent(card, 'ready');
    card.shadowRoot!.querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await ready;
    await fillCard('navigated');
    expect((await card.tokenize()).token?.id).to.match(/^tok_/);
  });

  it('still makes a new token for each tokenize() of the element, also two at once', async () => {
    const card = await mountReady<TokenframeElement>('tokenframe-card', 'twice');
    await fillCard('twice');
    const [first, second] = await Promise.all([card.tokenize(), card.tokenize()]);
    const third = await card.tokenize();
    const ids = [first, second, third].map((result) => result.token?.id);
    expect(ids.every((id) => id?.startsWith('tok_'))).to.equal(true);
    expect(new Set(ids).size).to.equal(3);
  });
});
