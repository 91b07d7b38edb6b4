import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { get as httpGet } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { framePages } from '../../src/protocol/messages';
import { escapeHtml, injectIntoHead } from '../../src/server/html';
import { loaderFileName } from '../../src/server/routes/loader-file';
import { startTestService, type TestService } from './helpers';

const loaderScript = '(function(){})();';
const bankAsset = 'console.log("bank account frame");';
/** The versioned copy of the loader, named as the build names it. */
const versionedLoader = loaderFileName('0.1.0', loaderScript);
const sha384 = (text: string) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

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
  // The build's compressed copies (vite.config.ts), one asset with them, one without.
  await writeFile(join(frameDir, 'assets', 'bank-account-abc123.js'), bankAsset);
  await writeFile(join(frameDir, 'assets', 'bank-account-abc123.js.br'), brotliCompressSync(bankAsset));
  await writeFile(join(frameDir, 'assets', 'bank-account-abc123.js.gz'), gzipSync(bankAsset));
  await writeFile(join(hostDir, 'tokenframe.js'), loaderScript);
  await writeFile(join(hostDir, 'tokenframe.js.br'), brotliCompressSync(loaderScript));
  await writeFile(join(hostDir, 'tokenframe.js.gz'), gzipSync(loaderScript));
  await mkdir(join(hostDir, 'loader'));
  await writeFile(join(hostDir, 'loader', versionedLoader), loaderScript);
  // A file in the folder whose bytes do not match its name: never served as immutable.
  await writeFile(join(hostDir, 'loader', loaderFileName('0.0.9', 'old')), 'tampered');
  await writeFile(
    join(hostDir, 'loader.json'),
    JSON.stringify({ version: '0.1.0', file: versionedLoader, integrity: sha384(loaderScript) }),
  );
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
    assert.equal(response.headers.get('cache-control'), 'private, no-cache');
    assert.match(response.headers.get('etag') ?? '', /^"[^"]+"$/);
    assert.ok(metaConfig(await response.text()));
  }

  it('revalidates the page: the same ETag gets a 304 with the strict headers, a changed page a 200', async () => {
    const path = `/frame/v1/card.html?key=${svc.publishableKey}`;
    const first = await get(path);
    const etag = first.headers.get('etag') ?? '';
    const again = await fetch(svc.url + path, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    assert.equal(again.headers.get('etag'), etag);
    assert.equal(again.headers.get('cache-control'), 'private, no-cache');
    assert.equal(again.headers.get('content-security-policy'), first.headers.get('content-security-policy'));

    const otherPage = await fetch(`${svc.url}/frame/v1/pii.html?key=${svc.publishableKey}`, {
      headers: { 'If-None-Match': etag },
    });
    assert.equal(otherPage.status, 200);
    assert.notEqual(otherPage.headers.get('etag'), etag);
  });

  it('gives a page a new ETag when the key’s allowed origins change', async () => {
    const path = `/frame/v1/card.html?key=${svc.publishableKey}`;
    const before = (await get(path)).headers.get('etag') ?? '';
    const { keys } = svc.service.stores;
    const account = (await keys.getAccount(svc.accountId))!;
    await keys.saveAccount({ ...account, allowedOrigins: [...account.allowedOrigins, 'https://new.example'] });
    try {
      const after = await fetch(svc.url + path, { headers: { 'If-None-Match': before } });
      assert.equal(after.status, 200);
      assert.match(after.headers.get('content-security-policy') ?? '', /https:\/\/new\.example/);
    } finally {
      await keys.saveAccount(account);
    }
  });

  it('without font origins, fonts and stylesheets come from the service alone', async () => {
    const { keys } = svc.service.stores;
    const account = (await keys.getAccount(svc.accountId))!;
    await keys.saveAccount({ id: account.id, allowedOrigins: account.allowedOrigins });
    try {
      const response = await get(`/frame/v1/card.html?key=${svc.publishableKey}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /font-src 'self';/);
      assert.match(csp, /style-src 'self';/);
      assert.equal((metaConfig(await response.text()) as { fontOrigins?: string[] }).fontOrigins, undefined);
    } finally {
      await keys.saveAccount(account);
    }
  });

  it('development mode lets the frames load fonts from the pages that may embed them', async () => {
    const csp = (await get(`/frame/v1/card.html?key=${svc.publishableKey}`)).headers.get('content-security-policy');
    const origins = 'http://localhost:5173 https://shop.example https://checkout.example:8443';
    assert.ok(csp?.includes(`font-src 'self' ${origins};`), csp ?? '');
    assert.ok(csp?.includes(`style-src 'self' ${origins};`), csp ?? '');
  });

  it('a key’s font origins go into font-src and style-src and into the page’s config, for that key only', async () => {
    const path = `/frame/v1/card.html?key=${svc.publishableKey}`;
    const before = (await get(path)).headers.get('etag') ?? '';
    const { keys } = svc.service.stores;
    const account = (await keys.getAccount(svc.accountId))!;
    // An origin that is no origin (a stored row edited by hand) never reaches the header.
    const fontOrigins = [
      'https://fonts.gstatic.com',
      'https://fonts.googleapis.com',
      'https://x.example; script-src *',
    ];
    await keys.saveAccount({ ...account, fontOrigins });
    try {
      const response = await fetch(svc.url + path, { headers: { 'If-None-Match': before } });
      assert.equal(response.status, 200);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /font-src 'self' https:\/\/fonts\.gstatic\.com https:\/\/fonts\.googleapis\.com;/);
      assert.match(csp, /style-src 'self' https:\/\/fonts\.gstatic\.com https:\/\/fonts\.googleapis\.com;/);
      assert.match(csp, /script-src 'self';/);
      assert.doesNotMatch(csp, /x\.example|script-src \*/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      assert.deepEqual((metaConfig(await response.text()) as { fontOrigins: string[] }).fontOrigins, fontOrigins);
    } finally {
      await keys.saveAccount(account);
    }
    assert.match(
      (await get(path)).headers.get('content-security-policy') ?? '',
      /font-src 'self' http:\/\/localhost:5173 /,
    );
  });

  it('injects the allowed origins as escaped JSON before </head>', async () => {
    const html = await (await get(`/frame/v1/card.html?key=${svc.publishableKey}`)).text();
    assert.match(html, /<meta name="tokenframe-config" content="[^"]*"><\/head>/);
    assert.doesNotMatch(html, /content="\{"/);
    const allowedOrigins = ['http://localhost:5173', 'https://shop.example', 'https://checkout.example:8443'];
    assert.deepEqual(metaConfig(html), { allowedOrigins, fontOrigins: allowedOrigins });
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
      assert.equal(response.headers.get('cache-control'), 'no-store', path);
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

  it('serves tokenframe.js (the latest) to any origin, cached briefly and then revalidated', async () => {
    const response = await get('/v1/tokenframe.js');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=300, must-revalidate');
    assert.equal(await response.text(), loaderScript);

    const etag = response.headers.get('etag') ?? '';
    assert.match(etag, /^"[^"]+"$/);
    const again = await fetch(`${svc.url}/v1/tokenframe.js`, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
  });

  it('tells the Subresource Integrity value of the loader it serves', async () => {
    const integrity = await (await get('/v1/tokenframe.js.integrity')).text();
    assert.equal(integrity, sha384(loaderScript));
  });

  it('serves the loader at its versioned URL to any origin, cached forever', async () => {
    const response = await get(`/v1/loader/${versionedLoader}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(await response.text(), loaderScript);
  });

  it('publishes the current versioned loader and its integrity in /v1/loader.json', async () => {
    const response = await get('/v1/loader.json');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const manifest = (await response.json()) as { version: string; url: string; integrity: string };
    assert.deepEqual(manifest, {
      version: '0.1.0',
      url: `/v1/loader/${versionedLoader}`,
      integrity: sha384(loaderScript),
    });
    const pinned = await get(manifest.url);
    assert.equal(sha384(await pinned.text()), manifest.integrity);
  });

  it('answers 404 for a versioned name it does not have, whose bytes do not match it, or outside the folder', async () => {
    for (const path of [
      `/v1/loader/${loaderFileName('0.1.0', 'another build')}`,
      `/v1/loader/${loaderFileName('0.0.9', 'old')}`,
      '/v1/loader/tokenframe.js',
      '/v1/loader/..%2Ftokenframe.js',
      '/v1/loader/..%2Floader.json',
    ]) {
      const response = await get(path);
      assert.equal(response.status, 404, path);
      assert.equal(response.headers.get('cache-control'), 'no-store', path);
      assert.notEqual(await response.text(), loaderScript, path);
    }
  });
});

/** A GET that shows the bytes as sent (fetch would decode them): status, headers and body. */
function rawGet(url: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
    httpGet(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

describe('compressed frame assets and loader', () => {
  for (const path of ['/frame/v1/assets/bank-account-abc123.js', '/v1/tokenframe.js']) {
    const original = path.endsWith('tokenframe.js') ? loaderScript : bankAsset;
    it(`sends ${path} compressed as the browser accepts: brotli first, then gzip, else as it is`, async () => {
      const br = await rawGet(svc.url + path, 'gzip, deflate, br');
      assert.equal(br.status, 200);
      assert.equal(br.headers['content-encoding'], 'br');
      assert.match(String(br.headers.vary), /accept-encoding/i);
      assert.equal(brotliDecompressSync(br.body).toString(), original);

      const gzip = await rawGet(svc.url + path, 'gzip');
      assert.equal(gzip.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gzip.body).toString(), original);

      for (const plain of [await rawGet(svc.url + path), await rawGet(svc.url + path, 'br;q=0, identity')]) {
        assert.equal(plain.headers['content-encoding'], undefined);
        assert.equal(plain.body.toString(), original);
      }
    });
  }

  it('gives each encoding of the loader its own ETag, so a 304 never stands for other bytes', async () => {
    const br = await rawGet(`${svc.url}/v1/tokenframe.js`, 'br');
    const plain = await rawGet(`${svc.url}/v1/tokenframe.js`);
    assert.notEqual(br.headers.etag, plain.headers.etag);
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
      for (const path of ['/v1/tokenframe.js', '/v1/loader.json']) {
        const loader = await fetch(bare.url + path);
        assert.equal(loader.status, 503, path);
        assert.match(await loader.text(), /npm run build/);
      }
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
