#!/usr/bin/env node
// The repository's `tokenframe` CLI: runs the TypeScript sources through tsx,
// so the service always runs the code as edited, with no build step to forget.
// The published CLI is packages/server/bin/tokenframe.js, on the compiled dist/node.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli.ts', import.meta.url).href);
