// The `tokenframe` package as a web developer gets it: `npm pack`, then
// `npm install`ed into a fresh Vite + React project outside the repository,
// type-checked and built there, as a shop would.
//
// The project's own tools (Vite, React, TypeScript) are pinned to the versions
// this repository uses and installed with --prefer-offline, so npm takes them
// from its cache and the registry is asked only about what is not there.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const packageRoot = join(root, 'packages/tokenframe');

/** Packages of the service: none of them may reach a page's project. */
const serverPackages = [
  '@tokenframe/server',
  'fastify',
  '@fastify/rate-limit',
  '@fastify/static',
  'pg',
  'better-sqlite3',
  'qs',
  'card-validator',
  'ibantools',
  'bindings',
  'prebuild-install',
];

interface PackResult {
  filename: string;
  size: number;
  files: { path: string }[];
}

interface LockFile {
  packages: Record<string, { dependencies?: object; optionalDependencies?: object; hasInstallScript?: boolean }>;
}

let scratch: string;
let project: string;
let packed: PackResult;
let files: string[];
let lock: LockFile;

/** The version of `name` this repository has installed, so npm finds it in its cache. */
const repositoryVersion = (name: string): string =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/** Runs `node` (never with tsx) in the throwaway project. */
const node = (args: string[]) => run(process.execPath, args, { cwd: project, env: { ...process.env } });

before(async () => {
  for (const built of ['dist/host/tokenframe.mjs', 'dist/types/host/index.d.ts', 'custom-elements.json']) {
    if (!existsSync(join(packageRoot, built)))
      throw new Error(`packages/tokenframe/${built} is missing: run npm run build first.`);
  }
  scratch = await mkdtemp(join(tmpdir(), 'tokenframe-package-'));
  // --ignore-scripts: pack what the build stage built, without running prepublish hooks.
  const { stdout } = await run(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--workspace', 'packages/tokenframe', '--pack-destination', scratch],
    { cwd: root },
  );
  [packed] = JSON.parse(stdout) as PackResult[];
  files = packed.files.map((file) => file.path);

  project = join(scratch, 'shop');
  await mkdir(join(project, 'src'), { recursive: true });
  const pinned = (names: string[]) => Object.fromEntries(names.map((name) => [name, repositoryVersion(name)]));
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'shop',
      private: true,
      type: 'module',
      dependencies: { tokenframe: `file:../${packed.filename}`, ...pinned(['react', 'react-dom']) },
      devDependencies: pinned([
        'vite',
        '@vitejs/plugin-react',
        'typescript',
        '@types/react',
        '@types/react-dom',
        '@types/node',
      ]),
    }),
  );
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: project });
  lock = JSON.parse(await readFile(join(project, 'package-lock.json'), 'utf8')) as LockFile;
});

after(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('npm pack (tokenframe)', () => {
  it('ships the host elements (ESM and <script src>), their types, JSX types and the manifest', () => {
    for (const expected of [
      'package.json',
      'README.md',
      'custom-elements.json',
      'dist/host/tokenframe.mjs',
      'dist/host/tokenframe.js',
      'dist/types/host/index.d.ts',
      'dist/types/host/jsx.d.ts',
    ]) {
      assert.ok(files.includes(expected), `${expected} is not in the tarball`);
    }
  });

  it('leaves out sources, tests, the demo, examples and everything of the service', () => {
    const unwanted = files.filter(
      (path) =>
        /^(src|test|demo|examples|scripts|screenshots|bin)\//.test(path) ||
        /^dist\/(node|frame|types\/server)\//.test(path) ||
        /\.test\.|\.spec\./.test(path) ||
        /^dist\/types\/.*\.map$/.test(path) ||
        path.endsWith('.ts') !== path.endsWith('.d.ts'),
    );
    assert.deepEqual(unwanted, []);
    console.log(`tarball: ${files.length} files, ${(packed.size / 1024).toFixed(1)} kB`);
  });

  it('has no dependencies', () => {
    const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.optionalDependencies, undefined);
  });
});

