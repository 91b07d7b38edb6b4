// Emits the package's declarations (`tsc -p tsconfig.build.json`) to
// dist/types, then gives their relative imports the `.js` extensions Node's
// ESM resolution expects.
//
// The sources import without extensions (moduleResolution Bundler), and tsc
// copies specifiers into .d.ts files as written. A project that resolves like
// Node (`moduleResolution: NodeNext`) would fail to follow `'./elements'` and
// silently type the whole element API as `any`; `'./elements.js'` works
// under every resolution mode.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist/types');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(outDir, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
// Hand-written declarations are not emitted by tsc: the React JSX types (`tokenframe/jsx`) are copied as they are.
copyFileSync(join(root, 'src/host/jsx.d.ts'), join(outDir, 'host/jsx.d.ts'));

// `from './x'`, `import('./x')` and bare `import './x'` with a relative specifier; also `import(".")`, which tsc
// writes for a type the file does not import but its folder's index exports.
const relativeSpecifier = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g;

function withExtension(file, specifier) {
  if (/\.(m|c)?js$/.test(specifier)) return specifier;
  const target = resolve(dirname(file), specifier);
  if (existsSync(`${target}.d.ts`)) return `${specifier}.js`;
  if (existsSync(join(target, 'index.d.ts'))) return `${specifier}/index.js`;
  throw new Error(`${file}: cannot resolve ${specifier} among the emitted declarations.`);
}

for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  // `parentPath` is Node 20.12+; `path` is its older name.
  const file = join(entry.parentPath ?? entry.path, entry.name);
  const text = readFileSync(file, 'utf8');
  const fixed = text.replace(
    relativeSpecifier,
    (_match, lead, quote, specifier) => `${lead}${quote}${withExtension(file, specifier)}${quote}`,
  );
  if (fixed !== text) writeFileSync(file, fixed);
}
