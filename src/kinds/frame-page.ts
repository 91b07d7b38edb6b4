import { elementKinds } from './element-kinds';
import { pageOf } from './kind-descriptor';

/**
 * The HTML of a kind's frame page, `/frame/v1/{page}.html`: the same for every
 * kind but for its entry script (`src/frame/pages/{page}.ts`), the form element
 * that script starts (`<tf-{page}-form>`) and the title it shows until the
 * frame names itself in the customer's language. The frame build generates one
 * per kind (vite.config.ts), so a new kind needs no page of its own.
 */
export function framePageHtml(page: string, title: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <script type="module" src="./pages/${page}.ts"></script>
  </head>
  <body>
    <tf-${page}-form></tf-${page}-form>
  </body>
</html>
`;
}

/** The pages generated from the kinds, by page name. */
export const kindPages: readonly string[] = elementKinds.map((kind): string => pageOf(kind));
