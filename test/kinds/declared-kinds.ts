import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { KindDeclarations } from './check-kinds';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The property names of every interface called `name` in a TypeScript file. */
function interfaceKeys(path: string, name: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(`${root}${path}`, 'utf8'), ts.ScriptTarget.Latest);
  const keys: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === name) {
      for (const member of node.members) {
        if (member.name && (ts.isStringLiteral(member.name) || ts.isIdentifier(member.name))) {
          keys.push(member.name.text);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return keys;
}

interface Manifest {
  modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[];
}

/** What the repository declares by hand about its kinds; custom-elements.json comes from `npm run build`. */
export function declaredKinds(): KindDeclarations {
  const manifestPath = `${root}custom-elements.json`;
  if (!existsSync(manifestPath)) throw new Error('custom-elements.json is missing: run npm run build first.');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((item) => item.tagName);
  return {
    tagNameMap: interfaceKeys('src/host/index.ts', 'HTMLElementTagNameMap'),
    jsxTags: interfaceKeys('src/host/jsx.d.ts', 'IntrinsicElements'),
    manifest: Object.fromEntries(
      elements.map((element) => [element.tagName, element.attributes?.map((attribute) => attribute.name) ?? []]),
    ),
    // The page itself is generated from the kind; its entry script must start the form the page holds.
    framePages: readdirSync(`${root}src/frame/pages`)
      .map((file) => file.slice(0, -'.ts'.length))
      .filter((page) => readFileSync(`${root}src/frame/pages/${page}.ts`, 'utf8').includes(`'tf-${page}-form'`)),
  };
}
