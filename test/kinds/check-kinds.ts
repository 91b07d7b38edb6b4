import { attributeOf, pageOf, type KindDescriptor } from '../../src/kinds/kind-descriptor';

/** What the repository declares by hand about the element kinds, as found in its files. */
export interface KindDeclarations {
  /** The tags `HTMLElementTagNameMap` names (src/host/index.ts). */
  tagNameMap: string[];
  /** The tags `JSX.IntrinsicElements` names (src/host/jsx.d.ts). */
  jsxTags: string[];
  /** Each tag in custom-elements.json with its attributes (from `@tagname` and `@attr`). */
  manifest: Record<string, string[]>;
  /** The frame pages with an entry script that starts their form (`src/frame/pages/{page}.ts`). */
  framePages: string[];
}

/**
 * What is missing for each kind among the things that cannot be derived from
 * its descriptor: one line per problem, empty when every kind is complete.
 */
export function checkKinds(descriptors: readonly KindDescriptor[], found: KindDeclarations): string[] {
  const problems: string[] = [];
  for (const kind of descriptors) {
    const { tag } = kind;
    const page = pageOf(kind);
    if (!found.tagNameMap.includes(tag)) problems.push(`${tag}: not in HTMLElementTagNameMap (src/host/index.ts)`);
    if (!found.jsxTags.includes(tag)) problems.push(`${tag}: not in JSX.IntrinsicElements (src/host/jsx.d.ts)`);
    const documented = found.manifest[tag];
    if (!documented) {
      problems.push(`${tag}: no class with @tagname ${tag} in custom-elements.json`);
    } else {
      const own = [kind.attributes, kind.flags, kind.objects].flatMap((options = []) => options.map(attributeOf));
      for (const attribute of own.filter((name) => !documented.includes(name))) {
        problems.push(`${tag}: attribute ${attribute} has no @attr line in its class's doc comment`);
      }
    }
    if (!found.framePages.includes(page))
      problems.push(`${tag}: no frame entry script src/frame/pages/${page}.ts starting <tf-${page}-form>`);
  }
  const tags = new Set<string>(descriptors.map((kind) => kind.tag));
  for (const tag of found.tagNameMap.filter((name) => !tags.has(name))) {
    problems.push(`${tag}: in HTMLElementTagNameMap but no kind describes it`);
  }
  return problems;
}
