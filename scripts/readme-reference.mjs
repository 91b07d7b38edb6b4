// `npm run docs`: renders the element reference in README.md (between the
// element-reference markers) from custom-elements.json, which `npm run build`
// generates from the doc comments in src/host. So the README cannot drift
// from the code: change the doc comment, not the README.
//
// `node scripts/readme-reference.mjs --check` only compares, and fails when
// the README is out of date (test/package/readme-reference.test.ts runs it).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';

const root = fileURLToPath(new URL('..', import.meta.url));
const readmePath = `${root}README.md`;
const manifestPath = `${root}custom-elements.json`;
const start = '<!-- element-reference:start -->';
const end = '<!-- element-reference:end -->';

/** Table cells are one line, and a `|` inside one (as in `{token} | {error}`) would end the cell. */
const cell = (text = '') => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const code = (text) => `\`${text}\``;

function table(header, rows) {
  if (rows.length === 0) return '';
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`]
    .concat(rows.map((row) => `| ${row.map(cell).join(' | ')} |`))
    .join('\n');
}

function signature(method) {
  const parameters = (method.parameters ?? []).map(
    (parameter) =>
      `${parameter.name}${parameter.optional || parameter.default !== undefined ? '?' : ''}` +
      (parameter.type ? `: ${parameter.type.text}` : ''),
  );
  return `${method.name}(${parameters.join(', ')})${method.return?.type ? `: ${method.return.type.text}` : ''}`;
}

/** One heading and table per kind of API, for the items that are present. */
function apiTables(api) {
  const fields = api.members.filter((member) => member.kind === 'field');
  const methods = api.members.filter((member) => member.kind === 'method');
  const sections = [
    ['Attributes', ['attribute', 'description'], api.attributes.map((a) => [code(a.name), a.description])],
    [
      'Properties',
      ['property', 'type', 'description'],
      fields.map((f) => [
        code(f.name),
        f.type ? code(f.type.text) : '',
        `${f.readonly ? 'Read-only. ' : ''}${f.description ?? ''}`,
      ]),
    ],
    ['Methods', ['method', 'description'], methods.map((m) => [code(signature(m)), m.description])],
    ['Events', ['event', 'description'], api.events.map((e) => [code(e.name), e.description])],
    [
      'CSS custom properties',
      ['property', 'description'],
      api.cssProperties.map((p) => [
        code(p.name),
        `${p.description ?? ''}${p.default ? ` (default ${code(p.default)})` : ''}`,
      ]),
    ],
    ['CSS parts', ['part', 'description'], api.cssParts.map((p) => [code(p.name), p.description])],
    ['Slots', ['slot', 'description'], api.slots.map((s) => [code(s.name || '(default)'), s.description])],
  ];
  return sections
    .filter(([, , rows]) => rows.length > 0)
    .map(([title, header, rows]) => `**${title}**\n\n${table(header, rows)}`)
    .join('\n\n');
}

/** A declaration's API, split into what it declares itself and what it inherits. */
function split(declaration, inherited) {
  const pick = (key) => (declaration[key] ?? []).filter((item) => Boolean(item.inheritedFrom) === inherited);
  return {
    attributes: pick('attributes'),
    members: pick('members'),
    events: pick('events'),
    cssProperties: pick('cssProperties'),
    cssParts: pick('cssParts'),
    slots: pick('slots'),
  };
}

/**
 * Markdown for every element with a tag name: the API the elements share
 * (their common superclass) once, then what each element adds.
 */
export function renderReference(manifest) {
  const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
  const elements = declarations.filter((declaration) => declaration.tagName);
  const parts = [
    '<!-- Generated from custom-elements.json by `npm run docs`: edit the doc comments in src/host, not this section. -->',
  ];
  const bases = [...new Set(elements.map((element) => element.superclass?.name))];
  for (const baseName of bases) {
    const base = declarations.find((declaration) => declaration.name === baseName);
    if (!base) continue;
    const tags = elements.filter((element) => element.superclass?.name === baseName).map((e) => code(`<${e.tagName}>`));
    parts.push(`### Every element (${tags.join(', ')})`, base.description ?? '', apiTables(split(base, false)));
  }
  for (const element of elements) {
    parts.push(`### ${code(`<${element.tagName}>`)}`, element.description ?? '', apiTables(split(element, false)));
  }
  return parts.filter(Boolean).join('\n\n');
}

/** The README with the section between the markers replaced, formatted as `prettier --check` expects. */
export async function updateReadme(readme, manifest) {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to < from) throw new Error(`README.md needs the markers ${start} and ${end}.`);
  const updated = `${readme.slice(0, from + start.length)}\n\n${renderReference(manifest)}\n\n${readme.slice(to)}`;
  const options = await prettier.resolveConfig(readmePath);
  return prettier.format(updated, { ...options, filepath: readmePath });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(manifestPath)) {
    console.error('custom-elements.json is missing: run npm run build first.');
    process.exit(1);
  }
  const readme = readFileSync(readmePath, 'utf8');
  const updated = await updateReadme(readme, JSON.parse(readFileSync(manifestPath, 'utf8')));
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error("README.md's element reference does not match custom-elements.json: run npm run docs.");
      process.exit(1);
    }
  } else if (updated !== readme) {
    writeFileSync(readmePath, updated);
    console.log('README.md: element reference updated.');
  }
}
