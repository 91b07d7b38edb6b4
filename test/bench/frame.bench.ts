// Benchmark: what a <tokenframe-card> costs over the cheapest thing it could
// be, each figure measured beside its baseline in one Chromium session:
//
//   ready (cold, warm)  append → `ready`, vs. an empty cross-origin <iframe> append → `load`;
//                       cold runs start from an empty browser cache, warm runs from a full one.
//   tokenize            el.tokenize() on a filled card, vs. the same POST /v1/tokens
//                       fetched from inside the frame (same origin, same body, same headers).
//   keystroke p95       a key typed into the card number → the host's `change` event, vs. a
//                       key typed into a plain cross-origin <iframe> <input> → its `input` event.
//
// Variants alternate run by run (the order flips every iteration). Keystroke
// times are event timestamps on the pages' clocks (performance.timeOrigin +
// timeStamp), never Node's. Nothing here asserts on time.
// Run: `node --import tsx test/bench/frame.bench.ts [--json rows.json]`, or `npm run bench` for all.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type CDPSession, type Frame, type Page } from 'playwright-core';
// @ts-expect-error plain ESM helper without types
import { chromiumArgs, ensureChromium } from '../../scripts/chromium.mjs';
import { startTestService, type TestService } from '../server/helpers';
import { ceilingGoal, overheadGoal, percentile, ratioGoal, reportRows, type BenchRow } from './bench-rows';

const WARMUPS = 3;
const RUNS = 20;
const KEYSTROKES = 60;
/** The whole run is bounded: past this, something hangs, and we stop. */
const WATCHDOG_MS = 300_000;

const nextYear = String((new Date().getFullYear() + 1) % 100).padStart(2, '0');
const name = 'Bench Mark';

/** In-page helpers, kept as plain JS so no transpiler helper (e.g. esbuild's __name) leaks into the page. */
function hostPage(serviceUrl: string, publishableKey: string, baselineUrl: string): string {
  const env = JSON.stringify({ serviceUrl, publishableKey, baselineUrl }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>tokenframe bench</title>
<script src="${serviceUrl}/v1/tokenframe.js"></script>
</head>
<body>
<div id="slot" style="width:400px"></div>
<script>
(() => {
  const env = ${env};
  const slot = document.getElementById('slot');
  let current = null;
  let nextChange = null;
  const removeCurrent = () => {
    if (current) current.remove();
    current = null;
  };
  window.bench = {
    ours: (id) => {
      removeCurrent();
      return new Promise((resolve, reject) => {
        const t0 = performance.now();
        const el = document.createElement('tokenframe-card');
        el.id = id;
        el.setAttribute('origin', env.serviceUrl);
        el.setAttribute('key', env.publishableKey);
        el.setAttribute('load-timeout', '20000');
        el.addEventListener('ready', () => resolve(performance.now() - t0), { once: true });
        el.addEventListener('loaderror', (e) => reject(new Error(e.detail.error.message)), { once: true });
        slot.append(el);
        current = el;
      });
    },
    baseline: (id, page) => {
      removeCurrent();
      return new Promise((resolve, reject) => {
        const t0 = performance.now();
        const frame = document.createElement('iframe');
        frame.id = id;
        frame.title = 'baseline';
        frame.style.cssText = 'border:0;width:100%;display:block;height:44px';
        frame.src = env.baselineUrl + '/' + (page || 'empty') + '.html';
        frame.addEventListener('load', () => resolve(performance.now() - t0), { once: true });
        frame.addEventListener('error', () => reject(new Error('baseline iframe failed')), { once: true });
        slot.append(frame);
        current = frame;
      });
    },
    removeCurrent,
    tokenize: async () => {
      const t0 = performance.now();
      const result = await current.tokenize({ name: ${JSON.stringify(name)} });
      const ms = performance.now() - t0;
      if (result.error) throw new Error('tokenize failed: ' + JSON.stringify(result.error));
      return ms;
    },
    // The page's clock when the next 'change' arrives, for the keystroke figure.
    armChange: () => {
      nextChange = new Promise((resolve) =>
        current.addEventListener('change', () => resolve(performance.timeOrigin + performance.now()), { once: true }),
      );
    },
    nextChange: () => nextChange,
  };
})();
</script>
</body>
</html>`;
}

/** The baseline's input page: records each keystroke's and each input event's time on its own clock. */
const inputPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>input</title></head>
<body style="margin:0"><input aria-label="plain" style="width:90%;font:16px system-ui">
<script>
window.keys = [];
window.inputs = [];
addEventListener('keydown', (e) => keys.push(performance.timeOrigin + e.timeStamp), true);
document.querySelector('input').addEventListener('input', () => inputs.push(performance.timeOrigin + performance.now()));
</script></body></html>`;

interface BenchApi {
  ours(id: string): Promise<number>;
  baseline(id: string, page?: string): Promise<number>;
  removeCurrent(): void;
  tokenize(): Promise<number>;
  armChange(): void;
  nextChange(): Promise<number>;
}

type BenchWindow = Window & { bench: BenchApi };
type FrameWindow = Window & { keys: number[]; inputs: number[] };

async function listen(handler: RequestListener, host: string): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}

async function closeServer(server: Server | undefined): Promise<void> {
  if (!server?.listening) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

interface Pair {
  ours: number[];
  baseline: number[];
}

/** Warm-ups, then `runs` of each, alternating and flipping the order every iteration. */
async function alternate(
  runOurs: (i: number) => Promise<number>,
  runBaseline: (i: number) => Promise<number>,
  runs = RUNS,
): Promise<Pair> {
  const pair: Pair = { ours: [], baseline: [] };
  for (let i = 0; i < WARMUPS; i++) {
    await runOurs(-1 - i);
    await runBaseline(-1 - i);
  }
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      pair.ours.push(await runOurs(i));
      pair.baseline.push(await runBaseline(i));
    } else {
      pair.baseline.push(await runBaseline(i));
      pair.ours.push(await runOurs(i));
    }
  }
  return pair;
}

