import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * `vite build --config examples/react/vite.config.ts` → examples/react/dist.
 * In an app of your own, `npm install tokenframe` and drop the alias: it
 * points `import 'tokenframe'` at this repository's sources instead.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: { alias: { tokenframe: fileURLToPath(new URL('../../src/host/index.ts', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true },
  logLevel: 'warn',
});
