// Installs npm dependencies when they are missing or when a package.json or
// package-lock.json changed since the last install. Runs before anything else
// in `npm start` and `npm test`, so it may use only Node's own modules.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const marker = `${root}node_modules/.tokenframe-installed`;

/** What `npm ci` installs from: package.json fields that name dependencies. A new script needs no install. */
const dependencyFields = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies', 'workspaces'];

/** package-lock.json, and the dependency fields of every package.json it was resolved from (root and workspaces). */
function manifestHash() {
  const hash = createHash('sha256');
  const { workspaces = [] } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
  if (existsSync(`${root}package-lock.json`)) hash.update(readFileSync(`${root}package-lock.json`));
  for (const file of ['package.json', ...workspaces.map((dir) => `${dir}/package.json`)]) {
    if (!existsSync(`${root}${file}`)) continue;
    const manifest = JSON.parse(readFileSync(`${root}${file}`, 'utf8'));
    hash.update(JSON.stringify(dependencyFields.map((field) => manifest[field] ?? null)));
  }
  return hash.digest('hex');
}

/** Whether node_modules holds what package-lock.json and the package.json files ask for. */
export function dependenciesInstalled() {
  return existsSync(marker) && readFileSync(marker, 'utf8') === manifestHash();
}

/** Records a finished install, for dependenciesInstalled(). */
export function markDependenciesInstalled() {
  writeFileSync(marker, manifestHash());
}

/**
 * The names of the installed packages with install scripts, as package-lock.json says, in two
 * groups: those that compile C/C++ (a binding.gyp: better-sqlite3, minutes) and the rest (esbuild
 * checking its binary, seconds). `npm test` runs `npm ci --ignore-scripts`, then `npm rebuild` of
 * the rest, then of the compiled ones alongside its first stages, which need no native module.
 */
export function packagesWithInstallScripts() {
  const { packages = {} } = JSON.parse(readFileSync(`${root}package-lock.json`, 'utf8'));
  const groups = { compiled: new Set(), other: new Set() };
  for (const [path, entry] of Object.entries(packages)) {
    if (!entry.hasInstallScript || !path.includes('node_modules/')) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    groups[existsSync(`${root}${path}/binding.gyp`) ? 'compiled' : 'other'].add(name);
  }
  return { compiled: [...groups.compiled], other: [...groups.other] };
}

export function ensureDependencies() {
  if (dependenciesInstalled()) return;
  console.log('Installing dependencies (better-sqlite3 compiles on first install, about 2 minutes) …');
  // `npm ci`, never `npm install`: it installs exactly what package-lock.json
  // says and never rewrites it, so `npm start` and `npm test` leave a clone as
  // they found it. A lock file that does not match package.json fails here, loudly.
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  markDependenciesInstalled();
}

if (import.meta.url === `file://${process.argv[1]}`) ensureDependencies();