function bench(page: Page) {
  const call = <T>(fn: (api: BenchApi, arg: string) => T | Promise<T>, arg = '') =>
    page.evaluate(
      ([source, value]) => {
        const api = (window as unknown as BenchWindow).bench;
        return (new Function('api', 'arg', `return (${source})(api, arg)`) as typeof fn)(api, value);
      },
      [fn.toString(), arg] as const,
    );
  return { call };
}

/** The frame the element or baseline iframe with this id holds. */
async function frameOf(page: Page, id: string): Promise<Frame> {
  const handle = await page.$(id.startsWith('card') ? `#${id} >> iframe` : `#${id}`);
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`no frame in #${id}`);
  return frame;
}

const median = (sample: number[]) => percentile(sample, 50);

async function measureReady(page: Page, cdp: CDPSession, cold: boolean): Promise<Pair> {
  const { call } = bench(page);
  const clear = async () => {
    if (cold) await cdp.send('Network.clearBrowserCache');
  };
  return alternate(
    async (i) => {
      await clear();
      return call((api, id) => api.ours(id), `card-${cold}-${i}`);
    },
    async (i) => {
      await clear();
      return call((api, id) => api.baseline(id), `empty-${cold}-${i}`);
    },
  );
}

async function measureTokenize(page: Page, publishableKey: string): Promise<Pair> {
  const { call } = bench(page);
  await call((api, id) => api.ours(id), 'card-tokenize');
  const field = (label: string) => page.frameLocator('#card-tokenize iframe').getByLabel(label, { exact: true });
  await field('Card number').pressSequentially('4242424242424242');
  await field('Expiration').pressSequentially(`12${nextYear}`);
  await field('CVC').pressSequentially('123');
  await field('Postal code').pressSequentially('94107');
  const frame = await frameOf(page, 'card-tokenize');
  // What the frame itself posts for this card: the bare fetch sends exactly this.
  const body = new URLSearchParams({
    'card[name]': name,
    'card[number]': '4242424242424242',
    'card[exp_month]': '12',
    'card[exp_year]': `20${nextYear}`,
    'card[cvc]': '123',
    'card[address_zip]': '94107',
  }).toString();
  const bareFetch = () =>
    frame.evaluate(
      async ([key, form]) => {
        const t0 = performance.now();
        const response = await fetch('/v1/tokens', {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${key}`,
            'Content-Type': 'application/x-www-form-urlencoded',
            'Idempotency-Key': crypto.randomUUID(),
          },
          body: form,
          credentials: 'omit',
          cache: 'no-store',
        });
        const token = (await response.json()) as { id?: string };
        if (!response.ok || !token.id) throw new Error(`bare fetch answered ${response.status}`);
        return performance.now() - t0;
      },
      [publishableKey, body] as const,
    );
  return alternate(
    () => call((api) => api.tokenize()),
    () => bareFetch(),
  );
}

/** Keys typed into a field: a digit, then Backspace, so every key is an edit and the field never fills up. */
const keyAt = (i: number) => (i % 2 === 0 ? String((i / 2) % 10) : 'Backspace');

async function measureKeystrokes(page: Page): Promise<Pair> {
  const { call } = bench(page);
  const ours: number[] = [];
  await call((api, id) => api.ours(id), 'card-keys');
  const card = await frameOf(page, 'card-keys');
  await card.evaluate(() => {
    const w = window as unknown as FrameWindow;
    w.keys = [];
    addEventListener('keydown', (e) => w.keys.push(performance.timeOrigin + e.timeStamp), true);
  });
  await card.getByLabel('Card number', { exact: true }).focus();
  for (let i = 0; i < WARMUPS + KEYSTROKES; i++) {
    await call((api) => api.armChange());
    await page.keyboard.press(keyAt(i));
    const changed = await call((api) => api.nextChange());
    const typed = await card.evaluate(() => (window as unknown as FrameWindow).keys.at(-1)!);
    if (i >= WARMUPS) ours.push(changed - typed);
  }

  await call((api, id) => api.baseline(id, 'input'), 'plain-keys');
  const plain = await frameOf(page, 'plain-keys');
  await plain.getByLabel('plain').focus();
  const baseline: number[] = [];
  for (let i = 0; i < WARMUPS + KEYSTROKES; i++) {
    await page.keyboard.press(keyAt(i));
    await plain.waitForFunction((n) => (window as unknown as FrameWindow).inputs.length > n, i);
    const [typed, input] = await plain.evaluate((n) => {
      const w = window as unknown as FrameWindow;
      return [w.keys[n], w.inputs[n]];
    }, i);
    if (i >= WARMUPS) baseline.push(input - typed);
  }
  await call((api) => api.removeCurrent());
  return { ours, baseline };
}

async function main(): Promise<BenchRow[]> {
  let baselineServer: Server | undefined;
  let hostServer: Server | undefined;
  let service: TestService | undefined;
  let browser: Browser | undefined;
  try {
    // Baselines: a second origin on the same loopback as the service, never cached (like the frame page).
    const baseline = await listen((request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(
        request.url === '/input.html'
          ? inputPage
          : '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>empty</title></head></html>',
      );
    }, '127.0.0.1');
    baselineServer = baseline.server;

    // The host page comes from a real server on localhost (not setContent or a
    // fulfilled route), so Debian Chromium's Local Network Access checks see a
    // loopback page framing and fetching loopback origins, as in the tests.
    let pageHtml = '';
    const host = await listen((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(pageHtml);
    }, 'localhost');
    hostServer = host.server;
    const hostOrigin = `http://localhost:${host.port}`;

    // Rate limits off: the bench posts far more tokens a minute than a customer would.
    service = await startTestService({
      allowedOrigins: [hostOrigin],
      rateLimits: { perKeyPerMinute: 1e9, perIpPerMinute: 1e9 },
    });
    pageHtml = hostPage(service.url, service.publishableKey, `http://127.0.0.1:${baseline.port}`);

    browser = await chromium.launch({ executablePath: ensureChromium(), args: chromiumArgs });
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${hostOrigin}/`);
    await page.evaluate(() => customElements.whenDefined('tokenframe-card'));
    const cdp = await page.context().newCDPSession(page);

    const cold = await measureReady(page, cdp, true);
    const warm = await measureReady(page, cdp, false);
    const tokenize = await measureTokenize(page, service.publishableKey);
    const keys = await measureKeystrokes(page);
    console.log(`Chromium ${browser.version()}, Node ${process.version}, ${RUNS} runs a variant, ${KEYSTROKES} keys`);
    return [
      ratioGoal('mount → ready, cold cache (median)', median(cold.ours), median(cold.baseline), 'ms', 1.3),
      ratioGoal('mount → ready, warm cache (median)', median(warm.ours), median(warm.baseline), 'ms', 1.3),
      overheadGoal('tokenize() vs bare fetch (median)', median(tokenize.ours), median(tokenize.baseline), 'ms', 3),
      ceilingGoal('keystroke → change (p95)', percentile(keys.ours, 95), percentile(keys.baseline, 95), 'ms', 8),
    ];
  } finally {
    await browser?.close();
    await closeServer(hostServer);
    await closeServer(baselineServer);
    await service?.close();
  }
}

const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MS / 1000} s; giving up.`);
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

try {
  reportRows(await main());
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
}
