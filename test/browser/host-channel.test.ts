import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { FieldsForm } from '../../src/frame/fields-form';
import { listenForHost } from '../../src/frame/host-channel';
import { pii } from '../../src/kinds/element-kinds';
import { PROTOCOL_VERSION, SUPPORTED_HOST_VERSIONS, type HostMessage } from '../../src/protocol/messages';

/**
 * The frame's side of the handshake, run directly in the test page (which is
 * its own parent, so `event.source === window.parent` holds): it must accept
 * `init` only from an allowed origin, with a port, and then listen only to
 * that port.
 */
function postInit(port?: MessagePort, data: unknown = { tf: PROTOCOL_VERSION, type: 'init', options: {} }) {
  window.postMessage(data, location.origin, port ? [port] : []);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('frame handshake (listenForHost)', () => {
  it('says hello to the parent as soon as it listens, only to the key’s allowed origins', async () => {
    const hellos: unknown[] = [];
    const hear = (event: MessageEvent) => {
      if ((event.data as { type?: unknown })?.type === 'hello') hellos.push(event.data);
    };
    addEventListener('message', hear);
    listenForHost(
      ['https://shop.example', 'not an origin'],
      () => undefined,
      () => undefined,
    );
    await settle();
    expect(hellos, 'to an origin that is not this page’s').to.deep.equal([]);
    listenForHost(
      [location.origin],
      () => undefined,
      () => undefined,
    );
    await settle();
    removeEventListener('message', hear);
    expect(hellos).to.deep.equal([{ tf: PROTOCOL_VERSION, type: 'hello' }]);
  });

  it('ignores init from an origin that is not on the key’s allowed list', async () => {
    const inits: unknown[] = [];
    listenForHost(
      ['https://shop.example'],
      (init) => inits.push(init),
      () => undefined,
    );
    postInit(new MessageChannel().port2);
    await settle();
    expect(inits).to.deep.equal([]);
  });

  it('ignores init without a port and messages of another protocol version', async () => {
    const inits: unknown[] = [];
    listenForHost(
      [location.origin],
      (init) => inits.push(init),
      () => undefined,
    );
    postInit(undefined);
    postInit(new MessageChannel().port2, { tf: 2, type: 'init', options: {} });
    await settle();
    expect(inits).to.deep.equal([]);
  });

  it('accepts init from an allowed origin, then listens only on the private port', async () => {
    const received: HostMessage[] = [];
    let initialised = 0;
    const channel = new MessageChannel();
    const fromFrame: unknown[] = [];
    channel.port1.onmessage = (event) => fromFrame.push(event.data);
    const frame = listenForHost(
      [location.origin],
      () => initialised++,
      (message) => received.push(message),
    );
    postInit(channel.port2);
    await settle();
    expect(initialised).to.equal(1);

    frame.send({ type: 'ready' });
    channel.port1.postMessage({ tf: PROTOCOL_VERSION, type: 'clear' });
    channel.port1.postMessage({ tf: PROTOCOL_VERSION, type: 'tokenize', requestId: 'r1', extra: { name: 42 } });
    window.postMessage({ tf: PROTOCOL_VERSION, type: 'clear' }, location.origin);
    postInit(new MessageChannel().port2);
    await settle();

    expect(received).to.deep.equal([{ tf: PROTOCOL_VERSION, type: 'clear' }]);
    expect(initialised).to.equal(1);
    expect(fromFrame).to.deep.equal([{ tf: PROTOCOL_VERSION, type: 'ready' }]);
  });

  it('accepts every supported protocol version and answers in it; drops messages of an unknown version', async () => {
    const unknownVersions = [0, Math.max(...SUPPORTED_HOST_VERSIONS) + 1, String(PROTOCOL_VERSION), undefined];
    for (const version of SUPPORTED_HOST_VERSIONS) {
      const received: HostMessage[] = [];
      const inits: HostMessage[] = [];
      const channel = new MessageChannel();
      const fromFrame: unknown[] = [];
      channel.port1.onmessage = (event) => fromFrame.push(event.data);
      const frame = listenForHost(
        [location.origin],
        (init) => inits.push(init),
        (message) => received.push(message),
      );
      for (const unknown of unknownVersions)
        postInit(new MessageChannel().port2, { tf: unknown, type: 'init', options: {} });
      await settle();
      expect(inits, `init of an unknown version`).to.deep.equal([]);

      postInit(channel.port2, { tf: version, type: 'init', options: {} });
      await settle();
      expect(inits).to.deep.equal([{ tf: version, type: 'init', options: {} }]);

      for (const unknown of unknownVersions) channel.port1.postMessage({ tf: unknown, type: 'clear' });
      channel.port1.postMessage({ tf: version, type: 'focus' });
      frame.send({ type: 'ready' });
      await settle();
      expect(received).to.deep.equal([{ tf: version, type: 'focus' }]);
      expect(fromFrame).to.deep.equal([{ tf: version, type: 'ready' }]);
    }
  });

  it('says hello before the form renders for the first time, so init travels while the fields render', async () => {
    // The frame page's order: the form is defined (its first update scheduled), then the frame listens and says hello.
    class OneFieldForm extends FieldsForm<'name'> {
      readonly extraFields = [];
      protected readonly kind = pii;
      protected emptyValues() {
        return { name: '' };
      }
      protected fieldNames(): 'name'[] {
        return ['name'];
      }
      protected check() {
        return { name: { state: 'empty' as const } };
      }
      tokenParams() {
        return {};
      }
      override render() {
        return html`<p>fields</p>`;
      }
    }
    customElements.define('tf-one-field-form', OneFieldForm);
    const order: string[] = [];
    const hear = (event: MessageEvent) => {
      if ((event.data as { type?: unknown })?.type === 'hello') order.push('hello');
    };
    addEventListener('message', hear);
    const form = document.body.appendChild(new OneFieldForm());
    listenForHost(
      [location.origin],
      () => undefined,
      () => undefined,
    );
    await form.updateComplete;
    order.push('rendered');
    await settle();
    removeEventListener('message', hear);
    form.remove();
    expect(order).to.deep.equal(['hello', 'rendered']);
  });
});
