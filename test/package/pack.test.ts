// The `tokenframe` package as a web developer gets it: `npm pack`, then
// `npm install`ed into a fresh Vite project (React and Vue) outside the
// repository, type-checked and built there, as a shop would.
//
// The project's own tools (Vite, React, Vue, TypeScript) are pinned to the versions
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
      dependencies: { tokenframe: `file:../${packed.filename}`, ...pinned(['react', 'react-dom', 'vue']) },
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
  // The app's TypeScript project (src/, Bundler resolution, React's JSX), which the TSX, React and Vue checkouts share.
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
      'dist/react/index.mjs',
      'dist/types/react/index.d.ts',
      'dist/vue/index.mjs',
      'dist/types/vue/index.d.ts',
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

  it('has no dependencies; React and Vue are optional peers, for tokenframe/react and tokenframe/vue', () => {
    const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.optionalDependencies, undefined);
    const peers = manifest.peerDependenciesMeta as Record<string, { optional?: boolean }>;
    for (const peer of ['react', 'vue']) assert.equal(peers[peer]?.optional, true, `${peer} is an optional peer`);
  });
});

describe('tokenframe installed into a fresh Vite project (React, Vue)', () => {
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

  it("resolves 'tokenframe', its React and Vue components and its manifest", async () => {
    const script = `console.log(JSON.stringify({
      host: import.meta.resolve('tokenframe'),
      react: import.meta.resolve('tokenframe/react'),
      vue: import.meta.resolve('tokenframe/vue'),
      manifest: import.meta.resolve('tokenframe/custom-elements.json'),
    }));`;
    const { stdout } = await node(['--input-type=module', '-e', script]);
    const found = JSON.parse(stdout) as { host: string; react: string; vue: string; manifest: string };
    assert.ok(found.host.endsWith('/node_modules/tokenframe/dist/host/tokenframe.mjs'), found.host);
    assert.ok(found.react.endsWith('/node_modules/tokenframe/dist/react/index.mjs'), found.react);
    assert.ok(found.vue.endsWith('/node_modules/tokenframe/dist/vue/index.mjs'), found.vue);
    assert.ok(found.manifest.endsWith('/node_modules/tokenframe/custom-elements.json'), found.manifest);
  });

  it('tokenframe/react and tokenframe/vue render on a server (SSR, no DOM) as the element tags', async () => {
    // Next.js, Remix and Nuxt import the components on the server too: nothing may touch the page there.
    const script = `
      import { createElement } from 'react';
      import { renderToString } from 'react-dom/server';
      import * as react from 'tokenframe/react';
      import { createSSRApp, h } from 'vue';
      import { renderToString as renderVue } from 'vue/server-renderer';
      import * as vue from 'tokenframe/vue';
      const card = createElement(react.CardElement, { options: { hidePostalCode: true } });
      const reactHtml = renderToString(createElement(react.TokenframeProvider, { publishableKey: 'pk_test_1' }, card));
      const app = createSSRApp({ render: () => h(vue.CardElement, { publishableKey: 'pk_test_1' }) });
      console.log(JSON.stringify({ react: reactHtml, vue: await renderVue(app) }));`;
    const { stdout } = await node(['--input-type=module', '-e', script]);
    const html = JSON.parse(stdout) as { react: string; vue: string };
    assert.match(html.react, /^<tokenframe-card publishable-key="pk_test_1"><\/tokenframe-card>$/);
    assert.match(html.vue, /^<tokenframe-card publishable-key="pk_test_1"><\/tokenframe-card>$/);
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
        files: ['checkout.ts', 'frameworks.ts'],
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
    await writeFile(
      join(project, 'frameworks.ts'),
      `import { createElement } from 'react';
import { h } from 'vue';
import * as react from 'tokenframe/react';
import * as vue from 'tokenframe/vue';

export const card = createElement(react.CardElement, { options: { hidePostalCode: true } });
export const bank = h(vue.BankAccountElement, { options: { country: 'DE' } });
// @ts-expect-error the options are typed per element: the card has no country.
createElement(react.CardElement, { options: { country: 'DE' } });
`,
    );
    await node(['node_modules/typescript/bin/tsc', '-p', 'tsconfig.node-next.json']).catch(
      (error: { stdout: string }) => assert.fail(`tsc failed on the packed types:\n${error.stdout}`),
    );
  });

  it('type-checks a TSX checkout with <tokenframe-card> (tokenframe/jsx) and builds it with Vite', async () => {
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
  /** Builds `entry` (a page of the project) with Vite into its own folder; returns the bundled JavaScript. */
  async function viteBuild(entry: string): Promise<string> {
    const outDir = `dist-${entry.replace('.html', '')}`;
    await writeFile(
      join(project, `vite.${entry}.config.ts`),
      `export default { build: { outDir: '${outDir}', rollupOptions: { input: '${entry}' } } };\n`,
    );
    await node(['node_modules/vite/bin/vite.js', 'build', '--config', `vite.${entry}.config.ts`, '--logLevel', 'warn']);
    const assets = join(project, outDir, 'assets');
    const bundles = (await readdir(assets)).filter((file) => file.endsWith('.js'));
    return (await Promise.all(bundles.map((file) => readFile(join(assets, file), 'utf8')))).join('\n');
  }

  /** How many times the bundle defines the elements: once, however many of the package's entry points it imports. */
  const definitions = (bundle: string) => bundle.split('customElements.define(').length - 1;

  it('type-checks and builds a React checkout on tokenframe/react, with one copy of the elements', async () => {
    await writeFile(
      join(project, 'react.html'),
      `<div id="root"></div><script type="module" src="/src/react.tsx"></script>\n`,
    );
    await writeFile(
      join(project, 'src/react.tsx'),
      `import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { configure, type TokenframeCard } from 'tokenframe';
import { CardElement, TokenframeProvider, useTokenframe } from 'tokenframe/react';

// The package's main entry and its React components, both at run time: one copy of the elements between them.
configure({ origin: 'https://vault.example' });

function Checkout() {
  const { createToken } = useTokenframe();
  const [complete, setComplete] = useState(false);
  const pay = async () => {
    const { token, error } = await createToken(undefined, { name: 'Jenny Rosen' });
    console.log(token?.id ?? error?.message);
  };
  return (
    <>
      <CardElement
        options={{ hidePostalCode: true, appearance: { theme: 'night' } }}
        onChange={(event) => setComplete(event.complete)}
        onReady={(element: TokenframeCard) => element.focus()}
        onLoadError={(event) => console.error(event.error.message)}
      />
      {/* @ts-expect-error onChange receives the change, not a DOM event: it has no target. */}
      <CardElement onChange={(event) => event.target} />
      <button disabled={!complete} onClick={pay}>Pay</button>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <TokenframeProvider publishableKey="pk_test_1" origin="https://vault.example">
    <Checkout />
  </TokenframeProvider>,
);
`,
    );
    await node(['node_modules/typescript/bin/tsc', '-p', '.']).catch((error: { stdout: string }) =>
      assert.fail(`tsc failed on the React checkout:\n${error.stdout}`),
    );
    const bundle = await viteBuild('react.html');
    assert.ok(bundle.includes('tokenframe-card'), 'the app bundle defines <tokenframe-card>');
    assert.equal(definitions(bundle), 1);
  });

  it('type-checks and builds a Vue checkout on tokenframe/vue, with one copy of the elements', async () => {
    await writeFile(
      join(project, 'vue.html'),
      `<div id="app"></div><script type="module" src="/src/vue.ts"></script>\n`,
    );
    await writeFile(
      join(project, 'src/vue.ts'),
      `import { createApp, defineComponent, h, ref } from 'vue';
import 'tokenframe';
import { CardElement, provideTokenframe } from 'tokenframe/vue';

const Checkout = defineComponent({
  setup() {
    const { createToken } = provideTokenframe({ publishableKey: 'pk_test_1', origin: 'https://vault.example' });
    const complete = ref(false);
    const pay = async () => {
      const { token, error } = await createToken();
      console.log(token?.id ?? error?.message);
    };
    return () => [
      h(CardElement, {
        options: { hidePostalCode: true },
        onChange: (event) => (complete.value = event.complete),
        onLoaderror: (event) => console.error(event.error.message),
      }),
      h('button', { disabled: !complete.value, onClick: pay }, 'Pay'),
    ];
  },
});

// @ts-expect-error the options are typed: hidePostalCode is a boolean.
h(CardElement, { options: { hidePostalCode: 'yes' } });

createApp(Checkout).mount('#app');
`,
    );
    await node(['node_modules/typescript/bin/tsc', '-p', '.']).catch((error: { stdout: string }) =>
      assert.fail(`tsc failed on the Vue checkout:\n${error.stdout}`),
    );
    const bundle = await viteBuild('vue.html');
    assert.ok(bundle.includes('tokenframe-card'), 'the app bundle defines <tokenframe-card>');
    assert.equal(definitions(bundle), 1);
  });
});
