// Assembles the two published packages from the repository's build (dist/ and
// custom-elements.json at the root, which the dev server, the tests and
// size-limit use) by copying what each one ships into packages/*/:
//
// - packages/tokenframe: what a web page needs, the loader (ESM and IIFE),
//   its declarations and the custom-elements manifest. No dependencies.
// - packages/server: the compiled service and CLI, plus the frame pages and
//   the loader it serves. dist/node/*.js finds them through
//   `new URL('../../dist/frame/', import.meta.url)`, as src/server/ finds the
//   root dist/, so the copies keep the layout of the root build.
//
// Declarations are copied per package from one tsc run: each package gets the
// files its entry points reach, so the page package carries no server types.
//
// The React and Vue components (tokenframe/react, tokenframe/vue) are compiled
// here first, into dist/react and dist/vue (see buildFrameworkModules).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const types = join(root, 'dist/types');

const packages = [
  {
    dir: 'packages/tokenframe',
    copy: ['dist/host', 'dist/react', 'dist/vue', 'custom-elements.json', 'README.md'],
    typeEntries: ['host/index.d.ts', 'host/jsx.d.ts', 'react/index.d.ts', 'vue/index.d.ts'],
    // Any other package its declarations import would be a dependency it must not have;
    // React's and Vue's types are the app's own (optional peers, for tokenframe/jsx, /react and /vue only).
    bareImports: ['react', 'react/jsx-runtime', 'vue'],
  },
  {
    dir: 'packages/server',
    copy: ['dist/host', 'dist/frame', 'dist/node', 'README.md'],
    typeEntries: ['server/index.d.ts'],
    bareImports: 'dependencies',
  },
];

// `import … from 'x'` and `export … from 'x'` statements at the start of a line
// (not the examples in doc comments), side-effect `import 'x'`, inline `import('x')` types.
const specifier =
  /^(?:import|export)\b[^'";]*?\bfrom\s*(['"])([^'"]+)\1|^import\s*(['"])([^'"]+)\3|\bimport\((['"])([^'"]+)\5\)/gm;

/** The declaration files reachable from `entries` through relative imports. */
function declarationsReachedFrom(entries, bareImports) {
  const reached = new Set();
  const pending = entries.map((entry) => join(types, entry));
  while (pending.length > 0) {
    const file = pending.pop();
    if (reached.has(file)) continue;
    if (!existsSync(file)) throw new Error(`${relative(root, file)} is missing: run npm run build.`);
    reached.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(specifier)) {
      const target = match[2] ?? match[4] ?? match[6];
      if (target.startsWith('.')) pending.push(resolve(dirname(file), target.replace(/\.js$/, '.d.ts')));
      else if (bareImports !== 'dependencies' && !bareImports.includes(target)) {
        throw new Error(`${relative(root, file)} imports '${target}', which the package does not depend on.`);
      }
    }
  }
  return reached;
}

/**
 * dist/react/index.mjs and dist/vue/index.mjs, ES modules that import React or Vue from the app (its own copy,
 * optional peers of the package) and the elements from `../host/tokenframe.mjs`, the module `import 'tokenframe'`
 * loads: an app using both gets one copy of each element class, so `createToken` recognizes either's elements.
 * Anything else of src/host would be a second copy, so it fails the build.
 */
async function buildFrameworkModules() {
  const host = join(root, 'src/host');
  const hostModule = {
    name: 'host-module',
    setup(build) {
      build.onResolve({ filter: /^\./ }, ({ path, resolveDir }) => {
        const target = resolve(resolveDir, path);
        if (target === host || target === join(host, 'index'))
          return { path: '../host/tokenframe.mjs', external: true };
        if (target.startsWith(`${host}/`)) throw new Error(`${path}: import the elements from src/host/index only.`);
        return undefined;
      });
    },
  };
  for (const framework of ['react', 'vue']) {
    await build({
      absWorkingDir: root,
      entryPoints: [`src/${framework}/index.ts`],
      outfile: `dist/${framework}/index.mjs`,
      bundle: true,
      format: 'esm',
      target: 'es2022',
      jsx: 'automatic',
      external: ['react', 'react/jsx-runtime', 'vue'],
      plugins: [hostModule],
      // Left readable: the app's bundler minifies it with the rest of the app.
      legalComments: 'none',
      logLevel: 'warning',
    });
  }
}

await buildFrameworkModules();

for (const { dir, copy, typeEntries, bareImports } of packages) {
  const target = join(root, dir);
  for (const path of ['dist', 'custom-elements.json', 'README.md']) {
    rmSync(join(target, path), { recursive: true, force: true });
  }
  for (const path of copy) cpSync(join(root, path), join(target, path), { recursive: true });
  for (const file of declarationsReachedFrom(typeEntries, bareImports)) {
    const copied = join(target, 'dist/types', relative(types, file));
    mkdirSync(dirname(copied), { recursive: true });
    cpSync(file, copied);
  }
}
