import type { HostMessage, Token, TokenError } from '../protocol/messages';
import { applyAppearance } from './appearance-sheet';
import { adoptDocumentStyles } from './document-styles';
import type { FieldsForm } from './fields-form';
import { readFrameConfig } from './frame-config';
import { listenForHost } from './host-channel';
import { localizeTokenError } from './i18n/locales';
import { createToken } from './tokens-api';

/**
 * Wires one field kind's form to the host: the handshake, options, focus,
 * blur, clear, tokenize, and the change / focus / blur / escape / resize reports. Nothing
 * here logs, stores or posts a raw value anywhere but to `/v1/tokens` on this
 * origin.
 */
export function startFrame(form: FieldsForm<string>): void {
  adoptDocumentStyles();
  const config = readFrameConfig();

  const channel = listenForHost(
    config.allowedOrigins,
    async (init) => {
      form.options = init.options;
      await applyAppearanceFrom(init);
      // Ready only once the requested language shows, so the host never reveals English first;
      // the height first, so the host reveals the frame already at its size.
      await applyLocale(init.options.locale, true);
      reportHeight();
      channel.send({ type: 'ready' });
      new ResizeObserver(reportHeight).observe(document.body);
    },
    async (message) => {
      switch (message.type) {
        case 'update':
          form.options = message.options;
          void applyAppearanceFrom(message);
          // The host keeps the visible error's message (change events, form validity): send it again, translated.
          void applyLocale(message.options.locale).then((changed) => changed && form.reportState());
          break;
        case 'focus':
          form.focusFirst();
          break;
        case 'blur':
          // The form's element stands for the input focused inside its shadow root: blurring it blurs that input.
          (document.activeElement as HTMLElement | null)?.blur();
          break;
        case 'clear':
          form.clear();
          break;
        case 'validate':
          form.validateAll();
          break;
        case 'tokenize': {
          const { requestId, extra } = message;
          const answer = (result: { token: Token } | { error: TokenError }) =>
            channel.send({ type: 'result', requestId, ...result });
          const unknown = Object.keys(extra).find((field) => !form.extraFields.includes(field));
          if (unknown) {
            answer({
              error: {
                type: 'invalid_request_error',
                code: 'parameter_unknown',
                param: unknown,
                message: `tokenize() does not accept "${unknown}".`,
              },
            });
            break;
          }
          const prepared = await form.prepareToken(extra);
          if ('error' in prepared) {
            answer(prepared);
            break;
          }
          const result = await createToken(config.publishableKey, prepared.params);
          answer('error' in result ? { error: localizeTokenError(result.error, form.localize.t) } : result);
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
    } else if (event.key === 'Escape') {
      channel.send({ type: 'escape' });
    }
  });
  window.addEventListener('blur', () => channel.send({ type: 'blur' }));

  /** Shows the best language for `locale`; false when that language was already showing. */
  async function applyLocale(locale: string | undefined, first = false): Promise<boolean> {
    const before = form.localize.locale;
    await form.localize.setLocale(locale);
    if (!first && form.localize.locale === before) return false;
    document.documentElement.lang = form.localize.locale;
    document.documentElement.dir = form.localize.dir;
    document.title = form.documentTitle();
    channel.send({ type: 'texts', title: document.title, incomplete: form.incompleteMessage() });
    return true;
  }

  /** Refused entries (appearance, style, fonts) are the merchant's to fix: the host prints each as a console warning. */
  async function applyAppearanceFrom(message: HostMessage & { type: 'init' | 'update' }): Promise<void> {
    const warn = (text: string) => channel.send({ type: 'warning', message: text });
    // Fonts load in a chunk of their own, which a page without `fonts` never downloads.
    if (message.fonts?.length)
      void import('./fonts').then(({ loadFonts }) => loadFonts(message.fonts!, config.fontOrigins, warn));
    (await applyAppearance(message)).forEach(warn);
  }

  function reportHeight(): void {
    channel.send({ type: 'resize', height: document.body.getBoundingClientRect().height });
  }
}
