// Browser tests: real Chromium (Debian's), TypeScript served through esbuild
// (the host code has no CommonJS dependency; the frame, which has one, is
// built by Vite and served by the service itself), and a real tokenization service on 127.0.0.1 — a different origin from the
// test page on localhost, so the iframe is truly cross-origin.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, ensureChromium } from './scripts/chromium.mjs';
import { frameCommandsPlugin } from './test/browser/frame-commands.mjs';
import { inputCommandsPlugin } from './test/browser/input-commands.mjs';

let service;

/** Starts the service once the test server's origin is known, and tells the tests where it is. */
const servicePlugin = {
  name: 'tokenization-service',
  async serverStart({ config }) {
    const { startTestService } = await import('./test/server/helpers.ts');
    service = await startTestService({ allowedOrigins: [`http://${config.hostname}:${config.port}`] });
  },
  async serverStop() {
    await service?.close();
  },
  async executeCommand({ command, payload }) {
    if (command === 'service-env') return { url: service.url, publishableKey: service.publishableKey };
    // A key pair of its own, for tests that revoke a key under a loaded frame.
    if (command === 'create-key-pair') {
      const { createKeyPair, keyIdFor } = await import('./src/server/keys.ts');
      const pair = await createKeyPair(service.service.stores.keys, payload.origins, service.service.app.clock);
      return { publishableKey: pair.publishableKey, keyId: keyIdFor(pair.publishableKey) };
    }
    if (command === 'revoke-key')
      return service.service.stores.keys.revokeApiKey(payload.keyId, service.service.app.clock.now());
    return undefined;
  },
};

export default {
  files: 'test/browser/**/*.test.ts',
  hostname: 'localhost',
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 120_000,
  testFramework: { config: { timeout: 20_000 } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? ensureChromium(), args: chromiumArgs },
    }),
  ],
  // Fonts load in CORS mode: the frame (on the service's origin) may load test/browser/fixtures/ fonts from this one.
  middleware: [
    (context, next) => {
      if (context.path.startsWith('/test/browser/fixtures/')) context.set('Access-Control-Allow-Origin', '*');
      return next();
    },
  ],
  plugins: [
    servicePlugin,
    frameCommandsPlugin(),
    inputCommandsPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
  ],
};
