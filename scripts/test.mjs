// `npm test`: installs what is missing, builds, and runs every check in
// order (verify, the browser tests and the end-to-end tests side by side).
// Closes with a table of each stage's wall and CPU time, then one line
// `N passed, N failed` over all stages (always the last line).
// `npm test -- unit browser` runs only the named stages (after the build).
import { spawn } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';
import { dependenciesInstalled, markDependenciesInstalled, packagesWithInstallScripts } from './ensure-deps.mjs';

const nodeTests = 'test/unit/*.test.ts test/server/*.test.ts test/package/*.test.ts';
// Two test files at a time: most HTTP tests wait on a child service or the network, so two share the 2 cores well
// (node's default on 2 cores is one file at a time). Each file's service has its own port and data directory.
const nodeConcurrency = '--test-concurrency=2';
const nodeCounts = (out) => [match(out, /ℹ pass (\d+)/), match(out, /ℹ fail (\d+)/)];

/**
 * Each stage: a command, and how to read its counts (a stage without counts is one check).
 * `native`: it loads better-sqlite3, so on a fresh install it waits for that native build;
 * the stages before it (build, lint, types, size) run while it compiles on the other core.
 */
const stages = [
  { name: 'build', command: 'npm run build --silent' },
  { name: 'lint', command: 'npx eslint . && npx prettier --check . --log-level warn' },
  { name: 'types', command: 'npx tsc --noEmit -p .' },
  { name: 'size', command: 'npx size-limit' },
  {
    name: 'unit',
    native: true,
    // Tests that need PostgreSQL run once, in the server-pg stage, rather than here on a server of their own too.
    command: `TOKENFRAME_POSTGRES_LATER=1 node --import tsx --test ${nodeConcurrency} --test-reporter=spec ${nodeTests}`,
    counts: nodeCounts,
  },
  {
    name: 'storage',
    native: true,
    command: 'node --import tsx --test --test-reporter=spec test/storage/*.test.ts',
    counts: nodeCounts,
  },
  {
    // The same HTTP tests, with the service on PostgreSQL instead of the embedded SQLite file. All of
    // test/server, on purpose: every file starts its services on DATABASE_URL (startTestService,
    // createTestDatabase) and reads or writes keys, tokens, idempotency, rate-limit counters or
    // forwarding destinations through the engine; even frames.test.ts reads a key's origins from it.
    // The only tests that never reach the engine (config-cli's --help and bad-input refusals) share
    // their file with ones that do, and cost little since they run the compiled CLI.
    name: 'server-pg',
    native: true,
    command: `node scripts/with-postgres.mjs node --import tsx --test ${nodeConcurrency} --test-reporter=spec test/server/*.test.ts`,
    counts: nodeCounts,
  },
  {
    // The verify suite's short version (npm run verify runs it in full); its results go to a temporary directory.
    name: 'verify',
    native: true,
    // It waits on its services more than it computes (about 60 s of CPU in 130 s), as the browser and e2e stages
    // do: the three share the cores well. Its output is printed once it ends, after the stages that ran meanwhile.
    alongside: true,
    command: 'node --import tsx verify/run.ts --quick',
    counts: (out) => [match(out, /verify: (\d+) rows ok/), match(out, /verify: \d+ rows ok, (\d+) failed/)],
  },
  {
    // Alongside the end-to-end tests too: each waits on its browser and services more than it computes (about
    // 90 s of CPU in 170 s, and 130 s in 190 s), so the three share the 2 cores.
    name: 'browser',
    native: true,
    alongside: true,
    command: 'node --import tsx node_modules/@web/test-runner/dist/bin.js --config web-test-runner.config.mjs',
    counts: (out) => [match(out, /(\d+) passed, \d+ failed/), match(out, /\d+ passed, (\d+) failed/)],
  },
  {
    name: 'e2e',
    native: true,
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
function run(command, { echo = true } = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const script = `${command}\nstatus=$?\ntimes >&3\nexit $status`;
    const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    let output = '';
    let times = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        if (echo) (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
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

/** The closing table: each stage's wall and CPU seconds; the total wall is the elapsed time (rows may overlap). */
function printTimes(rows, elapsed) {
  const line = (name, wall, cpu, note = '') =>
    `${name.padEnd(10)} ${wall.toFixed(1).padStart(8)} ${cpu.toFixed(1).padStart(8)}${note}`;
  console.log(`\n${'stage'.padEnd(10)} ${'wall s'.padStart(8)} ${'cpu s'.padStart(8)}`);
  for (const row of rows) console.log(line(row.name, row.wall, row.cpu, row.note));
  const cpu = rows.reduce((total, row) => total + row.cpu, 0);
  console.log(line('total', elapsed, cpu));
}

const startedAt = performance.now();
const timings = [];
/** Resolves true once native modules are built: at once, unless this run installs them. */
let nativeBuild = Promise.resolve(true);
if (!dependenciesInstalled()) {
  // `npm ci` (never `npm install`: see ensure-deps.mjs) without install scripts, then the quick ones;
  // better-sqlite3's compile (one C file, minutes, one core) runs alongside build, lint, types and size.
  // Both are timed like stages but are no check of their own: without dependencies nothing can run.
  console.log('\n── install: npm ci --ignore-scripts; native modules compile alongside the first stages');
  const install = await run('npm ci --ignore-scripts --no-audit --no-fund');
  const { compiled, other } = install.code === 0 ? packagesWithInstallScripts() : { compiled: [], other: [] };
  const quick = other.length ? await run(`npm rebuild ${other.join(' ')}`) : { code: install.code, wall: 0, cpu: 0 };
  timings.push({ name: 'install', wall: install.wall + quick.wall, cpu: install.cpu + quick.cpu });
  if (quick.code !== 0) process.exit(quick.code);
  const row = { name: 'native', wall: 0, cpu: 0, note: '  (alongside build, lint, types, size)' };
  if (compiled.length) timings.push(row);
  const build = compiled.length ? run(`npm rebuild ${compiled.join(' ')}`, { echo: false }) : Promise.resolve(quick);
  nativeBuild = build.then((result) => {
    Object.assign(row, { wall: result.wall, cpu: result.cpu });
    if (result.code === 0) markDependenciesInstalled();
    else process.stdout.write(`${result.output}\n── install: the native build failed (exit ${result.code})\n`);
    return result.code === 0;
  });
}
process.env.CHROMIUM_PATH = ensureChromium();
// Tests that start the CLI as a process start the build's compiled copy of it (see test/support/cli.ts).
process.env.TOKENFRAME_TEST_CLI = 'dist/node/cli.js';

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
/** Counts a finished stage, prints its end, and adds its row to the times. */
function record(stage, { code, output, wall, cpu }) {
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
  return code;
}
/** Stages running alongside the next ones, with their output held back until they end. */
const alongside = [];
for (const stage of stages) {
  if (only.length && stage.name !== 'build' && !only.includes(stage.name)) continue;
  if (stage.native && !(await nativeBuild)) {
    failed++;
    break;
  }
  console.log(`\n── ${stage.name}: ${stage.command}${stage.alongside ? ' (alongside the next stages)' : ''}`);
  if (stage.alongside) {
    alongside.push({ stage, result: run(stage.command, { echo: false }) });
    continue;
  }
  const code = record(stage, await run(stage.command));
  if (stage.name === 'build' && code !== 0) break;
}
for (const { stage, result } of alongside) {
  const finished = await result;
  console.log(`\n── ${stage.name}, which ran alongside:\n${finished.output}`);
  record(stage, finished);
}
// Never leave a half-built install behind, whatever stages ran.
await nativeBuild;
printTimes(timings, (performance.now() - startedAt) / 1000);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
