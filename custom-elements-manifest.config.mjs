// `cem analyze` (run by `npm run build`) writes custom-elements.json from the
// doc comments in src/host: `@tagname`, `@attr` and `@event` on the classes, a
// one-line comment on each public property and method. The analyzer follows
// `extends TokenframeElement` itself, so every element lists the shared API.
// The README's element reference is rendered from the result (`npm run docs`).
// The analyzer itself leaves out members marked `@internal`.

function firstOfEachName(items) {
  return items.filter((item, index) => items.findIndex((other) => other.name === item.name) === index);
}

/**
 * The manifest describes what a page author can use: what the package entry
 * (src/host/index.ts) exports, not the helpers behind it. Leave out private and
 * protected members and statics (`formAssociated`, `observedAttributes`);
 * leave out events without an `@event` line (the analyzer also reports
 * `dispatchEvent(new CustomEvent(type))` in the generic `emit` helper, as an
 * event literally named "type"); and leave out the definition the analyzer
 * guesses from the define loop in index.ts (`@tagname` on each class names
 * its tag).
 */
function publicApiOnly() {
  return {
    name: 'tokenframe-public-api',
    packageLinkPhase({ customElementsManifest }) {
      const entry = customElementsManifest.modules.find((module) => module.path === 'src/host/index.ts');
      const exported = new Set(entry.exports.map((item) => item.name));
      customElementsManifest.modules = customElementsManifest.modules.filter((module) => {
        // TypeScript overloads (createToken's) come out once per signature: keep the first.
        module.declarations = firstOfEachName(module.declarations ?? []).filter((item) => exported.has(item.name));
        module.exports = firstOfEachName(module.exports ?? []).filter((item) =>
          module === entry
            ? item.kind !== 'custom-element-definition'
            : module.declarations.some((declaration) => declaration.name === item.name),
        );
        return module === entry || module.declarations.length > 0;
      });
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          declaration.members = declaration.members?.filter((member) => !member.static && !member.privacy);
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
  plugins: [publicApiOnly()],
};
