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
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const types = join(root, 'dist/types');

const packages = [
  {
    dir: 'packages/tokenframe',
    copy: ['dist/host', 'custom-elements.json', 'README.md'],
    typeEntries: ['host/index.d.ts', 'host/jsx.d.ts'],
    // Any other package its declarations import would be a dependency it must not have;
    // React's types are the React project's own (an optional peer, for tokenframe/jsx only).
    bareImports: ['react'],
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
