import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

interface Declaration {
  name: string;
  tagName?: string;
  attributes?: { name: string }[];
  events?: { name: string }[];
  members?: { name: string; privacy?: string }[];
}

function declarations(): Declaration[] {
  const path = `${root}custom-elements.json`;
  if (!existsSync(path)) throw new Error('custom-elements.json is missing: run npm run build first.');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { modules: { declarations?: Declaration[] }[] };
  return manifest.modules.flatMap((module) => module.declarations ?? []);
}

describe('custom-elements.json', () => {
  it('names the seven elements, each with the attributes, events and methods it inherits', () => {
    const elements = declarations().filter((declaration) => declaration.tagName);
    assert.deepEqual(elements.map((element) => element.tagName).sort(), [
      'tokenframe-bank-account',
      'tokenframe-card',
      'tokenframe-card-cvc',
      'tokenframe-card-expiry',
      'tokenframe-card-number',
      'tokenframe-cvc-update',
      'tokenframe-pii',
    ]);
    for (const element of elements) {
      const attributes = element.attributes?.map((attribute) => attribute.name) ?? [];
      for (const shared of ['key', 'origin', 'load-timeout', 'disabled']) assert.ok(attributes.includes(shared));
      assert.deepEqual(element.events?.map((event) => event.name).sort(), [
        'blur',
        'change',
        'escape',
        'focus',
        'loaderror',
        'ready',
      ]);
      const members = element.members?.map((member) => member.name) ?? [];
      for (const method of ['tokenize', 'focus', 'blur', 'clear', 'update', 'destroy'])
        assert.ok(members.includes(method));
      assert.deepEqual(
        element.members?.filter((member) => member.privacy),
        [],
        'private and protected members stay out of the manifest',
      );
    }
    const card = elements.find((element) => element.tagName === 'tokenframe-card');
    assert.ok(card?.attributes?.some((attribute) => attribute.name === 'hide-postal-code'));
    for (const tag of ['tokenframe-card-number', 'tokenframe-card-expiry', 'tokenframe-card-cvc']) {
      const split = elements.find((element) => element.tagName === tag);
      assert.ok(
        split?.attributes?.some((attribute) => attribute.name === 'group'),
        tag,
      );
    }
  });
});

describe('README element reference', () => {
  it('matches custom-elements.json (otherwise: npm run docs)', async () => {
    await run(process.execPath, ['scripts/readme-reference.mjs', '--check'], { cwd: root }).catch(
      (error: { stderr: string }) => assert.fail(error.stderr.trim()),
    );
  });
});

describe('README screenshots', () => {
  it('every picture the README shows exists (npm run screenshots writes them)', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+\.png)\)/g)].map((match) => match[1]);
    assert.ok(pictures.length >= 4, 'the README shows screenshots');
    for (const picture of pictures) assert.ok(existsSync(`${root}${picture}`), `${picture} is missing`);
  });
});
