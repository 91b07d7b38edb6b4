// Benchmark: how much a <tokenframe-card> costs over the cheapest thing it
// could be, measured side by side in one Chromium session.
//
//   1. time-to-ready: createElement('tokenframe-card') + append → `ready`
//      vs. an empty cross-origin <iframe> (same loopback) append → `load`.
//   2. tokenize: el.tokenize() on a filled card
//      vs. a fetch() of a trivial JSON endpoint on the same loopback.
//
// Variants alternate run by run (the order flips every iteration) and only
// ratios ours/baseline are meant to be compared across machines. Nothing here
// asserts on time. Run: `npm run bench`.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error plain ESM helper without types
import { chromiumArgs, ensureChromium } from '../../scripts/chromium.mjs';
import { startTestService, type TestService } from '../server/helpers';

const WARMUPS = 3;
const RUNS = 30;
/** The whole run is bounded: past this, something hangs, and we stop. */
const WATCHDOG_MS = 55_000;

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const nextYear = String((new Date().getFullYear() + 1) % 100).padStart(2, '0');

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
  const removeCurrent = () => {
    if (current) current.remove();
    current = null;
  };
  window.bench = {
    // createElement + append → 'ready' (the frame loaded and answered the handshake).
    ours: (id, locale) => {
      removeCurrent();
      return new Promise((resolve, reject) => {
        const t0 = performance.now();
        const el = document.createElement('tokenframe-card');
        el.id = id;
        el.setAttribute('origin', env.serviceUrl);
        el.setAttribute('key', env.publishableKey);
        el.setAttribute('load-timeout', '10000');
        if (locale) el.setAttribute('locale', locale);
        el.addEventListener('ready', () => resolve(performance.now() - t0), { once: true });
        el.addEventListener('loaderror', (e) => reject(new Error(e.detail.error.message)), { once: true });
        slot.append(el);
        current = el;
      });
    },
    // createElement + append → 'load' of an empty page on the other loopback origin.
    baseline: (id) => {
      removeCurrent();
      return new Promise((resolve, reject) => {
        const t0 = performance.now();
        const frame = document.createElement('iframe');
        frame.id = id;
        frame.title = 'empty';
        frame.style.cssText = 'border:0;width:100%;display:block;height:44px';
        frame.src = env.baselineUrl + '/empty.html';
        frame.addEventListener('load', () => resolve(performance.now() - t0), { once: true });
        frame.addEventListener('error', () => reject(new Error('baseline iframe failed')), { once: true });
        slot.append(frame);
        current = frame;
      });
    },
    removeCurrent,
    tokenize: async () => {
      const t0 = performance.now();
      const result = await current.tokenize({ name: 'Bench Mark' });
      const ms = performance.now() - t0;
      if (result.error) throw new Error('tokenize failed: ' + JSON.stringify(result.error));
      return { ms, id: result.token.id };
    },
    fetchBaseline: async () => {
      const t0 = performance.now();
      const response = await fetch(env.baselineUrl + '/ping', { cache: 'no-store' });
      const body = await response.json();
      const ms = performance.now() - t0;
      if (!response.ok || body.ok !== true) throw new Error('baseline fetch failed: ' + response.status);
      return { ms, id: null };
    },
  };
})();
</script>
</body>
</html>`;
}

interface Timed {
  ms: number;
  id: string | null;
}

interface BenchApi {
  ours(id: string, locale?: string): Promise<number>;
  baseline(id: string): Promise<number>;
  removeCurrent(): void;
  tokenize(): Promise<Timed>;
  fetchBaseline(): Promise<Timed>;
}

type BenchWindow = Window & { bench: BenchApi };

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

/** Nearest-rank percentile of an unsorted sample. */
function percentile(sample: number[], p: number): number {
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface Pair {
  ours: number[];
  baseline: number[];
}

/** Warm-ups, then RUNS of each, alternating and flipping the order every iteration. */
async function alternate(runOurs: (i: number) => Promise<number>, runBaseline: (i: number) => Promise<number>) {
  const pair: Pair = { ours: [], baseline: [] };
  for (let i = 0; i < WARMUPS; i++) {
    await runOurs(-1 - i);
    await runBaseline(-1 - i);
  }
  for (let i = 0; i < RUNS; i++) {
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
  return {
    ours: (id: string, locale?: string) =>
      page.evaluate(([arg, lang]) => (window as unknown as BenchWindow).bench.ours(arg, lang), [id, locale] as const),
    baseline: (id: string) => page.evaluate((arg) => (window as unknown as BenchWindow).bench.baseline(arg), id),
    removeCurrent: () => page.evaluate(() => (window as unknown as BenchWindow).bench.removeCurrent()),
    tokenize: () => page.evaluate(() => (window as unknown as BenchWindow).bench.tokenize()),
    fetchBaseline: () => page.evaluate(() => (window as unknown as BenchWindow).bench.fetchBaseline()),
  };
}

function printTable(
  chromiumVersion: string,
  rows: Array<{ metric: string; ours: string; baseline: string; pair: Pair }>,
) {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const x = (n: number) => `${n.toFixed(2)}×`;
  const lines: string[][] = [['metric', 'variant', 'median', 'p90']];
  for (const row of rows) {
    const o = { median: percentile(row.pair.ours, 50), p90: percentile(row.pair.ours, 90) };
    const b = { median: percentile(row.pair.baseline, 50), p90: percentile(row.pair.baseline, 90) };
    lines.push([row.metric, row.ours, ms(o.median), ms(o.p90)]);
    lines.push(['', row.baseline, ms(b.median), ms(b.p90)]);
    lines.push(['', 'ratio ours/baseline', x(o.median / b.median), x(o.p90 / b.p90)]);
  }
  const widths = lines[0].map((_, col) => Math.max(...lines.map((line) => line[col].length)));
  const format = (line: string[]) =>
    line.map((cell, col) => (col >= 2 ? cell.padStart(widths[col]) : cell.padEnd(widths[col]))).join('  ');
  console.log(`\ntokenframe bench — Chromium ${chromiumVersion}, Node ${process.version}`);
  console.log(
    `${RUNS} runs per variant after ${WARMUPS} warm-ups, variants alternating, times from performance.now()\n`,
  );
  console.log(format(lines[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  lines.slice(1).forEach((line) => console.log(format(line)));
  console.log('\nOnly the ratios mean anything across machines; nothing here is asserted.');
}

async function main(): Promise<void> {
  if (!existsSync(`${repoRoot}dist/frame/card.html`) || !existsSync(`${repoRoot}dist/host/tokenframe.js`)) {
    console.log('dist/ is missing: running `npm run build` …');
    execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  }

  let baselineServer: Server | undefined;
  let hostServer: Server | undefined;
  let service: TestService | undefined;
  let browser: Browser | undefined;
  try {
    // Baseline: a second origin on the same loopback as the service.
    const baseline = await listen((request, response) => {
      if (request.url === '/ping') {
        response.writeHead(200, {
          'Content-Type': 'application/json',
          'Access-Control-Allow-Origin': '*',
          'Cache-Control': 'no-store',
        });
        response.end('{"ok":true}');
      } else {
        // no-store like the frame page itself, so neither comes from cache.
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        response.end('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>empty</title></head></html>');
      }
    }, '127.0.0.1');
    baselineServer = baseline.server;
    const baselineUrl = `http://127.0.0.1:${baseline.port}`;

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

    service = await startTestService({ allowedOrigins: [hostOrigin] });
    pageHtml = hostPage(service.url, service.publishableKey, baselineUrl);

    browser = await chromium.launch({ executablePath: ensureChromium(), args: chromiumArgs });
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${hostOrigin}/`);
    await page.evaluate(() => customElements.whenDefined('tokenframe-card'));
    const api = bench(page);

    // 1. time-to-ready, a fresh element (and the previous one removed) every run.
    const ready = await alternate(
      (i) => api.ours(`card-${i}`),
      (i) => api.baseline(`empty-${i}`),
    );
    await api.removeCurrent();

    // 1b. the cost of a language other than English (its catalog loads before ready), against English.
    const arabic = await alternate(
      (i) => api.ours(`card-ar-${i}`, 'ar'),
      (i) => api.ours(`card-en-${i}`, 'en'),
    );
    await api.removeCurrent();

    // 2. tokenize latency: fill one card once, tokenize it again and again.
    await api.ours('card-tokenize');
    const field = (label: string) => page.frameLocator('#card-tokenize iframe').getByLabel(label, { exact: true });
    await field('Card number').pressSequentially('4242424242424242');
    await field('Expiration').pressSequentially(`12${nextYear}`);
    await field('CVC').pressSequentially('123');
    await field('Postal code').pressSequentially('94107');
    const tokens = new Set<string>();
    const tokenize = await alternate(
      async () => {
        const { ms, id } = await api.tokenize();
        if (id) tokens.add(id);
        return ms;
      },
      async () => (await api.fetchBaseline()).ms,
    );
    await api.removeCurrent();
    const expectedTokens = WARMUPS + RUNS;
    if (tokens.size !== expectedTokens) {
      throw new Error(`expected ${expectedTokens} distinct tokens, got ${tokens.size}`);
    }

    printTable(browser.version(), [
      {
        metric: 'time-to-ready',
        ours: '<tokenframe-card> append → ready',
        baseline: 'empty x-origin <iframe> append → load',
        pair: ready,
      },
      {
        metric: 'language',
        ours: '<tokenframe-card locale="ar"> → ready',
        baseline: '<tokenframe-card locale="en"> → ready',
        pair: arabic,
      },
      {
        metric: 'tokenize',
        ours: 'el.tokenize() → {token}',
        baseline: 'fetch() 127.0.0.1 → 200 JSON',
        pair: tokenize,
      },
    ]);
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
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
}
