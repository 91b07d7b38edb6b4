// The `@tokenframe/server` package as an operator gets it: `npm pack`, then
// `npm install`ed into a throwaway project outside the repository and run with
// plain `node` (no tsx): the embeddable handler, the CLI, `tokenframe serve`, the types.
//
// Installing from the tarball with npm checks the package's `dependencies`: one
// missing from its package.json fails here as it would for a user.
// better-sqlite3 would compile from source for minutes when installed fresh,
// so the project starts with a copy of the repository's already built one,
// which npm finds satisfied and leaves alone, and of what it requires (npm
// trusts a package it finds installed and would not add those). Everything else comes from npm's
// cache (--prefer-offline) and, for what is not there, the registry.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
// @ts-expect-error plain ESM helper without types
import { freePort, waitForUrl } from '../../scripts/loopback.mjs';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const packageRoot = join(root, 'packages/server');

interface PackResult {
  filename: string;
  size: number;
  files: { path: string }[];
}

let scratch: string;
let project: string;
let packageDir: string;
let packed: PackResult;
let files: string[];

/** Runs `node` (never with tsx) in the throwaway project. */
const node = (args: string[], cwd = project) => run(process.execPath, args, { cwd, env: { ...process.env } });

/** The version of `name` this repository has installed, so npm finds it in its cache. */
const repositoryVersion = (name: string): string =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

before(async () => {
  for (const built of ['dist/node/server.js', 'dist/frame/card.html', 'dist/host/tokenframe.js', 'dist/types']) {
    if (!existsSync(join(packageRoot, built)))
      throw new Error(`packages/server/${built} is missing: run npm run build first.`);
  }
  scratch = await mkdtemp(join(tmpdir(), 'tokenframe-server-package-'));
  // --ignore-scripts: pack what the build stage built, without running prepublish hooks.
  const { stdout } = await run(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--workspace', 'packages/server', '--pack-destination', scratch],
    { cwd: root },
  );
  [packed] = JSON.parse(stdout) as PackResult[];
  files = packed.files.map((file) => file.path);

  project = join(scratch, 'vault');
  packageDir = join(project, 'node_modules/@tokenframe/server');
  await mkdir(join(project, 'node_modules'), { recursive: true });
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'vault',
      private: true,
      type: 'module',
      dependencies: { '@tokenframe/server': `file:../${packed.filename}` },
      // @types/node is the user's own dev dependency, as in any TypeScript project on Node.
      devDependencies: { '@types/node': repositoryVersion('@types/node') },
    }),
  );
  for (const path of installedClosure('better-sqlite3')) {
    await cp(join(root, path), join(project, path), { recursive: true });
  }
  const started = performance.now();
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: project });
  console.log(`npm install of the tarball: ${((performance.now() - started) / 1000).toFixed(1)} s`);
});

