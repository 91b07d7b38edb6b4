import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { framePages } from './src/protocol/messages';

/**
 * Two builds from one config:
 * - `vite build`             the frame app (Lit), hashed assets under dist/frame, served at /frame/v1/
 * - `vite build --mode host` the host loader, one IIFE file (`<script src>`) and one ES module
 */
export default defineConfig(({ mode }) => {
  if (mode === 'host') {
    return {
      build: {
        outDir: 'dist/host',
        emptyOutDir: true,
        sourcemap: true,
        target: 'es2020',
        lib: {
          entry: resolve(import.meta.dirname, 'src/host/index.ts'),
          name: 'tokenframe',
          formats: ['iife', 'es'],
          fileName: (format) => (format === 'iife' ? 'tokenframe.js' : 'tokenframe.mjs'),
        },
      },
    };
  }
  return {
    root: resolve(import.meta.dirname, 'src/frame'),
    base: '/frame/v1/',
    build: {
      outDir: resolve(import.meta.dirname, 'dist/frame'),
      emptyOutDir: true,
      target: 'es2020',
      // The frame's CSP forbids inline scripts and styles: keep everything in files.
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
      rollupOptions: {
        input: Object.fromEntries(
          framePages.map((page) => [page, resolve(import.meta.dirname, `src/frame/${page}.html`)]),
        ),
      },
    },
  };
});
