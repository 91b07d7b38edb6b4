// Same source, same bytes: a merchant page pins the loader by its integrity
// value, so two builds of one commit must agree to the byte, wherever they
// are written. Builds the loader and the frame app once more, into an out dir
// at another depth than the repository's dist/ (a path leaking into the
// output, as source maps relative to the out dir would do, shows up as a
// difference), and compares every file with what `npm run build` put in dist/.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const vite = join(root, 'node_modules/vite/bin/vite.js');

async function build(outDir: string) {
  await run(process.execPath, [vite, 'build', '--mode', 'host', '--outDir', join(outDir, 'host'), '--emptyOutDir'], {
    cwd: root,
  });
  await run(process.execPath, [vite, 'build', '--outDir', join(outDir, 'frame'), '--emptyOutDir'], { cwd: root });
}

/** Every file of the build under `dir` (its host/ and frame/), by its path inside `dir`, with the SHA-256 of its bytes. */
async function fileHashes(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  const entries = [
    ...(await readdir(join(dir, 'host'), { recursive: true, withFileTypes: true })),
    ...(await readdir(join(dir, 'frame'), { recursive: true, withFileTypes: true })),
  ];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes[relative(dir, path)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return hashes;
}

let scratch: string;
/** `npm run build`'s dist/ (test/package runs after the build, as pack.test.ts does). */
const first = join(root, 'dist');
let second: string;
before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'tokenframe-builds-'));
  second = join(scratch, 'second/one/level/deeper');
  await build(second);
});
after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('the build is deterministic', () => {
  it('gives the same files with the same bytes twice', async () => {
    const [a, b] = [await fileHashes(first), await fileHashes(second)];
    assert.ok(a['host/tokenframe.js'] && a['frame/card.html'], 'both builds ran');
    assert.deepEqual(b, a);
  });

  it('writes no path of the machine it ran on into any file', async () => {
    for (const build of [first, second]) {
      for (const file of Object.keys(await fileHashes(build))) {
        const text = await readFile(join(build, file), 'utf8');
        assert.ok(!text.includes(root) && !text.includes(scratch), `${file} holds an absolute path`);
      }
    }
  });

  it('publishes the loader at its versioned name with the integrity of its bytes', async () => {
    const manifest = JSON.parse(await readFile(join(first, 'host/loader.json'), 'utf8'));
    const { version } = JSON.parse(await readFile(join(root, 'packages/tokenframe/package.json'), 'utf8'));
    const loader = await readFile(join(first, 'host/tokenframe.js'));
    const sha384 = createHash('sha384').update(loader);
    assert.deepEqual(manifest, {
      version,
      file: `tokenframe-${version}-${sha384.copy().digest('hex').slice(0, 16)}.js`,
      integrity: `sha384-${sha384.digest('base64')}`,
    });
    assert.deepEqual(await readFile(join(first, 'host/loader', manifest.file)), loader);
  });
});
