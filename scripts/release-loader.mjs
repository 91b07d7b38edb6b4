// The release step for the page loader: copies the loader just built
// (dist/host/loader/, see scripts/loader-manifest.ts) into releases/loaders/,
// which is committed. Every build serves every loader in that folder at its
// immutable URL, so a merchant page pinned to a released loader with
// `<script integrity>` keeps working after the service is upgraded.
// test/unit/loader-archive.test.ts checks each archived loader still speaks a
// protocol version the frames accept.
//
//   npm run build && node scripts/release-loader.mjs
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = `${root}dist/host/loader.json`;
if (!existsSync(manifest)) {
  console.error('No loader has been built: run `npm run build` first.');
  process.exit(1);
}
const { file } = JSON.parse(readFileSync(manifest, 'utf8'));
copyFileSync(`${root}dist/host/loader/${file}`, `${root}releases/loaders/${file}`);
console.log(`releases/loaders/${file}: served at /v1/loader/${file} by every later build`);