describe('tokenframe installed into a fresh Vite + React project', () => {
  it('adds no server package and nothing that builds natively to its lock file', () => {
    const installed = Object.keys(lock.packages).map((path) => path.replace(/^.*node_modules\//, ''));
    assert.deepEqual(
      serverPackages.filter((name) => installed.includes(name)),
      [],
    );
    const entry = lock.packages['node_modules/tokenframe'];
    assert.ok(entry, 'tokenframe is in the lock file');
    assert.equal(entry.dependencies, undefined);
    assert.equal(entry.optionalDependencies, undefined);
    const native = Object.entries(lock.packages)
      .filter(([, found]) => found.hasInstallScript)
      .map(([path]) => path);
    assert.deepEqual(native, []);
  });

  it("resolves 'tokenframe' to the ES module build and its manifest", async () => {
    const script = `console.log(JSON.stringify({
      host: import.meta.resolve('tokenframe'),
      manifest: import.meta.resolve('tokenframe/custom-elements.json'),
    }));`;
    const { stdout } = await node(['--input-type=module', '-e', script]);
    const found = JSON.parse(stdout) as { host: string; manifest: string };
    assert.ok(found.host.endsWith('/node_modules/tokenframe/dist/host/tokenframe.mjs'), found.host);
    assert.ok(found.manifest.endsWith('/node_modules/tokenframe/custom-elements.json'), found.manifest);
  });

  it('TypeScript types the elements from the packed declarations under NodeNext resolution', async () => {
    // NodeNext is the strictest resolution: it follows only the exports map and
    // explicit extensions, so a declaration it cannot follow fails here.
    await writeFile(
      join(project, 'tsconfig.node-next.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          types: [],
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

const card = document.querySelector('tokenframe-card');
const result: Promise<TokenizeResult> | undefined = card?.tokenize({ name: 'Jenny Rosen' });
// @ts-expect-error tokenize takes the extra fields as an object: the element is typed, not any.
card?.tokenize(42);
const bank = document.createElement('tokenframe-bank-account');
bank.clear();
export { result };
`,
    );
    await node(['node_modules/typescript/bin/tsc', '-p', 'tsconfig.node-next.json']).catch(
      (error: { stdout: string }) => assert.fail(`tsc failed on the packed types:\n${error.stdout}`),
    );
  });

  it('type-checks a TSX checkout with <tokenframe-card> (tokenframe/jsx) and builds it with Vite', async () => {
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          jsx: 'react-jsx',
          types: [],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
        },
        include: ['src'],
      }),
    );
    await writeFile(
      join(project, 'vite.config.ts'),
      `import react from '@vitejs/plugin-react';\nexport default { plugins: [react()] };\n`,
    );
    await writeFile(
      join(project, 'index.html'),
      `<div id="root"></div><script type="module" src="/src/main.tsx"></script>\n`,
    );
    await writeFile(
      join(project, 'src/main.tsx'),
      `import type {} from 'tokenframe/jsx';
import { createToken, type TokenframeCard } from 'tokenframe';
import { useRef, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';

function Checkout() {
  const card = useRef<TokenframeCard>(null);
  const pay = async (event: FormEvent) => {
    event.preventDefault();
    const { token, error } = await createToken(card.current!, { name: 'Jenny Rosen' });
    console.log(token?.id ?? error?.message);
  };
  return (
    <form onSubmit={pay}>
      <tokenframe-card ref={card} publishable-key="pk_test_1" origin="https://vault.example" required />
      {/* @ts-expect-error the JSX types know each element's attributes: this one has none called colour. */}
      <tokenframe-card publishable-key="pk_test_1" colour="red" />
      <button>Pay</button>
    </form>
  );
}

createRoot(document.getElementById('root')!).render(<Checkout />);
`,
    );
    await node(['node_modules/typescript/bin/tsc', '-p', '.']).catch((error: { stdout: string }) =>
      assert.fail(`tsc failed on the TSX checkout:\n${error.stdout}`),
    );
    await node(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
    const assets = join(project, 'dist/assets');
    const bundles = (await readdir(assets)).filter((file) => file.endsWith('.js'));
    const bundled = (await Promise.all(bundles.map((file) => readFile(join(assets, file), 'utf8')))).join('\n');
    assert.ok(bundled.includes('tokenframe-card'), 'the app bundle defines <tokenframe-card>');
  });
});
