import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
// @ts-expect-error plain ESM helper without types
import { chromiumArgs, ensureChromium } from './scripts/chromium.mjs';

/**
 * End to end: the real service on 127.0.0.1 and the real demo merchant on
 * localhost (two origins), on ports of their own so `npm start` can keep
 * running. Workers inherit E2E_DIR from this process, so all share one run.
 */
// TF_PORT_OFFSET moves every port, so two checkouts can run their e2e suites side by side.
const offset = Number(process.env.TF_PORT_OFFSET ?? 0);
export const servicePort = 4343 + offset;
export const shopPort = 5273 + offset;
/** The demo's card processor (demo/processor-stub.ts), a forwarding destination on an origin of its own. */
export const processorPort = 4344 + offset;
const processorUrl = `http://127.0.0.1:${processorPort}/v1/payments`;
/** The framework examples (examples/server.ts), each on a localhost origin of its own. */
export const examplePorts = { plain: 5301 + offset, react: 5302 + offset, vue: 5303 + offset };
const exampleOrigins = Object.values(examplePorts).map((port) => `--allowed-origin http://localhost:${port}`);
/** The service from its sources, or under `npm test` from the build it has just made (see test/support/cli.ts). */
const serviceCli = process.env.TOKENFRAME_TEST_CLI || 'bin/tokenframe.js';
process.env.E2E_DIR ??= mkdtempSync(join(tmpdir(), 'tokenframe-e2e-'));
const dir = process.env.E2E_DIR;

export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  timeout: 60_000,
  reporter: 'list',
  // Stored screenshots for the visual tests (test/e2e/visual.spec.ts), one name per picture.
  snapshotPathTemplate: '{testDir}/__screenshots__/{arg}{ext}',
  // Tight: a field shifted by a few pixels, or a fill changed from white to light grey, must fail.
  expect: { toHaveScreenshot: { threshold: 0.05, maxDiffPixelRatio: 0.002, animations: 'disabled', caret: 'hide' } },
  use: {
    baseURL: `http://localhost:${shopPort}`,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? ensureChromium(), args: chromiumArgs },
  },
  webServer: [
    {
      command: `node ${serviceCli} serve --dev --port ${servicePort} --data-dir ${dir}/data --allowed-origin http://localhost:${shopPort} ${exampleOrigins.join(' ')} > ${dir}/service.log 2>&1`,
      url: `http://127.0.0.1:${servicePort}/v1/tokenframe.js`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // Once the service has made the development account: its destination, then the processor it names.
      command: `node --import tsx demo/register-processor.ts --url ${processorUrl} --data-dir ${dir}/data && node --import tsx demo/processor-stub.ts --port ${processorPort} --received-log ${dir}/processor.log`,
      url: `http://127.0.0.1:${processorPort}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node --import tsx demo/main.ts --port ${shopPort} --service http://127.0.0.1:${servicePort} --processor ${processorUrl} --data-dir ${dir}/data --request-log ${dir}/merchant.log`,
      url: `http://localhost:${shopPort}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // Builds the React and Vue examples with Vite, then serves all three.
      command: `node --import tsx examples/build.ts && node --import tsx examples/server.ts --service http://127.0.0.1:${servicePort} --data-dir ${dir}/data --request-log ${dir}/examples.log --plain-port ${examplePorts.plain} --react-port ${examplePorts.react} --vue-port ${examplePorts.vue}`,
      url: `http://localhost:${examplePorts.vue}/`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
