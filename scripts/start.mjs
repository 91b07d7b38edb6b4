// `npm start`: installs what is missing, builds the frame and the loader,
// starts the tokenization service, the demo's card processor stub and the
// demo shop, prints what to open. Ctrl-C stops them all.
import { execFileSync, execSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ensureDependencies } from './ensure-deps.mjs';
import { waitForUrl } from './loopback.mjs';

const serviceUrl = 'http://127.0.0.1:4242';
const shopUrl = 'http://localhost:5173';
const processorUrl = 'http://127.0.0.1:4244/v1/payments';
const dataDir = process.env.TOKENFRAME_DATA_DIR ?? '.tokenframe';

ensureDependencies();
console.log('Building the frame app and the host loader …');
execSync('npm run build --silent', { stdio: 'inherit' });

/** After this long, a child still running after SIGTERM is killed: Ctrl-C must never leave `npm start` waiting. */
const stopTimeoutMs = 15_000;

const children = [];
function start(name, args) {
  // A process group of its own, so Ctrl-C reaches it once, as our SIGTERM: the
  // terminal's SIGINT on top would be a second signal, which the service takes
  // as "exit now" instead of finishing its requests and closing its database.
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping everything.`);
      stop(1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  let running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  if (running.length === 0) process.exit(code);
  for (const child of running) {
    child.once('exit', () => {
      running = running.filter((c) => c !== child);
      if (running.length === 0) process.exit(code);
    });
    child.kill('SIGTERM');
  }
  setTimeout(() => {
    for (const child of running) {
      console.error(`Process ${child.pid} did not stop within ${stopTimeoutMs / 1000} s of SIGTERM; killing it.`);
      child.kill('SIGKILL');
    }
  }, stopTimeoutMs).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
// A closed terminal hangs up on our process group only, which the children are not in.
process.on('SIGHUP', () => stop(0));
// Children in groups of their own outlive us unless told: if we fail, they go too.
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

// Development mode: the demo's keys (dev-keys.json), its origin and the Plaid sandbox exist only with --dev.
start('tokenization service', ['bin/tokenframe.js', 'serve', '--dev', '--port', '4242', '--data-dir', dataDir]);
await waitFor(`${serviceUrl}/v1/tokenframe.js`);
// The processor the shop charges through forwarding, and its destination on the development account.
start('processor stub', ['--import', 'tsx', 'demo/processor-stub.ts', '--port', new URL(processorUrl).port]);
try {
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'demo/register-processor.ts', '--url', processorUrl, '--data-dir', dataDir],
    { stdio: 'inherit' },
  );
} catch {
  console.error('Registering the processor stub as a forwarding destination failed; stopping everything.');
  stop(1);
}
start('demo shop', [
  '--import',
  'tsx',
  'demo/main.ts',
  '--port',
  '5173',
  '--service',
  serviceUrl,
  '--processor',
  processorUrl,
  '--data-dir',
  dataDir,
]);
await waitFor(shopUrl);

const keys = JSON.parse(readFileSync(`${dataDir}/dev-keys.json`, 'utf8'));
const plaid = JSON.parse(readFileSync(`${dataDir}/plaid.json`, 'utf8'));
console.log(`
  tokenframe is running.

  Open the demo shop:       ${shopUrl}
  Themes and languages:     ${shopUrl}/gallery
  Tokenization service:     ${serviceUrl}
  Card processor (stub):    ${processorUrl}
  Publishable key:          ${keys.publishableKey}
  Secret key:               ${keys.secretKey}
  plaid client_id: ${plaid.clientId}
  plaid secret: ${plaid.secret}
  Test card:                4242 4242 4242 4242, any future date, any CVC
  Processor declines:       4000 0000 0000 0341

  Press Ctrl-C to stop.
`);

/** Waits for a server to answer; if it never does, says so and stops everything. */
async function waitFor(url) {
  try {
    await waitForUrl(url, { stopped: () => stopping });
  } catch (error) {
    console.error(error.message);
    stop(1);
  }
}
