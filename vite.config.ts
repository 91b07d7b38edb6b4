import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { minify_sync } from 'terser';
import { defineConfig, type Plugin } from 'vite';
import { loaderManifestPlugin } from './scripts/loader-manifest';
import en from './src/frame/i18n/en';
import { framePageHtml, kindPages } from './src/kinds/frame-page';
import { framePages } from './src/protocol/messages';

const repositoryRoot = import.meta.dirname;
const frameRoot = resolve(repositoryRoot, 'src/frame');
const { version } = JSON.parse(readFileSync(resolve(repositoryRoot, 'packages/tokenframe/package.json'), 'utf8'));

/**
 * Each element kind's frame page, generated from its descriptor rather than
 * kept as a file (`src/frame/{page}.html` does not exist): Vite asks for the
 * page, this answers with its HTML, and Vite builds it like any other.
 */
function kindPagesPlugin(): Plugin {
  const pageOfId = (id: string) => kindPages.find((page) => id === resolve(frameRoot, `${page}.html`));
  return {
    name: 'tokenframe-kind-pages',
    resolveId: (id) => (pageOfId(id) ? id : null),
    load(id) {
      const page = pageOfId(id);
      return page ? framePageHtml(page, en.titles[page as keyof typeof en.titles]) : null;
    },
  };
}

/**
 * A `.br` and a `.gz` beside every script and stylesheet, compressed once at
 * their best level, so the service sends them compressed without compressing
 * anything per request (`preCompressed` in routes/frames.ts and loader.ts).
 */
function precompressPlugin(): Plugin {
  return {
    name: 'tokenframe-precompress',
    writeBundle(output, bundle) {
      for (const file of Object.keys(bundle).filter((name) => /\.(js|css)$/.test(name))) {
        const path = resolve(output.dir!, file);
        const bytes = readFileSync(path);
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
        writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

/**
 * Vite wraps each dynamic `import()` in a helper that first preloads the
 * imported chunk's own imports and stylesheets: 0.8 kB gzipped on every frame
 * page. The frame's dynamic imports, the language list and each language's
 * catalog, import nothing the page has not loaded already, so the helper
 * would have nothing to preload; this one just imports.
 * The build fails if a dynamic import ever gains something to preload.
 */
function plainDynamicImportPlugin(): Plugin {
  const helperId = '\0vite/preload-helper.js';
  return {
    name: 'tokenframe-plain-dynamic-import',
    enforce: 'pre',
    resolveId: (id) => (id === helperId ? id : null),
    load: (id) => (id === helperId ? 'export const __vitePreload = (load) => load();' : null),
    // After every plugin's generateBundle, when Vite has written each import's list of files to preload.
    writeBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.code.includes('__vite__mapDeps')) {
          this.error(`${chunk.fileName}: a dynamic import now has files to preload; remove plainDynamicImportPlugin`);
        }
      }
    },
  };
}

/**
 * The frame's Lit stylesheets (`` css`…` `` in src/frame) without their
 * comments and indentation: every frame page downloads and parses them.
 * Only whitespace that CSS ignores goes (around braces, semicolons, colons
 * after a property, commas); a space before a colon stays, as `.a :hover`
 * and `.a:hover` differ.
 */
function minifyLitCssPlugin(): Plugin {
  const minify = (cssText: string) =>
    cssText
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .trim();
  return {
    name: 'tokenframe-minify-lit-css',
    transform(code, id) {
      if (!id.startsWith(frameRoot) || !id.endsWith('.ts') || !code.includes('css`')) return null;
      return code.replace(/css`([^`$]*)`/g, (_, cssText: string) => `css\`${minify(cssText)}\``);
    },
  };
}

/**
 * Short names for the host loader's own properties in the IIFE, the file every
 * merchant page downloads: the minifier already shortens variables and
 * `#private` fields, but not properties one module reads on another's object
 * (`participation`, `updateValidity`, a descriptor's `cardField`…), so the
 * sources keep their readable names and the page gets one-letter ones.
 * Only names listed here change, everywhere in the file, so each must be one
 * nothing outside the loader reads and the loader reads on nothing else: not
 * the public element API, not a property the loader uses on a DOM or browser
 * object, not a field of a message to or from the frame
 * (`src/protocol/messages.ts`; one written quoted, as `create-token`'s `kind`, keeps its name).
 * The ES module build keeps every name, as
 * bundlers and subclasses see its objects.
 */
