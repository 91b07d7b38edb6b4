// Installs npm dependencies when they are missing or when package.json or
// package-lock.json changed since the last install. Runs before anything else
// in `npm start` and `npm test`, so it may use only Node's own modules.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const marker = `${root}node_modules/.tokenframe-installed`;

function manifestHash() {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) {
    if (existsSync(`${root}${file}`)) hash.update(readFileSync(`${root}${file}`));
  }
  return hash.digest('hex');
}

export function ensureDependencies() {
  if (existsSync(marker) && readFileSync(marker, 'utf8') === manifestHash()) return;
  console.log('Installing dependencies (better-sqlite3 compiles on first install, about 2 minutes) …');
  // `npm install` rather than `npm ci`: npm 11 leaves some optional platform
  // packages (rollup's) out of a lock file it wrote itself, and `npm ci` then refuses it.
  execSync('npm install --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  writeFileSync(marker, manifestHash());
}

if (import.meta.url === `file://${process.argv[1]}`) ensureDependencies();
