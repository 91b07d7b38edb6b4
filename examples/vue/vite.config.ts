import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

/**
 * `vite build --config examples/vue/vite.config.ts` → examples/vue/dist.
 * `tokenframe/vue` is the workspace package (packages/tokenframe, filled by
 * `npm run build`), resolved as in an app that ran `npm install tokenframe`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue()],
  build: { outDir: 'dist', emptyOutDir: true },
  logLevel: 'warn',
});
