// `npm test`: installs what is missing, builds, and runs every check in
// order. Prints one closing line `N passed, N failed` over all stages.
// `npm test -- unit browser` runs only the named stages (after the build).
import { spawn } from 'node:child_process';
import { ensureDependencies } from './ensure-deps.mjs';
import { ensureChromium } from './chromium.mjs';

const nodeTests = 'test/unit/*.test.ts test/server/*.test.ts test/package/*.test.ts';
// Two test files at a time: most HTTP tests wait on a child service or the network, so two share the 2 cores well
// (node's default on 2 cores is one file at a time). Each file's service has its own port and data directory.
const nodeConcurrency = '--test-concurrency=2';
const nodeCounts = (out) => [match(out, /ℹ pass (\d+)/), match(out, /ℹ fail (\d+)/)];

/** Each stage: a command, and how to read its counts (a stage without counts is one check). */
const stages = [
  { name: 'build', command: 'npm run build --silent' },
  { name: 'lint', command: 'npx eslint . && npx prettier --check . --log-level warn' },
  { name: 'types', command: 'npx tsc --noEmit -p .' },
  { name: 'size', command: 'npx size-limit' },
  {
    name: 'unit',
    command: `node --import tsx --test ${nodeConcurrency} --test-reporter=spec ${nodeTests}`,
    counts: nodeCounts,
  },
  {
    name: 'storage',
    command: 'node --import tsx --test --test-reporter=spec test/storage/*.test.ts',
    counts: nodeCounts,
  },
  {
    // The same HTTP tests, with the service on PostgreSQL instead of the embedded SQLite file.
    name: 'server-pg',
    command: `node scripts/with-postgres.mjs node --import tsx --test ${nodeConcurrency} --test-reporter=spec test/server/*.test.ts`,
    counts: nodeCounts,
  },
  {
    // The verify suite's short version (npm run verify runs it in full); its results go to a temporary directory.
    name: 'verify',
    command: 'node --import tsx verify/run.ts --quick',
    counts: (out) => [match(out, /verify: (\d+) rows ok/), match(out, /verify: \d+ rows ok, (\d+) failed/)],
  },
  {
    name: 'browser',
    command: 'node --import tsx node_modules/@web/test-runner/dist/bin.js --config web-test-runner.config.mjs',
    counts: (out) => [match(out, /(\d+) passed, \d+ failed/), match(out, /\d+ passed, (\d+) failed/)],
  },
  {
    name: 'e2e',
    command: 'npx playwright test --reporter=list',
    counts: (out) => [match(out, /^\s*(\d+) passed/m), match(out, /^\s*(\d+) failed/m) ?? 0],
  },
];

function match(text, pattern) {
  const found = [
    ...text.matchAll(new RegExp(pattern, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)),
  ];
  return found.length ? Number(found[found.length - 1][1]) : undefined;
}

function run(command) {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('close', (code) => resolve({ code, output }));
  });
}

ensureDependencies();
process.env.CHROMIUM_PATH = ensureChromium();

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const stage of stages) {
  if (only.length && stage.name !== 'build' && !only.includes(stage.name)) continue;
  console.log(`\n── ${stage.name}: ${stage.command}`);
  const { code, output } = await run(stage.command);
  const [stagePassed, stageFailed] = stage.counts?.(output) ?? [];
  if (stagePassed === undefined) {
    if (code === 0) passed++;
    else failed++;
  } else {
    passed += stagePassed;
    failed += stageFailed ?? 0;
    if (code !== 0 && !stageFailed) failed++;
  }
  console.log(`── ${stage.name}: ${code === 0 ? 'ok' : `failed (exit ${code})`}`);
  if (stage.name === 'build' && code !== 0) break;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
