// Compiles the service and the CLI to plain ES modules in dist/node, so the
// published package runs on Node alone (no tsx at run time).
//
// Bundled with esbuild rather than emitted file by file with tsc: the sources
// import without extensions (moduleResolution Bundler), which Node's ESM loader
// would not resolve. Every npm package stays external and is resolved from the
// installing project's node_modules, as the package's dependencies.
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/node`;

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { server: 'src/server/index.ts', cli: 'src/cli.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // Chunks must sit beside the entries, two levels below the package root:
  // src/server/app.ts finds dist/frame and dist/host through
  // `new URL('../../dist/…', import.meta.url)`, which holds from src/server/
  // and from dist/node/ alike, but not from a deeper chunks/ folder.
  chunkNames: '[name]-[hash]',
  // No source maps: the package ships no sources for them to point at.
  sourcemap: false,
  logLevel: 'warning',
});

// Each schema component reads its migrations from `new URL('./migrations/', import.meta.url)`:
// src/server/storage/ for the core schema, src/server/plaid/ for the Plaid sandbox,
// src/server/rate-limit/ for the rate-limit counters, src/server/forwarding/ for the
// forwarding destinations. In the bundle all resolve to
// dist/node/migrations/, so each component gets a folder of its name
// there, which src/server/storage/migrate.ts looks in when there is no engine folder.
for (const [component, folder] of [
  ['core', 'src/server/storage/migrations'],
  ['plaid', 'src/server/plaid/migrations'],
  ['rate-limit', 'src/server/rate-limit/migrations'],
  ['forwarding', 'src/server/forwarding/migrations'],
]) {
  cpSync(`${root}${folder}`, `${outdir}/migrations/${component}`, { recursive: true });
}
