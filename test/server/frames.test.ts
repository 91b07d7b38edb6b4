import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { framePages } from '../../src/protocol/messages';
import { escapeHtml, injectIntoHead } from '../../src/server/html';
import { startTestService, type TestService } from './helpers';

/** A stand-in for the Vite build, so these tests never depend on `npm run build`. */
async function writeFixtureBuild(root: string) {
  const frameDir = join(root, 'frame');
  const hostDir = join(root, 'host');
  await mkdir(join(frameDir, 'assets'), { recursive: true });
  await mkdir(hostDir, { recursive: true });
  for (const page of framePages) {
    await writeFile(
      join(frameDir, `${page}.html`),
      `<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/frame/v1/assets/${page}-abc123.js"></script></head><body></body></html>`,
    );
  }
  await writeFile(join(frameDir, 'assets', 'card-abc123.js'), 'console.log("frame");');
  await writeFile(join(hostDir, 'tokenframe.js'), '(function(){})();');
  return { frameDir, hostDir };
}

function metaConfig(html: string): unknown {
  const match = /<meta name="tokenframe-config" content="([^"]*)">/.exec(html);
  assert.ok(match, 'meta tag injected');
  const decoded = match[1]
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return JSON.parse(decoded);
}

let root: string;
let svc: TestService;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'tokenframe-frames-'));
  const dirs = await writeFixtureBuild(root);
  svc = await startTestService({
    ...dirs,
    allowedOrigins: ['https://shop.example', 'https://checkout.example:8443/path'],
  });
});
after(async () => {
  await svc.close();
  await rm(root, { recursive: true, force: true });
});

const get = (path: string) => fetch(svc.url + path);

describe('GET /frame/v1/card.html', () => {
  for (const page of ['card', 'card-number', 'card-expiry', 'card-cvc']) {
    it(`serves ${page}.html with strict headers and frame-ancestors from the key`, async () => {
      await expectStrictFramePage(`/frame/v1/${page}.html?key=${svc.publishableKey}`);
    });
  }

  async function expectStrictFramePage(path: string) {
    const response = await get(path);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /connect-src 'self'/);
    assert.match(csp, /base-uri 'none'/);
    assert.match(csp, /form-action 'none'/);
    assert.match(
      csp,
      /frame-ancestors http:\/\/localhost:5173 https:\/\/shop\.example https:\/\/checkout\.example:8443(;|$)/,
    );
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.ok(metaConfig(await response.text()));
  }

  it('injects the allowed origins as escaped JSON before </head>', async () => {
    const html = await (await get(`/frame/v1/card.html?key=${svc.publishableKey}`)).text();
    assert.match(html, /<meta name="tokenframe-config" content="[^"]*"><\/head>/);
    assert.doesNotMatch(html, /content="\{"/);
    assert.deepEqual(metaConfig(html), {
      allowedOrigins: ['http://localhost:5173', 'https://shop.example', 'https://checkout.example:8443'],
    });
  });

  it('refuses a missing, unknown or secret key with an unframeable page', async () => {
    const cases: [string, number][] = [
      ['/frame/v1/card.html', 400],
      ['/frame/v1/card.html?key=pk_test_unknown', 401],
      [`/frame/v1/card.html?key=${svc.secretKey}`, 401],
      [`/frame/v1/bank.html?key=${svc.publishableKey}`, 404],
      [`/frame/v1/..%2Fhost%2Ftokenframe.js?key=${svc.publishableKey}`, 404],
    ];
    for (const [path, status] of cases) {
      const response = await get(path);
      assert.equal(response.status, status, path);
      assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      const html = await response.text();
      assert.doesNotMatch(html, /tokenframe-config/);
      assert.doesNotMatch(html, new RegExp(svc.secretKey));
    }
  });
});

describe('frame assets and the host loader', () => {
  it('serves hashed assets with immutable caching', async () => {
    const response = await get('/frame/v1/assets/card-abc123.js');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.match(response.headers.get('content-type') ?? '', /javascript/);
    assert.equal(await response.text(), 'console.log("frame");');
  });

  it('answers 404 for a missing asset and refuses to leave the assets folder', async () => {
    assert.equal((await get('/frame/v1/assets/nope.js')).status, 404);
    const escape = await get('/frame/v1/assets/..%2Fcard.html');
    assert.ok(escape.status === 403 || escape.status === 404, String(escape.status));
    assert.doesNotMatch(await escape.text(), /<html>/);
  });

  it('serves tokenframe.js to any origin', async () => {
    const response = await get('/v1/tokenframe.js');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.match(response.headers.get('cache-control') ?? '', /max-age=\d+/);
    assert.equal(await response.text(), '(function(){})();');
  });

  it('tells the Subresource Integrity value of the loader it serves', async () => {
    const integrity = await (await get('/v1/tokenframe.js.integrity')).text();
    const expected = `sha384-${createHash('sha384').update('(function(){})();').digest('base64')}`;
    assert.equal(integrity, expected);
  });
});

describe('without a build', () => {
  it('answers 503 and says to run npm run build', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'tokenframe-nobuild-'));
    const bare = await startTestService({ frameDir: join(empty, 'frame'), hostDir: join(empty, 'host') });
    try {
      const frame = await fetch(`${bare.url}/frame/v1/card.html?key=${bare.publishableKey}`);
      assert.equal(frame.status, 503);
      assert.match(await frame.text(), /npm run build/);
      const loader = await fetch(`${bare.url}/v1/tokenframe.js`);
      assert.equal(loader.status, 503);
      assert.match(await loader.text(), /npm run build/);
    } finally {
      await bare.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe('html helpers', () => {
  it('escapes markup and quotes', () => {
    assert.equal(escapeHtml(`"><script>'&`), '&quot;&gt;&lt;script&gt;&#39;&amp;');
  });

  it('injects before the first </head>, any case', () => {
    assert.equal(injectIntoHead('<HEAD></HEAD><body>', '<meta>'), '<HEAD><meta></HEAD><body>');
  });
});
