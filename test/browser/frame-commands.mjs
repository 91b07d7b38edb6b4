// Commands that let a browser test act as a user inside the cross-origin
// frame (which the test page itself cannot reach), through Playwright.

/** The frame inside the host element matched by `selector`. */
async function frameOf(session, selector) {
  const page = session.browser.getPage(session.id);
  const iframe = await page.waitForSelector(`${selector} iframe`);
  const frame = await iframe.contentFrame();
  if (!frame) throw new Error(`no frame inside ${selector}`);
  return frame;
}

export function frameCommandsPlugin() {
  const recorded = new Map();
  return {
    name: 'frame-commands',
    async executeCommand({ command, payload, session }) {
      switch (command) {
        case 'frame-type': {
          const frame = await frameOf(session, payload.selector);
          await frame.getByLabel(payload.label, { exact: true }).pressSequentially(payload.text);
          return true;
        }
        case 'frame-press': {
          const frame = await frameOf(session, payload.selector);
          await frame.getByLabel(payload.label, { exact: true }).press(payload.key);
          return true;
        }
        case 'frame-errors': {
          // Playwright's CSS locators pierce the frame's shadow roots; innerText would not.
          const frame = await frameOf(session, payload.selector);
          return (await frame.locator('[role=alert]').allInnerTexts()).filter(Boolean);
        }
        case 'frame-click': {
          const frame = await frameOf(session, payload.selector);
          await frame.getByRole('button', { name: payload.name }).click();
          return true;
        }
        case 'frame-texts': {
          const frame = await frameOf(session, payload.selector);
          return (await frame.locator(payload.css).allInnerTexts()).filter(Boolean);
        }
        case 'frame-input': {
          // What the customer sees in one input: its displayed value and how it is shown.
          const input = (await frameOf(session, payload.selector)).getByLabel(payload.label, { exact: true });
          return {
            value: await input.inputValue(),
            type: await input.getAttribute('type'),
            maxlength: await input.getAttribute('maxlength'),
            disabled: await input.isDisabled(),
          };
        }
        case 'frame-document': {
          // The frame document's language, direction and title, as assistive technology reads them.
          const frame = await frameOf(session, payload.selector);
          return frame.evaluate(() => ({
            lang: document.documentElement.lang,
            dir: document.documentElement.dir,
            title: document.title,
          }));
        }
        case 'frame-layout': {
          // Which way one field and its label run, and where the label and the typed text sit in the field.
          const input = (await frameOf(session, payload.selector)).getByLabel(payload.label, { exact: true });
          return input.evaluate((element) => {
            const label = element.getRootNode().querySelector('label');
            const field = element.getBoundingClientRect();
            const text = label.getBoundingClientRect();
            return {
              dir: element.getAttribute('dir'),
              direction: getComputedStyle(element).direction,
              textAlign: getComputedStyle(element).textAlign,
              labelDirection: getComputedStyle(label).direction,
              labelGapLeft: text.left - field.left,
              labelGapRight: field.right - text.right,
            };
          });
        }
        case 'record-requests': {
          const page = session.browser.getPage(session.id);
          const requests = [];
          recorded.set(session.id, requests);
          page.on('request', (request) => requests.push({ method: request.method(), url: request.url() }));
          return true;
        }
        case 'recorded-requests':
          return recorded.get(session.id) ?? [];
        default:
          return undefined;
      }
    },
  };
}
