import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { HostMessage } from '../../src/protocol/messages';
import { env, frameInput, mountReady } from './helpers';

/** Records every `update` the page posts to a frame over its private port, until `stop()`. */
function recordUpdates() {
  const updates: HostMessage[] = [];
  const original = MessagePort.prototype.postMessage;
  const post = original as (this: MessagePort, ...args: unknown[]) => void;
  MessagePort.prototype.postMessage = function (this: MessagePort, message: unknown, ...rest: unknown[]) {
    if ((message as HostMessage | undefined)?.type === 'update') updates.push(message as HostMessage);
    post.call(this, message, ...rest);
  } as MessagePort['postMessage'];
  return { updates, stop: () => (MessagePort.prototype.postMessage = original) };
}

const afterMicrotasks = () => new Promise((resolve) => setTimeout(resolve));

describe('host lifecycle', () => {
  it('attributes set together in one task reach the frame as one update with all of them', async () => {
    const bank = await mountReady('tokenframe-bank-account', 'lifecycle-bank');
    const recorder = recordUpdates();
    try {
      bank.setAttribute('country', 'DE');
      bank.setAttribute('currency', 'eur');
      bank.setAttribute('disabled', '');
      await afterMicrotasks();
    } finally {
      recorder.stop();
    }
    expect(recorder.updates).to.have.length(1);
    expect(recorder.updates[0]).to.deep.include({ type: 'update' });
    expect((recorder.updates[0] as { options: object }).options).to.deep.include({
      country: 'DE',
      currency: 'eur',
      disabled: true,
    });
    expect((await frameInput('lifecycle-bank', 'IBAN')).disabled).to.equal(true);
  });

  it('the appearance property, an attribute and a disabled fieldset in one task make one update', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><fieldset></fieldset></form>`);
    const card = document.createElement('tokenframe-card');
    card.id = 'lifecycle-card';
    card.setAttribute('origin', env.url);
    card.setAttribute('key', env.publishableKey);
    const ready = oneEvent(card, 'ready');
    form.querySelector('fieldset')!.append(card);
    await ready;
    const recorder = recordUpdates();
    try {
      card.appearance = { theme: 'night' };
      card.setAttribute('hide-postal-code', '');
      form.querySelector('fieldset')!.disabled = true;
      await afterMicrotasks();
    } finally {
      recorder.stop();
    }
    expect(recorder.updates).to.have.length(1);
    const [update] = recorder.updates as { options: object; appearance: object }[];
    expect(update.appearance).to.deep.equal({ theme: 'night' });
    expect(update.options).to.deep.include({ hidePostalCode: true, disabled: true });
    expect((await frameInput('lifecycle-card', 'Card number')).disabled).to.equal(true);
  });
});
