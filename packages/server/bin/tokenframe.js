#!/usr/bin/env node
// The published CLI: the service compiled to dist/node, run by plain Node.
import '../dist/node/cli.js';
