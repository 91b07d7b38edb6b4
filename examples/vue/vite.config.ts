import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

/**
 * `vite build --config examples/vue/vite.config.ts` → examples/vue/dist.
 * In an app of your own, `npm install tokenframe` and drop the alias: it
 * points `import 'tokenframe'` at this repository's sources instead.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    vue({
      // <tokenframe-card> and friends are custom elements, not Vue components.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('tokenframe-') } },
    }),
  ],
  resolve: { alias: { tokenframe: fileURLToPath(new URL('../../src/host/index.ts', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true },
  logLevel: 'warn',
});