after(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('npm pack (@tokenframe/server)', () => {
  it('ships the service, the CLI, the frame pages and loader it serves, migrations and types', () => {
    for (const expected of [
      'package.json',
      'README.md',
      'bin/tokenframe.js',
      'dist/host/tokenframe.mjs',
      'dist/host/tokenframe.js',
      'dist/frame/card.html',
      'dist/node/server.js',
      'dist/node/cli.js',
      'dist/node/migrations/core/postgres/001_initial.sql',
      'dist/node/migrations/plaid/sqlite/001_items_and_public_tokens.sql',
      'dist/types/server/index.d.ts',
    ]) {
      assert.ok(files.includes(expected), `${expected} is not in the tarball`);
    }
  });

  it('leaves out sources, tests, the demo, examples and server source maps', () => {
    const unwanted = files.filter(
      (path) =>
        /^(src|test|demo|examples|scripts|screenshots)\//.test(path) ||
        /\.test\.|\.spec\./.test(path) ||
        /^dist\/(node|types)\/.*\.map$/.test(path) ||
        path.endsWith('.ts') !== path.endsWith('.d.ts'),
    );
    assert.deepEqual(unwanted, []);
    console.log(`tarball: ${files.length} files, ${(packed.size / 1024).toFixed(1)} kB`);
  });
});

describe('the installed @tokenframe/server', () => {
  it("resolves '@tokenframe/server' to the compiled service", async () => {
    const script = `
      const server = await import('@tokenframe/server');
      console.log(JSON.stringify({ path: import.meta.resolve('@tokenframe/server'), exports: Object.keys(server) }));`;
    const { stdout } = await node(['--input-type=module', '-e', script]);
    const found = JSON.parse(stdout) as { path: string; exports: string[] };
    assert.ok(found.path.endsWith('/node_modules/@tokenframe/server/dist/node/server.js'), found.path);
    for (const name of ['startService', 'createTokenframeHandler', 'buildApp', 'loadConfig', 'openStores']) {
      assert.ok(found.exports.includes(name), `@tokenframe/server does not export ${name}`);
    }
  });

  it('createTokenframeHandler in a node:http server serves the loader and creates tokens', async () => {
    const script = `
      import { createServer } from 'node:http';
      import { createTokenframeHandler } from '@tokenframe/server';

      const tokenframe = createTokenframeHandler({ dataDir: 'vault-data', dev: true });
      const { dev } = await tokenframe.ready();
      const server = createServer(tokenframe.handler);
      await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
      const url = 'http://127.0.0.1:' + server.address().port;

      const loader = await fetch(url + '/v1/tokenframe.js');
      const token = await fetch(url + '/v1/tokens', {
        method: 'POST',
        headers: {
          authorization: 'Bearer ' + dev.account.publishableKey,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=${new Date().getFullYear() + 2}&card[cvc]=123',
      });
      console.log(JSON.stringify({
        loader: { status: loader.status, type: loader.headers.get('content-type'), length: (await loader.text()).length },
        token: { status: token.status, body: await token.json() },
      }));
      await new Promise((closed) => server.close(closed));
      await tokenframe.close();`;
    await writeFile(join(project, 'embed.mjs'), script);
    const { stdout } = await node(['embed.mjs']);
    const { loader, token } = JSON.parse(stdout);
    assert.equal(loader.status, 200);
    assert.match(loader.type, /javascript/);
    assert.ok(loader.length > 1000, 'the loader is the built dist/host/tokenframe.js');
    assert.equal(token.status, 200, JSON.stringify(token.body));
    assert.match(token.body.id, /^tok_/);
    assert.equal(token.body.card.last4, '4242');
  });

  it('the tokenframe bin runs the compiled CLI with plain node', async () => {
    assert.ok(!existsSync(join(project, 'node_modules/tsx')), 'tsx must not be available to the package');
    const bin = join(packageDir, 'bin/tokenframe.js');
    const created = await node([bin, 'keys', 'create', '--origin', 'https://shop.example', '--data-dir', 'cli-data']);
    const publishableKey = /publishable key:\s+(pk_test_\S+)/.exec(created.stdout)?.[1];
    assert.ok(publishableKey, created.stdout);
    const listed = await node([bin, 'keys', 'list', '--data-dir', 'cli-data']);
    assert.match(listed.stdout, /publishable/);
    assert.ok(listed.stdout.includes(publishableKey));
    assert.match(listed.stdout, /https:\/\/shop\.example/);
  });

  it('`tokenframe serve` from node_modules/.bin serves the loader and a frame page, and creates a token with the development key', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const service = spawn(
      process.execPath,
      ['node_modules/.bin/tokenframe', 'serve', '--dev', '--port', String(port), '--data-dir', 'serve-data'],
      { cwd: project, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    service.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<never>((_, reject) =>
      service.once('exit', (code) => reject(new Error(`tokenframe serve exited (${code}):\n${stderr}`))),
    );
    try {
      await Promise.race([waitForUrl(`${url}/v1/tokenframe.js`, { timeoutMs: 30_000 }), exited]);
      const loader = await fetch(`${url}/v1/tokenframe.js`);
      assert.equal(loader.status, 200);
      assert.match(loader.headers.get('content-type') ?? '', /javascript/);
      const { publishableKey } = JSON.parse(await readFile(join(project, 'serve-data/dev-keys.json'), 'utf8'));
      // The frame pages come from the package's own dist/frame, found from dist/node.
      const frame = await fetch(`${url}/frame/v1/card.html?key=${publishableKey}`);
      assert.equal(frame.status, 200);
      assert.match(await frame.text(), /<script type="module"[^>]* src="\/frame\/v1\/assets\//);
      const token = await fetch(`${url}/v1/tokens`, {
        method: 'POST',
        headers: { authorization: `Bearer ${publishableKey}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: `card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=${new Date().getFullYear() + 2}&card[cvc]=123`,
      });
      const body = await token.json();
      assert.equal(token.status, 200, JSON.stringify(body));
      assert.match(body.id, /^tok_/);
    } finally {
      exited.catch(() => {});
      service.kill('SIGTERM');
    }
  });

  it('TypeScript types the server API from the packed declarations', async () => {
    // NodeNext is the strictest resolution: it follows only the exports map and
    // explicit extensions, so a declaration it cannot follow fails here.
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          lib: ['ES2022'],
          types: ['node'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
        },
        files: ['vault.ts'],
      }),
    );
    await writeFile(
      join(project, 'vault.ts'),
      `import { createTokenframeHandler, type TokenframeHandler } from '@tokenframe/server';

const vault: TokenframeHandler = createTokenframeHandler({ dataDir: 'vault-data' });
// @ts-expect-error the embedding server listens, not tokenframe.
createTokenframeHandler({ port: 4242 });
export { vault };
`,
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    await node([tsc, '-p', project]).catch((error: { stdout: string }) => {
      assert.fail(`tsc failed on the packed types:\n${error.stdout}`);
    });
  });
});

/**
 * `name` and everything it depends on, as paths under the repository's
 * node_modules (from its lock file), resolved the way Node does: a nested
 * node_modules first, then each enclosing one.
 */
function installedClosure(name: string): string[] {
  const { packages } = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dependencies?: Record<string, string> }>;
  };
  const found = new Set<string>();
  const pending = [`node_modules/${name}`];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (found.has(path)) continue;
    found.add(path);
    for (const dependency of Object.keys(packages[path]?.dependencies ?? {})) {
      let scope = path;
      while (!packages[`${scope}/node_modules/${dependency}`] && scope.includes('/node_modules/')) {
        scope = scope.slice(0, scope.lastIndexOf('/node_modules/'));
      }
      const resolved = packages[`${scope}/node_modules/${dependency}`]
        ? `${scope}/node_modules/${dependency}`
        : `node_modules/${dependency}`;
      pending.push(resolved);
    }
  }
  // A nested path is copied with the package that holds it.
  return [...found].filter((path) => !path.slice('node_modules/'.length).includes('/node_modules/'));
}
