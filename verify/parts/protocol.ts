/**
 * Protocol attacks in real Chromium. Pages are served by real loopback
 * servers on two origins — one on the key's allowed list, one not — and the
 * frame comes from a real service. Every attack must be refused, the frame
 * must stay usable afterwards, and no raw card value may leave it.
 */
import { createServer, type Server } from 'node:http';
import { connect, createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error plain ESM helper without types
import { chromiumArgs, ensureChromium } from '../../scripts/chromium.mjs';
import { PROTOCOL_VERSION } from '../../src/protocol/messages';
import { expectEqual, sleep, type PartOptions, type PartResult, type Row } from '../part';
import { startServiceProcess, type ServiceProcess } from '../service-process';

const CARD = '4242424242424242';
const CVC = '987';

/** Progress on stderr, so a slow step shows where it is. */
function step(text: string) {
  console.error(`  protocol: ${text}`);
}

/** A merchant web server answering every path with the page `html(path)`. */
async function startPages(html: (path: string) => string): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(html(request.url ?? '/'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://localhost:${(server.address() as AddressInfo).port}`, server };
}

/** A page with one <tokenframe-card>, recording its events (details as JSON) in window.events. */
function elementPage(service: ServiceProcess, origin = service.url, attributes = ''): string {
  return `<!doctype html><meta charset="utf-8"><title>shop</title>
<script src="${service.url}/v1/tokenframe.js"></script>
<tokenframe-card id="card" origin="${origin}" key="${service.publishableKey}" ${attributes}></tokenframe-card>
<script>
  window.events = [];
  for (const type of ['ready', 'change', 'loaderror'])
    document.getElementById('card').addEventListener(type, (e) => events.push({ type, detail: JSON.stringify(e.detail ?? null) }));
</script>`;
}

/** A page that embeds the frame page itself, with no loader, so the test speaks the protocol by hand. */
function rawPage(service: ServiceProcess): string {
  return `<!doctype html><meta charset="utf-8"><title>raw</title>
<iframe id="frame" src="${service.url}/frame/v1/card.html?key=${service.publishableKey}" style="width:500px;height:400px"></iframe>
<iframe id="sibling" src="/sibling.html"></iframe>
<script>
  window.heard = [];
  window.listen = (label, channel) => { channel.port1.onmessage = (e) => heard.push({ label, data: JSON.stringify(e.data) }); return channel; };
  window.initWith = (label, data) => {
    const channel = listen(label, new MessageChannel());
    document.getElementById('frame').contentWindow.postMessage(data, '*', [channel.port2]);
    return channel;
  };
</script>`;
}

async function heard(page: Page, label: string): Promise<string[]> {
  return page.evaluate(
    (wanted) =>
      (window as unknown as { heard: { label: string; data: string }[] }).heard
        .filter((h) => h.label === wanted)
        .map((h) => h.data),
    label,
  );
}

async function events(page: Page): Promise<{ type: string; detail: string }[]> {
  return page.evaluate(() => (window as unknown as { events: { type: string; detail: string }[] }).events);
}

/** Forged, malformed, oversized and wrong-version messages against a bare frame; then a real init must still work. */
async function forgedMessages(browser: Browser, origin: string, leaks: string[]): Promise<Row[]> {
  const page = await browser.newPage();
  const tokenPosts: string[] = [];
  page.on('request', (request) => {
    leaks.push(`${request.url()} ${request.postData() ?? ''}`);
    if (request.method() === 'POST' && request.url().endsWith('/v1/tokens')) tokenPosts.push(request.url());
  });
  try {
    await page.goto(`${origin}/raw.html`);
    await page.frameLocator('#frame').getByLabel('Card number', { exact: true }).waitFor();
    const sibling = page.frames().find((frame) => frame.url().endsWith('/sibling.html'))!;
    await sibling.evaluate((tf) => {
      const channel = new MessageChannel();
      (parent as unknown as { listen(l: string, c: MessageChannel): void }).listen('sibling', channel);
      parent.frames[0].postMessage({ tf, type: 'init', options: {} }, '*', [channel.port2]);
    }, PROTOCOL_VERSION);
    step('hostile inits');
    // Built in the page, as a hostile script would: an 8 MB message does not travel over the test's own channel.
    const labels = await page.evaluate((tf) => {
      let nested: unknown = 1;
      for (let depth = 0; depth < 2000; depth++) nested = { a: nested };
      const hostile: [string, unknown][] = [
        ['wrong version', { tf: 99, type: 'init', options: {} }],
        ['no version', { type: 'init', options: {} }],
        ['null', null],
        ['a string', 'init'],
        ['an array', [tf, 'init']],
        ['a tokenize before init', { tf, type: 'tokenize', requestId: 'x', extra: {} }],
        ['a deeply nested init', { tf, type: 'init', options: nested }],
      ];
      const w = window as unknown as { initWith(label: string, data: unknown): void };
      for (const [label, data] of hostile) w.initWith(label, data);
      return hostile.map(([label]) => label);
    }, PROTOCOL_VERSION);
    await sleep(1500);
    const answered: string[] = [];
    for (const label of ['sibling', ...labels]) if ((await heard(page, label)).length > 0) answered.push(label);

    step('real init');
    // The real host: init, fill the card, tokenize; a second init afterwards must be ignored.
    await page.evaluate((tf) => {
      const w = window as unknown as { initWith(l: string, d: unknown): MessageChannel; host: MessageChannel };
      w.host = w.initWith('host', { tf, type: 'init', options: {} });
    }, PROTOCOL_VERSION);
    const frame = page.frameLocator('#frame');
    await frame.getByLabel('Card number', { exact: true }).pressSequentially(CARD);
    await frame
      .getByLabel('Expiration', { exact: true })
      .pressSequentially(`12${(new Date().getFullYear() + 2) % 100}`);
    await frame.getByLabel('CVC', { exact: true }).pressSequentially(CVC);
    await frame.getByLabel('Postal code', { exact: true }).pressSequentially('94107');
    await page.evaluate((tf) => {
      const w = window as unknown as { initWith(l: string, d: unknown): MessageChannel; host: MessageChannel };
      const late = w.initWith('late init', { tf, type: 'init', options: {} });
      late.port1.postMessage({ tf, type: 'tokenize', requestId: 'stolen', extra: {} });
      w.host.port1.postMessage({ tf, type: 'tokenize', requestId: 'real', extra: {} });
    }, PROTOCOL_VERSION);
    const deadline = Date.now() + 20_000;
    while (!(await heard(page, 'host')).some((m) => m.includes('"result"')) && Date.now() < deadline) await sleep(200);
    const host = await heard(page, 'host');
    leaks.push(...host, ...(await heard(page, 'late init')));
    const result = host.find((m) => m.includes('"result"')) ?? '';
    // The same tokenize again, as a replay of the real host's message: no second token may be made.
    const posts = () => tokenPosts.length;
    const before = posts();
    await page.evaluate((tf) => {
      const w = window as unknown as { host: MessageChannel };
      w.host.port1.postMessage({ tf, type: 'tokenize', requestId: 'real', extra: {} });
    }, PROTOCOL_VERSION);
    await sleep(3000);
    return [
      expectEqual(
        'forged or malformed inits answered (sibling frame, wrong version, null, nested, …)',
        answered.length ? answered.join(', ') : 0,
        0,
      ),
      expectEqual('a second init after the real one answered', (await heard(page, 'late init')).length, 0),
      expectEqual('the frame still tokenizes for the real host', /"id":"tok_/.test(result) ? 'yes' : 'no', 'yes'),
      expectEqual('a replayed tokenize (same requestId): tokens requested', posts() - before, 0),
    ];
  } finally {
    await page.close();
  }
}

/** An 8 MB init from the allowed parent, on a fresh frame: refused as too big, and a valid init after it works. */
async function oversizedInit(browser: Browser, origin: string): Promise<Row[]> {
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}/raw.html`);
    await page.frameLocator('#frame').getByLabel('Card number', { exact: true }).waitFor();
    await page.evaluate((tf) => {
      const w = window as unknown as { initWith(label: string, data: unknown): void };
      w.initWith('oversized', { tf, type: 'init', options: { locale: 'x'.repeat(8 * 1024 * 1024) } });
    }, PROTOCOL_VERSION);
    await sleep(3000);
    const answered = (await heard(page, 'oversized')).length > 0;
    await page.evaluate((tf) => {
      const w = window as unknown as { initWith(label: string, data: unknown): void };
      w.initWith('valid', { tf, type: 'init', options: { locale: 'fr' } });
    }, PROTOCOL_VERSION);
    const deadline = Date.now() + 20_000;
    while (!(await heard(page, 'valid')).some((m) => m.includes('"ready"')) && Date.now() < deadline) await sleep(200);
    const ready = (await heard(page, 'valid')).some((m) => m.includes('"ready"'));
    return [
      expectEqual('an oversized init (8 MB locale) refused', answered ? 'no' : 'yes', 'yes'),
      expectEqual('… and a valid init after it answered ready', ready ? 'yes' : 'no', 'yes'),
    ];
  } finally {
    await page.close();
  }
}

/** A TCP relay to `target` that holds each answer back by `delayMs` while `slow` is set: a service under strain. */
async function startSlowProxy(
  target: string,
): Promise<{ origin: string; server: TcpServer; slow: { delayMs: number } }> {
  const { hostname, port } = new URL(target);
  const slow = { delayMs: 0 };
  const server = createTcpServer((client) => {
    const upstream = connect(Number(port), hostname);
    const later = (action: () => void) => (slow.delayMs ? setTimeout(action, slow.delayMs) : action());
    client.pipe(upstream);
    upstream.on('data', (chunk) => later(() => client.write(chunk)));
    upstream.on('end', () => later(() => client.end()));
    for (const socket of [client, upstream]) socket.on('error', () => (client.destroy(), upstream.destroy()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, slow };
}

/** Fills the card in the element's frame as a customer would. */
async function fillCard(page: Page) {
  const frame = page.frameLocator('tokenframe-card iframe');
  await frame.getByLabel('Card number', { exact: true }).pressSequentially(CARD);
  await frame.getByLabel('Expiration', { exact: true }).pressSequentially(`12${(new Date().getFullYear() + 2) % 100}`);
  await frame.getByLabel('CVC', { exact: true }).pressSequentially(CVC);
  await frame.getByLabel('Postal code', { exact: true }).pressSequentially('94107');
}

/** `tokenframe.createToken(card)` on the page, as JSON. */
function createToken(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const { createToken } = (window as unknown as { tokenframe: { createToken(e: Element): Promise<unknown> } })
      .tokenframe;
    return JSON.stringify(await createToken(document.getElementById('card')!));
  });
}

const ready = (page: Page) =>
  page.waitForFunction(
    () => (window as unknown as { events: { type: string }[] }).events.some((e) => e.type === 'ready'),
    null,
    { timeout: 30_000 },
  );

/**
 * The merchant page navigates the frame away once the card is typed in: the typed values go with the old
 * document, nothing of them reaches the page the frame now shows, and the element reports the frame lost
 * (createToken's error, a Retry button) rather than waiting out its timeout.
 */
async function navigatedFrame(browser: Browser, origin: string, leaks: string[]): Promise<Row[]> {
  const page = await browser.newPage();
  page.on('request', (request) => leaks.push(`${request.url()} ${request.postData() ?? ''}`));
  try {
    await page.goto(origin);
    await ready(page);
    await fillCard(page);
    await page.evaluate(() => {
      document.querySelector('tokenframe-card')!.shadowRoot!.querySelector('iframe')!.src = '/sibling.html';
    });
    // The element notices the second load (the frame's new document) and shows its Retry button.
    await page.locator('tokenframe-card [role=alert] button').waitFor({ timeout: 15_000 });
    const result = await createToken(page);
    leaks.push(result, ...(await events(page)).map((event) => event.detail));
    const retry = await page.locator('tokenframe-card [role=alert] button').count();
    return [
      expectEqual(
        'host navigated the frame away: createToken error code',
        /"code":"(\w+)"/.exec(result)?.[1] ?? result.slice(0, 40),
        'frame_unavailable',
      ),
      expectEqual('host navigated the frame away: a Retry button is shown', retry, 1),
    ];
  } finally {
    await page.close();
  }
}

/**
 * A service that answers only after the element's load timeout: the element shows its retry state, createToken
 * answers a clear error, and once the service is quick again Retry brings the frame back.
 */
async function slowService(browser: Browser, origin: string, slow: { delayMs: number }): Promise<Row[]> {
  const page = await browser.newPage();
  try {
    slow.delayMs = 6000;
    await page.goto(`${origin}/slow`);
    await page.waitForFunction(
      () => (window as unknown as { events: { type: string }[] }).events.some((e) => e.type === 'loaderror'),
      null,
      { timeout: 30_000 },
    );
    const result = await createToken(page);
    const retry = page.locator('tokenframe-card [role=alert] button');
    const shown = await retry.count();
    slow.delayMs = 0;
    // The late answers arrive meanwhile: the element must not half-recover on its own; Retry starts afresh.
    await sleep(7000);
    await retry.click();
    await ready(page);
    await fillCard(page);
    const after = await createToken(page);
    return [
      expectEqual(
        'slow service: createToken error code',
        /"code":"(\w+)"/.exec(result)?.[1] ?? 'none',
        'frame_unavailable',
      ),
      expectEqual('slow service: a Retry button is shown', shown, 1),
      expectEqual('slow service back to speed: Retry, then a token', /"id":"tok_/.test(after) ? 'yes' : 'no', 'yes'),
    ];
  } finally {
    await page.close();
  }
}

export async function run({ workDir }: PartOptions): Promise<PartResult> {
  const rows: Row[] = [];
  // The allowed page origin is only known once its server listens; the service learns it at start.
  let allowedHtml: (path: string) => string = () => '';
  const allowed = await startPages((path) => allowedHtml(path));
  let foreignHtml = '';
  const foreign = await startPages(() => foreignHtml);
  const service = await startServiceProcess({
    dataDir: join(workDir, 'data'),
    logFile: join(workDir, 'service.log'),
    args: ['--allowed-origin', allowed.origin],
  });
  const proxy = await startSlowProxy(service.url);
  allowedHtml = (path) =>
    path.startsWith('/raw.html')
      ? rawPage(service)
      : path.startsWith('/sibling.html')
        ? '<!doctype html><p>sibling'
        : path.startsWith('/slow')
          ? elementPage(service, proxy.origin, 'load-timeout="3000"')
          : elementPage(service);
  foreignHtml = elementPage(service);
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: chromiumArgs });
  const leaks: string[] = [];
  try {
    // An embedder not on the key's origins: CSP frame-ancestors blocks the page; without CSP, init is refused.
    for (const bypassCSP of [false, true]) {
      step(`foreign embedder, bypassCSP ${bypassCSP}`);
      const context = await browser.newContext({ bypassCSP });
      const page = await context.newPage();
      await page.goto(foreign.origin);
      await sleep(6000);
      const ready = (await events(page)).some((event) => event.type === 'ready');
      rows.push(
        expectEqual(`foreign embedder${bypassCSP ? ', CSP bypassed' : ''}: frame ready`, ready ? 'yes' : 'no', 'no'),
      );
      await context.close();
    }

    step('forged messages');
    rows.push(...(await forgedMessages(browser, allowed.origin, leaks)));
    rows.push(...(await oversizedInit(browser, allowed.origin)));
    step('hostile appearance');

    // A hostile appearance, a host that resizes the frame, then a real tokenize through the element.
    const page = await browser.newPage();
    page.on('request', (request) => leaks.push(`${request.url()} ${request.postData() ?? ''}`));
    const warnings: string[] = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await page.goto(allowed.origin);
    await page.waitForFunction(() =>
      (window as unknown as { events: { type: string }[] }).events.some((e) => e.type === 'ready'),
    );
    const frame = page.frameLocator('tokenframe-card iframe');
    const look = () =>
      frame
        .locator('.Input')
        .first()
        .evaluate((e) => {
          const s = getComputedStyle(e);
          return `${s.paddingLeft} ${s.paddingTop} ${s.color} ${s.backgroundImage}`;
        });
    const before = await look();
    await page.evaluate(() => {
      (document.getElementById('card') as unknown as { appearance: unknown }).appearance = {
        rules: {
          '.Input': {
            paddingLeft: 'var(--tf-x,attr(maxlength px))',
            paddingTop: 'calc(attr(value))',
            color: 'var(--tf-x,url(//attacker.example/c))',
            boxShadow: 'rgb(0,0,0)image-set(//attacker.example/s)',
          },
        },
      };
      document.querySelector('tokenframe-card')!.shadowRoot!.querySelector('iframe')!.style.height = '40px';
    });
    await sleep(1500);
    rows.push(
      expectEqual(
        'hostile appearance: entries refused with a warning',
        warnings.filter((w) => w.startsWith('tokenframe: appearance')).length,
        4,
      ),
    );
    rows.push(expectEqual('hostile appearance: the look changed', (await look()) === before ? 'no' : 'yes', 'no'));
    await frame.getByLabel('Card number', { exact: true }).pressSequentially(CARD);
    await frame
      .getByLabel('Expiration', { exact: true })
      .pressSequentially(`12${(new Date().getFullYear() + 2) % 100}`);
    await frame.getByLabel('CVC', { exact: true }).pressSequentially(CVC);
    await frame.getByLabel('Postal code', { exact: true }).pressSequentially('94107');
    const result = await page.evaluate(async () =>
      JSON.stringify(await (document.getElementById('card') as unknown as { tokenize(): Promise<unknown> }).tokenize()),
    );
    leaks.push(result, ...(await events(page)).map((event) => event.detail));
    rows.push(expectEqual('after all that, the element tokenizes', /"id":"tok_/.test(result) ? 'yes' : 'no', 'yes'));
    await page.close();

    step('host navigates the frame');
    rows.push(...(await navigatedFrame(browser, allowed.origin, leaks)));
    step('slow service');
    rows.push(...(await slowService(browser, allowed.origin, proxy.slow)));

    step('dead service');
    // A dead service: the host gets a clear error and shows its retry state.
    const dead = await startPages(() => '');
    const deadOrigin = `http://127.0.0.1:${(dead.server.address() as AddressInfo).port}`;
    await new Promise((resolve) => dead.server.close(resolve));
    allowedHtml = () => elementPage(service, deadOrigin);
    const deadPage = await browser.newPage();
    await deadPage.goto(allowed.origin);
    await deadPage.waitForFunction(
      () => (window as unknown as { events: { type: string }[] }).events.some((e) => e.type === 'loaderror'),
      null,
      { timeout: 30_000 },
    );
    const error = (await events(deadPage)).find((event) => event.type === 'loaderror')?.detail ?? '';
    rows.push(
      expectEqual(
        'dead service: the host error code',
        /"code":"(\w+)"/.exec(error)?.[1] ?? 'none',
        'frame_unavailable',
      ),
    );
    const retry = await deadPage.locator('tokenframe-card [role=alert] button').count();
    rows.push(expectEqual('dead service: a Retry button is shown', retry, 1));
    await deadPage.close();

    const leaked = leaks.filter((text) => text.includes(CARD) && !text.includes('/v1/tokens')).length;
    rows.push(expectEqual('messages, events and page requests holding the card number', leaked, 0));
    rows.push(
      expectEqual(
        '… or the CVC',
        leaks.filter((text) => /"cvc":"987"|cvc%5D=987/.test(text) && !text.includes('/v1/tokens')).length,
        0,
      ),
    );
  } finally {
    await browser.close();
    await service.stop();
    for (const { server } of [allowed, foreign, proxy]) await new Promise((resolve) => server.close(resolve));
  }
  return { part: 'protocol', rows };
}
