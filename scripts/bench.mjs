// `npm run bench`: builds, runs every test/bench/*.bench.ts with `--json`, and
// puts all their rows in one table, in bench/results.json and in
// bench/chart.svg (which the README shows). A bench that cannot report rows
// (it fails, or does not take --json yet) shows as "not run" instead of
// stopping the others. Nothing here asserts on time.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const benchDir = join(root, 'test/bench');
const outDir = join(root, 'bench');
/** One bench may take this long on a busy machine before it counts as not run. */
const BENCH_TIMEOUT_MS = 600_000;

if (!process.argv.includes('--no-build')) {
  console.log('bench: npm run build …');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

const tmp = mkdtempSync(join(tmpdir(), 'tokenframe-bench-'));
const rows = [];
for (const file of readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort()) {
  const script = join(benchDir, file);
  if (!readFileSync(script, 'utf8').includes('--json')) {
    rows.push(notRun(file, 'does not report rows (--json) yet'));
    continue;
  }
  const target = join(tmp, `${file}.json`);
  console.log(`\nbench: ${file}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, '--json', target], {
    cwd: root,
    stdio: 'inherit',
    timeout: BENCH_TIMEOUT_MS,
  });
  try {
    if (run.status !== 0) throw new Error(run.error?.message ?? `exit ${run.status ?? run.signal}`);
    for (const row of JSON.parse(readFileSync(target, 'utf8'))) rows.push({ bench: file, ...row });
  } catch (error) {
    rows.push(notRun(file, error.message));
  }
}
rmSync(tmp, { recursive: true, force: true });

function notRun(bench, reason) {
  return { bench, figure: `${bench}: not run (${reason})`, notRun: true };
}

const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
const results = {
  commit,
  date: new Date().toISOString(),
  cores: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  rows,
};
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(outDir, 'chart.svg'), chart(results));
printTable(results);
console.log('\nWrote bench/results.json and bench/chart.svg.');

function printTable({ commit, date, cores, node }) {
  const value = (n, unit) => `${n.toFixed(unit === 'kB' ? 2 : 1)} ${unit}`;
  const lines = [['figure', 'ours', 'baseline', 'ratio', 'goal', 'met']];
  for (const row of rows) {
    lines.push(
      row.notRun
        ? [row.figure, '–', '–', '–', '–', 'not run']
        : [
            row.figure,
            value(row.ours, row.unit),
            value(row.baseline, row.unit),
            `${row.ratio.toFixed(2)}×`,
            row.goal,
            row.met ? 'yes' : 'NO',
          ],
    );
  }
  const widths = lines[0].map((_, col) => Math.max(...lines.map((line) => line[col].length)));
  const format = (line) => line.map((cell, col) => cell.padEnd(widths[col])).join(' | ');
  console.log(`\ntokenframe bench — commit ${commit}, ${date}, ${cores} cores, Node ${node}\n`);
  console.log(format(lines[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  lines.slice(1).forEach((line) => console.log(format(line)));
}

/** The goal's ratio, from the row or else from a "≤ N×" goal; null when it has none. */
function goalRatioOf(row) {
  if (typeof row.goalRatio === 'number') return row.goalRatio;
  const match = /([\d.]+)\s*×/.exec(row.goal ?? '');
  return match ? Number(match[1]) : null;
}

function escapeXml(text) {
  return text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A horizontal bar per figure (ours / baseline) with the goal's ratio as a tick: green met, red not. */
function chart({ commit, date }) {
  const measured = rows.filter((row) => !row.notRun);
  const label = 330;
  const width = 820;
  const plot = width - label - 70;
  const bar = 22;
  const gap = 14;
  const top = 46;
  const height = top + measured.length * (bar + gap) + 30;
  const max = Math.max(1.5, ...measured.flatMap((row) => [row.ratio, goalRatioOf(row) ?? 0])) * 1.05;
  const x = (ratio) => label + (ratio / max) * plot;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="13">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="12" y="22" font-size="15" font-weight="600">tokenframe: ours / baseline per figure (bar), goal (black tick)</text>`,
    `<text x="12" y="38" fill="#555">npm run bench · commit ${escapeXml(commit)} · ${escapeXml(date.slice(0, 10))}</text>`,
    `<line x1="${x(1)}" y1="${top - 4}" x2="${x(1)}" y2="${height - 24}" stroke="#999" stroke-dasharray="3 3"/>`,
    `<text x="${x(1)}" y="${height - 8}" text-anchor="middle" fill="#555">1× (baseline)</text>`,
  ];
  measured.forEach((row, i) => {
    const y = top + i * (bar + gap);
    const goal = goalRatioOf(row);
    parts.push(
      `<text x="${label - 8}" y="${y + 15}" text-anchor="end">${escapeXml(row.figure)}</text>`,
      `<rect x="${label}" y="${y}" width="${Math.max(1, x(row.ratio) - label)}" height="${bar}" fill="${row.met ? '#2e7d32' : '#c62828'}"/>`,
      `<text x="${x(row.ratio) + 6}" y="${y + 15}">${row.ratio.toFixed(2)}×</text>`,
    );
    if (goal !== null) {
      parts.push(`<rect x="${x(goal) - 1.5}" y="${y - 3}" width="3" height="${bar + 6}" fill="#000"/>`);
    }
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
