// Commands that let a browser test act as a user inside the cross-origin
// frame (which the test page itself cannot reach), through Playwright.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, connect } from 'node:net';
import { freePort } from '../../scripts/loopback.mjs';

/** The frame inside the host element matched by `selector`. */
export async function frameOf(session, selector) {
  const page = session.browser.getPage(session.id);
  const iframe = await page.waitForSelector(`${selector} iframe`);
  const frame = await iframe.contentFrame();
  if (!frame) throw new Error(`no frame inside ${selector}`);
  return frame;
}

/** Relays every connection on `port` to `target` (a URL), so a service appears where nothing was. */
function forwardPort(port, target) {
  const { hostname, port: targetPort } = new URL(target);
  return new Promise((resolve, reject) => {
    const sockets = new Set();
    const server = createServer((socket) => {
      const upstream = connect(Number(targetPort), hostname);
      sockets.add(socket).add(upstream);
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    });
    server.on('error', reject);
    // Closing waits for open connections, and the browser keeps them alive: end them too.
    server.listen(port, '127.0.0.1', () =>
      resolve(() => {
        sockets.forEach((socket) => socket.destroy());
        return new Promise((done) => server.close(done));
      }),
    );
  });
}

export function frameCommandsPlugin() {
  const recorded = new Map();
  const forwarders = [];
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
            placeholder: await input.getAttribute('placeholder'),
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
        case 'frame-style': {
          // Computed style of the first element matching `css` inside the frame (shadow roots pierced).
          const frame = await frameOf(session, payload.selector);
          return frame
            .locator(payload.css)
            .first()
            .evaluate((element, { properties, pseudo }) => {
              const style = getComputedStyle(element, pseudo ?? null);
              return Object.fromEntries(properties.map((property) => [property, style.getPropertyValue(property)]));
            }, payload);
        }
        case 'frame-elements': {
          // Where each element matching `css` sits in the frame (shadow roots pierced), and the attributes asked for.
          const frame = await frameOf(session, payload.selector);
          const elements = await frame.locator(payload.css).all();
          return Promise.all(
            elements.map((element) =>
              element.evaluate(
                (node, names) => ({
                  box: node.getBoundingClientRect().toJSON(),
                  attributes: Object.fromEntries(names.map((name) => [name, node.getAttribute(name)])),
                }),
                payload.attributes ?? [],
              ),
            ),
          );
        }
        case 'frame-axe': {
          // axe-core's violations inside the frame (its CSP forbids injected scripts; evaluate is not subject to
          // it), one line each; the rules about a whole page are the host page's (test/e2e/accessibility.spec.ts).
          const frame = await frameOf(session, payload.selector);
          await frame.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
          const { violations } = await frame.evaluate(() =>
            window.axe.run(document, {
              rules: {
                region: { enabled: false },
                'landmark-one-main': { enabled: false },
                'page-has-heading-one': { enabled: false },
              },
            }),
          );
          return violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
        }
        case 'frame-focus': {
          const frame = await frameOf(session, payload.selector);
          await frame.getByLabel(payload.label, { exact: true }).focus();
          return true;
        }
        case 'frame-fonts': {
          // The font faces the frame's document knows, and whether `payload.font` is ready to draw.
          const frame = await frameOf(session, payload.selector);
          return frame.evaluate(async (font) => {
            await document.fonts.ready;
            return {
              faces: [...document.fonts].map((face) => ({ family: face.family, status: face.status })),
              ready: document.fonts.check(font),
            };
          }, payload.font);
        }
        case 'frame-resources': {
          // The file names the frame's document fetched (cache hits included), e.g. a lazy chunk it loaded.
          const frame = await frameOf(session, payload.selector);
          return frame.evaluate(() =>
            performance.getEntriesByType('resource').map((entry) => entry.name.split('/').pop()),
          );
        }
        case 'frame-metrics': {
          // Whether the frame's document fits its viewport: no inner scrollbar, nothing cut off.
          const frame = await frameOf(session, payload.selector);
          return frame.evaluate(() => ({
            scrollHeight: document.documentElement.scrollHeight,
            clientHeight: document.documentElement.clientHeight,
            innerHeight: window.innerHeight,
          }));
        }
        case 'emulate-color-scheme':
          await session.browser.getPage(session.id).emulateMedia({ colorScheme: payload.colorScheme });
          return true;
        case 'free-port':
          return freePort();
        case 'forward-port':
          forwarders.push(await forwardPort(payload.port, payload.target));
          return true;
        case 'stop-forwarding':
          await Promise.all(forwarders.splice(0).map((stop) => stop()));
          return true;
        default:
          return undefined;
      }
    },
  };
}
