// The npm package as a user gets it: `npm pack`, unpacked into a throwaway
// project outside the repository, used with plain `node` (no tsx) and `tsc`.
//
// The tarball is unpacked rather than `npm install`ed so the test needs no
// registry: the package's dependencies are linked from this repository's
// node_modules, one link per entry in package.json `dependencies` and nothing
// else, so a dependency missing from package.json fails here as it would for a user.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

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

before(async () => {
  for (const built of ['dist/host/tokenframe.mjs', 'dist/node/server.js', 'dist/types', 'custom-elements.json']) {
    if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run npm run build first.`);
  }
  scratch = await mkdtemp(join(tmpdir(), 'tokenframe-package-'));
  // --ignore-scripts: pack what the build stage built, without running prepublish hooks.
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], {
    cwd: root,
  });
  [packed] = JSON.parse(stdout) as PackResult[];
  files = packed.files.map((file) => file.path);

  project = join(scratch, 'shop');
  packageDir = join(project, 'node_modules/tokenframe');
  await mkdir(join(project, 'node_modules/@types'), { recursive: true });
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'shop', private: true, type: 'module' }));
  await run('tar', ['-xzf', join(scratch, packed.filename), '-C', scratch]);
  await rename(join(scratch, 'package'), packageDir);
  // @types/node is the user's own dev dependency, as in any TypeScript project on Node.
  for (const dependency of [...Object.keys(manifest.dependencies), '@types/node']) {
    await mkdir(join(project, 'node_modules', dependency, '..'), { recursive: true });
    await symlink(join(root, 'node_modules', dependency), join(project, 'node_modules', dependency), 'dir');
  }
});

after(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('ships the built host, frame, service, CLI, types and manifest', () => {
    for (const expected of [
      'package.json',
      'README.md',
      'bin/tokenframe.js',
      'custom-elements.json',
      'dist/host/tokenframe.mjs',
      'dist/host/tokenframe.js',
      'dist/frame/card.html',
      'dist/node/server.js',
      'dist/node/cli.js',
      'dist/node/migrations/postgres/001_initial.sql',
      'dist/types/host/index.d.ts',
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

describe('the installed package', () => {
  it("resolves 'tokenframe' to the ES module build and 'tokenframe/server' to the compiled service", async () => {
    const script = `
      const server = await import('tokenframe/server');
      console.log(JSON.stringify({
        host: import.meta.resolve('tokenframe'),
        manifest: import.meta.resolve('tokenframe/custom-elements.json'),
        exports: Object.keys(server),
      }));`;
    const { stdout } = await node(['--input-type=module', '-e', script]);
    const found = JSON.parse(stdout) as { host: string; manifest: string; exports: string[] };
    assert.ok(found.host.endsWith('/node_modules/tokenframe/dist/host/tokenframe.mjs'), found.host);
    assert.ok(found.manifest.endsWith('/node_modules/tokenframe/custom-elements.json'), found.manifest);
    for (const name of ['startService', 'createTokenframeHandler', 'buildApp', 'loadConfig', 'openStores']) {
      assert.ok(found.exports.includes(name), `tokenframe/server does not export ${name}`);
    }
  });

  it('createTokenframeHandler in a node:http server serves the loader and creates tokens', async () => {
    const script = `
      import { createServer } from 'node:http';
      import { createTokenframeHandler } from 'tokenframe/server';

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

  it('TypeScript types the elements and the server API from the packed declarations', async () => {
    // NodeNext is the strictest resolution: it follows only the exports map and
    // explicit extensions, so a declaration it cannot follow fails here.
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          types: ['node'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
        },
        files: ['checkout.ts'],
      }),
    );
    await writeFile(
      join(project, 'checkout.ts'),
      `import 'tokenframe';
import type { TokenizeResult } from 'tokenframe';
import { createTokenframeHandler, type TokenframeHandler } from 'tokenframe/server';

const card = document.querySelector('tokenframe-card');
const result: Promise<TokenizeResult> | undefined = card?.tokenize({ name: 'Jenny Rosen' });
// @ts-expect-error tokenize takes the extra fields as an object: the element is typed, not any.
card?.tokenize(42);
const bank = document.createElement('tokenframe-bank-account');
bank.clear();

const vault: TokenframeHandler = createTokenframeHandler({ dataDir: 'vault-data' });
// @ts-expect-error the embedding server listens, not tokenframe.
createTokenframeHandler({ port: 4242 });
export { result, vault };
`,
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    await node([tsc, '-p', project]).catch((error: { stdout: string }) => {
      assert.fail(`tsc failed on the packed types:\n${error.stdout}`);
    });
  });
});
