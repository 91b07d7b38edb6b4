import type { Appearance } from '../protocol/messages';
import { applyAppearance } from './appearance-sheet';
import type { FieldsForm } from './fields-form';
import { readFrameConfig } from './frame-config';
import { listenForHost } from './host-channel';
import { createToken } from './tokens-api';

/**
 * Wires one field kind's form to the host: the handshake, options, focus,
 * clear, tokenize, and the change / focus / blur / resize reports. Nothing
 * here logs, stores or posts a raw value anywhere but to `/v1/tokens` on this
 * origin.
 */
export function startFrame(form: FieldsForm<string>): void {
  const config = readFrameConfig();

  const channel = listenForHost(
    config.allowedOrigins,
    (init) => {
      form.applyOptions(init.options);
      applyAppearanceFrom(init);
      // The height first: the host reveals the frame on ready, already at its size.
      reportHeight();
      channel.send({ type: 'ready' });
      new ResizeObserver(reportHeight).observe(document.body);
    },
    async (message) => {
      switch (message.type) {
        case 'update':
          form.applyOptions(message.options);
          applyAppearanceFrom(message);
          break;
        case 'focus':
          form.focusFirst();
          break;
        case 'clear':
          form.clear();
          break;
        case 'validate':
          form.validateAll();
          break;
        case 'tokenize': {
          const { requestId, extra } = message;
          const unknown = Object.keys(extra).find((field) => !form.extraFields.includes(field));
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
          channel.send({
            type: 'result',
            requestId,
            ...(await createToken(config.publishableKey, form.tokenParams(extra))),
          });
          break;
        }
      }
    },
  );

  form.addEventListener('form-change', (event) => channel.send({ type: 'change', ...event.detail }));
  window.addEventListener('focus', () => {
    // Focus handed to the frame as a whole (the host's focus(), or a form's
    // reportValidity()) goes on to the first field. Tab and Shift+Tab focus a
    // field themselves, but the window's focus event comes first, while the
    // body is still active: look once that focus has landed, or Shift+Tab
    // would pass through the first field (and judge it on blur).
    setTimeout(() => {
      if (document.activeElement === document.body) form.focusFirst();
    });
    channel.send({ type: 'focus' });
  });
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.isComposing && (event.composedPath()[0] as HTMLElement).tagName !== 'BUTTON') {
      event.preventDefault();
      channel.send({ type: 'submit' });
    }
  });
  window.addEventListener('blur', () => channel.send({ type: 'blur' }));

  /** Refused entries are the merchant's to fix: the host prints each as a console warning. */
  function applyAppearanceFrom({ appearance }: { appearance?: Appearance }): void {
    for (const message of applyAppearance(appearance)) channel.send({ type: 'warning', message });
  }

  function reportHeight(): void {
    channel.send({ type: 'resize', height: document.body.getBoundingClientRect().height });
  }
}
