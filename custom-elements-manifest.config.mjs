// `cem analyze` (run by `npm run build`) writes custom-elements.json from the
// doc comments in src/host: `@attr` and `@event` on the classes, a one-line
// comment on each public property and method. The analyzer follows
// `extends TokenframeElement` itself, so every element lists the shared API.
// The README's element reference is rendered from the result (`npm run docs`).

/** `const elements = {'tokenframe-card': TokenframeCard, …}` → [['tokenframe-card', 'TokenframeCard'], …] */
function tagMap(ts, node) {
  const found = [];
  const visit = (child) => {
    if (ts.isObjectLiteralExpression(child)) {
      const entries = child.properties.map((property) =>
        ts.isPropertyAssignment(property) &&
        ts.isStringLiteral(property.name) &&
        property.name.text.includes('-') &&
        ts.isIdentifier(property.initializer)
          ? [property.name.text, property.initializer.text]
          : null,
      );
      if (entries.length > 0 && entries.every(Boolean)) found.push(...entries);
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/**
 * src/host/index.ts defines the elements in a loop over a tag → class map,
 * which the analyzer cannot follow (it records one definition named `tag`).
 * This reads the map and gives each class its tag name and a definition export.
 */
function tagNamesFromRegistry() {
  const tags = [];
  return {
    name: 'tokenframe-tag-names',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isSourceFile(node) && moduleDoc.path === 'src/host/index.ts') tags.push(...tagMap(ts, node));
    },
    packageLinkPhase({ customElementsManifest }) {
      const declarations = customElementsManifest.modules.flatMap((module) =>
        (module.declarations ?? []).map((declaration) => ({ module, declaration })),
      );
      const registry = customElementsManifest.modules.find((module) => module.path === 'src/host/index.ts');
      registry.exports = registry.exports.filter((entry) => entry.kind !== 'custom-element-definition');
      for (const [tagName, className] of tags) {
        const found = declarations.find(({ declaration }) => declaration.name === className);
        if (!found) throw new Error(`${tagName}: no class ${className} in src/host`);
        Object.assign(found.declaration, { tagName, customElement: true });
        registry.exports.push({
          kind: 'custom-element-definition',
          name: tagName,
          declaration: { name: className, module: found.module.path },
        });
      }
    },
  };
}

function firstOfEachName(items) {
  return items.filter((item, index) => items.findIndex((other) => other.name === item.name) === index);
}

/**
 * The manifest describes what a page author can use: what the package entry
 * (src/host/index.ts) exports, not the helpers behind it. Leave out private and
 * protected members, statics (`formAssociated`, `observedAttributes`) and
 * members marked `@internal` (the form-associated callbacks the platform
 * calls); and leave out events without an `@event` line: the analyzer also
 * reports `dispatchEvent(new CustomEvent(type))` in the generic `emit`
 * helper, as an event literally named "type".
 */
function publicApiOnly() {
  const isInternal = (member) => /@internal\b/.test(member.description ?? '') || member.privacy === 'internal';
  return {
    name: 'tokenframe-public-api',
    analyzePhase({ ts, node, moduleDoc }) {
      // The analyzer drops the `@internal` tag text; remember which members carried it.
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const declaration = moduleDoc.declarations?.find((entry) => entry.name === node.name.text);
      for (const member of node.members) {
        const tagged = ts.getJSDocTags(member).some((tag) => tag.tagName.text === 'internal');
        const name = member.name && ts.isIdentifier(member.name) ? member.name.text : undefined;
        const entry = declaration?.members?.find((candidate) => candidate.name === name);
        if (tagged && entry) entry.privacy = 'internal';
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const entry = customElementsManifest.modules.find((module) => module.path === 'src/host/index.ts');
      const exported = new Set(entry.exports.map((item) => item.name));
      customElementsManifest.modules = customElementsManifest.modules.filter((module) => {
        // TypeScript overloads (createToken's) come out once per signature: keep the first.
        module.declarations = firstOfEachName(module.declarations ?? []).filter((item) => exported.has(item.name));
        module.exports = firstOfEachName(module.exports ?? []).filter(
          (item) => module === entry || module.declarations.some((declaration) => declaration.name === item.name),
        );
        return module === entry || module.declarations.length > 0;
      });
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          declaration.members = declaration.members?.filter(
            (member) => !member.static && !member.privacy && !isInternal(member),
          );
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.description);
        }
      }
    },
  };
}

export default {
  globs: ['src/host/**/*.ts'],
  exclude: ['src/host/**/*.test.ts'],
  outdir: '.',
  // package.json already names the manifest (`customElements`); don't let the analyzer rewrite it.
  packagejson: false,
  plugins: [tagNamesFromRegistry(), publicApiOnly()],
};
