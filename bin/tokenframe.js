#!/usr/bin/env node
// In a checkout of the repository (src/ is there), runs the TypeScript CLI
// through tsx, so the service always runs the code as edited, with no build
// step to forget. The published package has no src/: it runs the compiled
// dist/node/cli.js, and needs nothing but Node and its dependencies.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import('../dist/node/cli.js');
}
