// Commands that put text into a field of the cross-origin frame the ways a
// customer does other than typing: a paste from the clipboard, and a browser's
// or password manager's autofill. Also reads where the caret is.
import { frameOf } from './frame-commands.mjs';

/** The input labelled `label` in the frame of `selector`. */
async function inputOf(session, { selector, label }) {
  return (await frameOf(session, selector)).getByLabel(label, { exact: true });
}

export function inputCommandsPlugin() {
  return {
    name: 'input-commands',
    async executeCommand({ command, payload, session }) {
      switch (command) {
        case 'frame-paste': {
          // A real paste: the text goes on the clipboard, then Ctrl+V into the focused field (replacing its content).
          const page = session.browser.getPage(session.id);
          const input = await inputOf(session, payload);
          // The frame may not touch the clipboard (no permissions policy for it): the test page writes it.
          await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
          await page.bringToFront();
          await page.evaluate((text) => navigator.clipboard.writeText(text), payload.text);
          await input.focus();
          await input.press('ControlOrMeta+A');
          await input.press('ControlOrMeta+V');
          return true;
        }
        case 'frame-autofill': {
          // As Chrome's autofill and password managers fill a field: the whole value set at once, then `input`.
          const input = await inputOf(session, payload);
          await input.evaluate((element, text) => {
            element.value = text;
            element.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
          }, payload.text);
          return true;
        }
        case 'frame-caret': {
          // Puts the caret at `at` when given; answers the field's value and where the caret is.
          const input = await inputOf(session, payload);
          return input.evaluate((element, at) => {
            if (typeof at === 'number') {
              element.focus();
              element.setSelectionRange(at, at);
            }
            return { value: element.value, caret: element.selectionStart, readonly: element.readOnly };
          }, payload.at);
        }
        default:
          return undefined;
      }
    },
  };
}
