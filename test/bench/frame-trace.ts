// Where a card frame's mount → `ready` goes, for docs/startup.md: the bench
// (frame.bench.ts) says how long, this says where.
//
//   default      milestones of each mount, on the host page's clock, ms after the host appends the element:
//                the frame's navigation, its HTML and each file (Navigation and Resource Timing read inside
//                the frame), `hello` and `ready` as the host hears them; medians of --runs mounts (cold, warm),
//                an empty cross-origin <iframe> mounted beside each for comparison.
//   --trace DIR  one Chromium trace (every process) of a cold and a warm mount of ours and of the empty
//                iframe, written to DIR (open them in DevTools' Performance panel or ui.perfetto.dev), and
//                the frame's main-thread tasks of each: wall and CPU time, and what ran in them.
//
// Nothing here asserts on time. Run: `node --import tsx test/bench/frame-trace.ts [--runs 9] [--trace DIR]`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
// @ts-expect-error plain ESM helper without types
import { chromiumArgs, ensureChromium } from '../../scripts/chromium.mjs';
import { startTestService } from '../server/helpers';

const WARMUPS = 3;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { beginData?: { url?: string } };
}

/** The frame's own timing, in absolute ms (performance.timeOrigin + …), read after `ready`. */
interface FrameTiming {
  origin: number;
  requestStart: number;
  responseEnd: number;
  domInteractive: number;
  domContentLoaded: number;
  load: number;
  resources: [name: string, start: number, end: number][];
}

const option = (flag: string) => {
  const at = process.argv.indexOf(flag);
  return at > 0 ? process.argv[at + 1] : undefined;
};

/** The host page: `mount(kind)` appends ours or the empty iframe and resolves with [appended, ready, hello] (absolute ms). */
function hostPage(serviceUrl: string, publishableKey: string, baselineUrl: string): string {
  const env = JSON.stringify({ serviceUrl, publishableKey, baselineUrl }).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frame trace</title>
<script src="${serviceUrl}/v1/tokenframe.js"></script></head><body><div id="slot" style="width:400px"></div>
<script>
(() => {
  const env = ${env};
  const now = () => performance.timeOrigin + performance.now();
  let current = null;
  let hello = 0;
  addEventListener('message', (event) => {
    if (event.origin === env.serviceUrl && event.data && event.data.type === 'hello' && !hello) hello = now();
  });
  window.mount = (kind) => new Promise((resolve, reject) => {
    if (current) current.remove();
    hello = 0;
    const done = () => { performance.mark('tf-ready'); resolve([t0, now(), hello]); };
    let el;
    if (kind === 'ours') {
      el = document.createElement('tokenframe-card');
      el.setAttribute('origin', env.serviceUrl);
      el.setAttribute('key', env.publishableKey);
      el.addEventListener('ready', done, { once: true });
      el.addEventListener('loaderror', (e) => reject(new Error(e.detail.error.message)), { once: true });
    } else {
      el = document.createElement('iframe');
      el.style.cssText = 'border:0;width:100%;display:block;height:44px';
      el.src = env.baselineUrl + '/empty.html';
      el.addEventListener('load', done, { once: true });
    }
    performance.mark('tf-mount');
    const t0 = now();
    document.getElementById('slot').append(el);
    current = el;
  });
})();
</script></body></html>`;
}

/** Read inside the frame; a string, so no transpiler helper leaks into the page. */
const readFrameTiming = `(() => {
  const at = (value) => performance.timeOrigin + value;
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    origin: performance.timeOrigin,
    requestStart: at(nav.requestStart),
    responseEnd: at(nav.responseEnd),
    domInteractive: at(nav.domInteractive),
    domContentLoaded: at(nav.domContentLoadedEventEnd),
    load: at(nav.loadEventEnd),
    resources: performance.getEntriesByType('resource').map((entry) => [
      entry.name.split('/').pop().replace(/-[\\w-]{8}\\./, '.'),
      at(entry.startTime),
      at(entry.responseEnd),
    ]),
  };
})()`;

async function listen(body: () => string, host: string): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(body());
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, url: `http://${host}:${(server.address() as AddressInfo).port}` };
}

const median = (sample: number[]) => [...sample].sort((a, b) => a - b)[Math.floor(sample.length / 2)];

