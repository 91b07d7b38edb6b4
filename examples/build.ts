import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Builds the React and Vue examples into examples/{react,vue}/dist: `node --import tsx examples/build.ts`. */
for (const example of ['react', 'vue']) {
  await build({ configFile: fileURLToPath(new URL(`${example}/vite.config.ts`, import.meta.url)) });
}
