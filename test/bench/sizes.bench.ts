// Benchmark: what a page and a card customer download, gzipped, from the build
// output (dist/, `npm run build`). The baselines are the goals themselves, so
// a ratio at or under 1 is a goal met. Run: `node --import tsx test/bench/sizes.bench.ts [--json rows.json]`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ceilingGoal, reportRows } from './bench-rows';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Gzipped kB (1000 bytes, as size-limit counts) of each file on its own, added up: each is its own request. */
function gzippedKb(files: string[]): number {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0) / 1000;
}

/** Every script, preload and stylesheet the card page names: what its first load fetches. */
function cardPageFiles(): string[] {
  const html = readFileSync(`${dist}frame/card.html`, 'utf8');
  const urls = [...html.matchAll(/(?:src|href)="\/frame\/v1\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return [...new Set(urls)].map((url) => `${dist}frame/${url}`);
}

const loaderGoal = 6;
const cardGoal = 20;
reportRows([
  ceilingGoal('host loader IIFE, gzipped', gzippedKb([`${dist}host/tokenframe.js`]), loaderGoal, 'kB', loaderGoal),
  ceilingGoal('card page download (English), gzipped', gzippedKb(cardPageFiles()), cardGoal, 'kB', cardGoal),
]);
