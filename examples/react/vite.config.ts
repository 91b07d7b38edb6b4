import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * `vite build --config examples/react/vite.config.ts` → examples/react/dist.
 * `tokenframe/react` is the workspace package (packages/tokenframe, filled by
 * `npm run build`), resolved as in an app that ran `npm install tokenframe`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  logLevel: 'warn',
});