async function milestones(page: Page, cdp: CDPSession, runs: number): Promise<void> {
  const mount = (kind: string) =>
    page.evaluate((k) => (window as unknown as { mount(k: string): Promise<number[]> }).mount(k), kind);
  const rows = new Map<string, number[]>();
  const add = (label: string, ms: number) => rows.set(label, [...(rows.get(label) ?? []), ms]);
  for (const cold of [true, false]) {
    const cache = cold ? 'cold' : 'warm';
    for (let run = 0; run < runs; run++) {
      if (cold) await cdp.send('Network.clearBrowserCache');
      const [t0, ready, hello] = await mount('ours');
      const frame = page.frames().find((f) => f.url().includes('/frame/v1/'))!;
      const timing = (await frame.evaluate(readFrameTiming)) as FrameTiming;
      add(`${cache}  frame navigation starts`, timing.origin - t0);
      add(`${cache}  HTML requested`, timing.requestStart - t0);
      add(`${cache}  HTML received`, timing.responseEnd - t0);
      for (const [name, start, end] of timing.resources) {
        add(`${cache}  ${name} requested`, start - t0);
        add(`${cache}  ${name} received`, end - t0);
      }
      add(`${cache}  HTML parsed (domInteractive)`, timing.domInteractive - t0);
      add(`${cache}  DOMContentLoaded done`, timing.domContentLoaded - t0);
      add(`${cache}  hello heard by the host`, hello - t0);
      add(`${cache}  load done`, timing.load - t0);
      add(`${cache}  ready heard by the host`, ready - t0);
      if (cold) await cdp.send('Network.clearBrowserCache');
      const [b0, loaded] = await mount('baseline');
      add(`${cache}  empty iframe: load heard by the host`, loaded - b0);
    }
  }
  const sorted = [...rows].map(([label, sample]) => [label, median(sample)] as const);
  sorted.sort((a, b) => a[0].slice(0, 4).localeCompare(b[0].slice(0, 4)) || a[1] - b[1]);
  console.log(`medians of ${runs} mounts, ms after the host appends the element`);
  for (const [label, ms] of sorted) console.log(`${ms.toFixed(1).padStart(7)}  ${label}`);
}

async function traced(browserCdp: CDPSession, action: () => Promise<unknown>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: object[] }) => events.push(...(value as TraceEvent[]));
  browserCdp.on('Tracing.dataCollected', collect);
  await browserCdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: [
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
        'loading',
        'navigation',
        'v8.execute',
        'blink',
      ],
    },
  });
  await action();
  const complete = new Promise<void>((resolve) => browserCdp.once('Tracing.tracingComplete', () => resolve()));
  await browserCdp.send('Tracing.end');
  await complete;
  browserCdp.off('Tracing.dataCollected', collect);
  return events;
}

/** The frame renderer's main-thread tasks between append and ready: when, how long (wall, CPU), and what. */
function frameTasks(events: TraceEvent[], documentPath: string): string[] {
  const mark = (name: string) => events.find((event) => event.name === name && event.ph !== 'X')!.ts;
  const [start, end] = [mark('tf-mount'), mark('tf-ready')];
  const ms = (us: number) => (us / 1000).toFixed(1).padStart(6);
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url?.includes(documentPath));
  if (!parse) return ['  (no frame document in the trace)'];
  const main = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X');
  const tasks = main.filter((e) => e.name === 'RunTask' && e.ts >= start && e.ts <= end && (e.dur ?? 0) >= 500);
  const lines = tasks.map((task) => {
    const inside = main.filter(
      (e) =>
        e !== task &&
        e.ts >= task.ts &&
        e.ts < task.ts + task.dur! &&
        e.dur! > task.dur! / 4 &&
        !/RunTask|mojo/.test(e.name),
    );
    const what = [...new Set(inside.map((e) => e.name))].slice(0, 3).join(' > ');
    return `  at ${ms(task.ts - start)}  wall ${ms(task.dur!)}  cpu ${ms(task.tdur ?? 0)}  ${what}`;
  });
  const cpu = tasks.reduce((sum, task) => sum + (task.tdur ?? 0), 0);
  return [...lines, `  ready at ${ms(end - start)} ms; frame main thread CPU in tasks ≥ 0.5 ms: ${ms(cpu)} ms`];
}

async function traces(page: Page, cdp: CDPSession, browserCdp: CDPSession, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const mount = (kind: string) =>
    page.evaluate((k) => (window as unknown as { mount(k: string): Promise<number[]> }).mount(k), kind);
  for (const cold of [true, false]) {
    for (const kind of ['ours', 'baseline']) {
      if (cold) await cdp.send('Network.clearBrowserCache');
      const events = await traced(browserCdp, () => mount(kind));
      const file = join(dir, `${kind}-${cold ? 'cold' : 'warm'}.json`);
      writeFileSync(file, JSON.stringify({ traceEvents: events }));
      console.log(`\n${kind}, ${cold ? 'cold' : 'warm'} cache (${file})`);
      console.log(frameTasks(events, kind === 'ours' ? '/frame/v1/' : '/empty.html').join('\n'));
    }
  }
}

let html = '';
const host = await listen(() => html, 'localhost');
const service = await startTestService({
  allowedOrigins: [host.url],
  rateLimits: { perKeyPerMinute: 1e9, perIpPerMinute: 1e9 },
});
const baseline = await listen(
  () => '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>empty</title></head></html>',
  '127.0.0.1',
);
html = hostPage(service.url, service.publishableKey, baseline.url);
const browser = await chromium.launch({ executablePath: ensureChromium(), args: chromiumArgs });
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(host.url);
  await page.evaluate(() => customElements.whenDefined('tokenframe-card'));
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < WARMUPS; i++) {
    for (const kind of ['ours', 'baseline'])
      await page.evaluate((k) => (window as unknown as { mount(k: string): Promise<unknown> }).mount(k), kind);
  }
  const traceDir = option('--trace');
  if (traceDir) await traces(page, cdp, await browser.newBrowserCDPSession(), traceDir);
  else await milestones(page, cdp, Number(option('--runs') ?? 9));
} finally {
  await browser.close();
  host.server.closeAllConnections();
  host.server.close();
  baseline.server.closeAllConnections();
  baseline.server.close();
  await service.close();
}
