// `npm test`: installs what is missing, builds, and runs every check in
// order. Closes with a table of each stage's wall and CPU time, then one line
// `N passed, N failed` over all stages (always the last line).
// `npm test -- unit browser` runs only the named stages (after the build).
import { spawn } from 'node:child_process';
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

/** Seconds in bash's `times` notation (`1m2.345s`). */
const timesSeconds = (text) => {
  const [, minutes, seconds] = /(\d+)m([\d.]+)s/.exec(text);
  return Number(minutes) * 60 + Number(seconds);
};

/**
 * Runs a command in bash, echoing its output, and measures it: wall time, and
 * CPU time (user + system) of every process it ran and waited for, as bash's
 * `times` reports it (getrusage of its children) on a pipe of its own.
 * Detached daemons (the PostgreSQL server) are not in it.
 */
function run(command) {
  const started = performance.now();
  return new Promise((resolve) => {
    const script = `${command}\nstatus=$?\ntimes >&3\nexit $status`;
    const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    let output = '';
    let times = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.stdio[3].on('data', (chunk) => (times += chunk));
    child.on('close', (code) => {
      // Second line of `times`: user and system time of the children.
      const [user, system] = (times.trim().split('\n')[1] ?? '0m0s 0m0s').split(' ').map(timesSeconds);
      resolve({ code, output, wall: (performance.now() - started) / 1000, cpu: user + system });
    });
  });
}

/** The closing table: each stage's wall and CPU seconds, and the totals. */
function printTimes(rows) {
  const line = (name, wall, cpu) => `${name.padEnd(10)} ${wall.toFixed(1).padStart(8)} ${cpu.toFixed(1).padStart(8)}`;
  console.log(`\n${'stage'.padEnd(10)} ${'wall s'.padStart(8)} ${'cpu s'.padStart(8)}`);
  for (const row of rows) console.log(line(row.name, row.wall, row.cpu));
  const sum = (key) => rows.reduce((total, row) => total + row[key], 0);
  console.log(line('total', sum('wall'), sum('cpu')));
}

const timings = [];
{
  // Installing (on a fresh clone `npm ci`) is timed like a stage, in a process of its own so its CPU time is
  // measured too, but it is no check of its own: without dependencies nothing else can run.
  const { code, wall, cpu } = await run('node scripts/ensure-deps.mjs');
  timings.push({ name: 'install', wall, cpu });
  if (code !== 0) process.exit(code);
}
process.env.CHROMIUM_PATH = ensureChromium();
// Tests that start the CLI as a process start the build's compiled copy of it (see test/support/cli.ts).
process.env.TOKENFRAME_TEST_CLI = 'dist/node/cli.js';

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const stage of stages) {
  if (only.length && stage.name !== 'build' && !only.includes(stage.name)) continue;
  console.log(`\n── ${stage.name}: ${stage.command}`);
  const { code, output, wall, cpu } = await run(stage.command);
  timings.push({ name: stage.name, wall, cpu });
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
printTimes(timings);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
