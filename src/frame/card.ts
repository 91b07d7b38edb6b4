import './frame.css';
import './card-form';
import { cardExtraFields } from '../validation/card';
import { readFrameConfig } from './frame-config';
import { listenForHost } from './host-channel';
import { createToken } from './tokens-api';

/**
 * Entry point of `/frame/v1/card.html`. Wires the card form to the host
 * channel. Nothing here logs, stores or posts a raw value anywhere but to
 * `/v1/tokens` on this origin.
 */
const config = readFrameConfig();
const form = document.querySelector('tf-card-form')!;

const channel = listenForHost(
  config.allowedOrigins,
  (init) => {
    form.hidePostalCode = Boolean(init.options.hidePostalCode);
    form.disabled = Boolean(init.options.disabled);
    channel.send({ type: 'ready' });
    reportHeight();
    new ResizeObserver(reportHeight).observe(document.body);
  },
  async (message) => {
    switch (message.type) {
      case 'update':
        form.hidePostalCode = Boolean(message.options.hidePostalCode);
        form.disabled = Boolean(message.options.disabled);
        break;
      case 'focus':
        form.focusFirst();
        break;
      case 'clear':
        form.clear();
        break;
      case 'tokenize': {
        const { requestId, extra } = message;
        const unknown = Object.keys(extra).find((field) => !(cardExtraFields as readonly string[]).includes(field));
        if (unknown) {
          channel.send({
            type: 'result',
            requestId,
            error: {
              type: 'invalid_request_error',
              code: 'parameter_unknown',
              param: unknown,
              message: `tokenize() does not accept "${unknown}".`,
            },
          });
          break;
        }
        const invalid = form.validateAll();
        if (invalid) {
          channel.send({ type: 'result', requestId, error: invalid });
          break;
        }
        const result = await createToken(config.publishableKey, form.tokenParams(extra));
        channel.send({ type: 'result', requestId, ...result });
        break;
      }
    }
  },
);

form.addEventListener('form-change', (event) => channel.send({ type: 'change', ...event.detail }));
window.addEventListener('focus', () => channel.send({ type: 'focus' }));
window.addEventListener('blur', () => channel.send({ type: 'blur' }));

function reportHeight(): void {
  channel.send({ type: 'resize', height: document.body.getBoundingClientRect().height });
}

declare global {
  interface HTMLElementEventMap {
    'form-change': CustomEvent<import('../protocol/messages').ChangeDetail>;
  }
}
