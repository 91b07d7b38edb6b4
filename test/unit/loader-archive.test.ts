import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SUPPORTED_HOST_VERSIONS } from '../../src/protocol/messages';
import { loaderFileName } from '../../src/server/routes/loader-file';

const root = fileURLToPath(new URL('../..', import.meta.url));
const archive = `${root}releases/loaders`;
const released = readdirSync(archive).filter((file) => file.endsWith('.js'));

/** The protocol version a built loader speaks: the `tf` of the `init` it posts. */
function protocolOf(script: string): number {
  const found = /\btf:(\d+),type:`init`/.exec(script);
  assert.ok(found, 'the loader posts no recognisable init message');
  return Number(found[1]);
}

describe('released loaders (releases/loaders)', () => {
  it('holds at least the first release', () => {
    assert.ok(released.length > 0);
  });

  for (const file of released) {
    it(`${file}: its name matches its bytes, and the frames still accept its protocol`, () => {
      const script = readFileSync(`${archive}/${file}`);
      const version = /^tokenframe-(.+)-[0-9a-f]{16}\.js$/.exec(file)?.[1];
      assert.ok(version, `${file} is not named tokenframe-{version}-{hash}.js`);
      assert.equal(loaderFileName(version, script), file);
      assert.ok(SUPPORTED_HOST_VERSIONS.includes(protocolOf(script.toString('utf8'))));
    });
  }

  it('every build serves each of them beside its own loader', () => {
    assert.ok(existsSync(`${root}dist/host/loader`), 'run npm run build first');
    const served = readdirSync(`${root}dist/host/loader`);
    for (const file of released) assert.ok(served.includes(file), `${file} is not in dist/host/loader`);
  });
});