function mangleHostInternalsPlugin(): Plugin {
  const internal = [
    // kind descriptors (src/kinds)
    ...['tag', 'attributes', 'flags', 'objects', 'field', 'cardField', 'rows'],
    // the element and its collaborators (src/host)
    ...['kind', 'participation', 'optionAttributes', 'frameOptions', 'cardGroup', 'member', 'place', 'refreshValidity'],
    ...['element', 'internals', 'anchor', 'incompleteMessage', 'needsToken'],
    ...['dropToken', 'tokenizeForSubmit', 'updateValidity', 'onChange', 'reset', 'card'],
    // the frame connection and its configuration
    ...['config', 'iframe', 'send', 'page', 'settings', 'readyTimeout', 'onMessage', 'onUnavailable'],
  ];
  return {
    name: 'tokenframe-mangle-host-internals',
    outputOptions: (output) =>
      output.format === 'iife'
        ? {
            ...output,
            minify: { compress: true, mangle: true, mangleProps: { include: new RegExp(`^(${internal.join('|')})$`) } },
            // The map is written beside the file but not named in it: the service serves the script, never its map
            // (every merchant page's devtools would ask for it and get a 404), and the name costs every page 27 bytes.
            sourcemap: 'hidden',
          }
        : null,
  };
}

/**
 * A second, slower minifier over the loader IIFE, after Vite's own: terser's
 * repeated passes fold what one pass leaves (conditionals it made, arrow
 * bodies, repeated property reads), about 1 % of the gzipped file that every
 * merchant page downloads. Its map continues the first one, so the hidden
 * source map still leads to the sources.
 */
function terserLoaderPlugin(): Plugin {
  return {
    name: 'tokenframe-terser-loader',
    // On the written files, before the plugins after this one read them (integrity, compression): a map changed
    // in generateBundle would not be the one written. Synchronous, so it is done when they start.
    writeBundle(output, bundle) {
      if (output.format !== 'iife') return;
      for (const file of Object.keys(bundle).filter((name) => name.endsWith('.js'))) {
        const path = resolve(output.dir!, file);
        const result = minify_sync(readFileSync(path, 'utf8'), {
          ecma: 2020,
          compress: { passes: 3, unsafe: true, unsafe_arrows: true, unsafe_methods: true, pure_getters: true },
          sourceMap: { content: readFileSync(`${path}.map`, 'utf8'), includeSources: true },
        });
        writeFileSync(path, result.code!);
        writeFileSync(`${path}.map`, result.map as string);
      }
    },
  };
}

/**
 * Two builds from one config:
 * - `vite build`             the frame app (Lit), hashed assets under dist/frame, served at /frame/v1/
 * - `vite build --mode host` the host loader, one IIFE file (`<script src>`) and one ES module
 */
export default defineConfig(({ mode }) => {
  if (mode === 'host') {
    return {
      plugins: [mangleHostInternalsPlugin(), terserLoaderPlugin(), loaderManifestPlugin(version), precompressPlugin()],
      build: {
        outDir: 'dist/host',
        emptyOutDir: true,
        sourcemap: true,
        target: 'es2022',
        lib: {
          entry: resolve(import.meta.dirname, 'src/host/index.ts'),
          name: 'tokenframe',
          formats: ['iife', 'es'],
          fileName: (format) => (format === 'iife' ? 'tokenframe.js' : 'tokenframe.mjs'),
        },
        rollupOptions: {
          output: {
            // Source paths relative to the repository, not to the output folder: a build into
            // another folder or from another checkout gives the same maps, byte for byte.
            sourcemapPathTransform: (source, map) => relative(repositoryRoot, resolve(dirname(map), source)),
            // No Symbol.toStringTag on the `tokenframe` global: nothing reads it, and every page would download it.
            generatedCode: { symbols: false },
          },
        },
      },
    };
  }
  return {
    root: frameRoot,
    plugins: [kindPagesPlugin(), plainDynamicImportPlugin(), minifyLitCssPlugin(), precompressPlugin()],
    base: '/frame/v1/',
    build: {
      outDir: resolve(import.meta.dirname, 'dist/frame'),
      emptyOutDir: true,
      target: 'es2020',
      // The frame's CSP forbids inline scripts and styles: keep everything in files.
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
      rollupOptions: {
        input: Object.fromEntries(framePages.map((page) => [page, resolve(frameRoot, `${page}.html`)])),
        output: {
          // The card inputs, card messages and brand icons go to the same pages (card and split card): one
          // request and one chunk instead of two tiny ones.
          codeSplitting: {
            groups: [
              {
                name: 'card-fields',
                test: /\/(card-inputs|card-messages|brand-icons)\.ts$/,
                includeDependenciesRecursively: false,
              },
            ],
          },
        },
      },
    },
  };
});
