// The one shape every benchmark reports in, so `npm run bench` (scripts/bench.mjs)
// can put all of them in one table, one results file and one chart.
import { writeFileSync } from 'node:fs';

/** One figure of the issue: what we measured, the baseline measured beside it in the same run, and the goal. */
export interface BenchRow {
  figure: string;
  ours: number;
  baseline: number;
  /** ours / baseline. */
  ratio: number;
  /** The goal as the issue states it, e.g. "≤ 1.3×" or "≤ baseline + 3 ms". */
  goal: string;
  /** The ratio the goal allows, for the chart (a goal in ms or kB becomes a ratio over this run's baseline). */
  goalRatio: number;
  unit: string;
  met: boolean;
}

/** A row whose goal is a ratio ours/baseline, e.g. `ratioGoal(…, 1.3)` for "≤ 1.3×". */
export function ratioGoal(figure: string, ours: number, baseline: number, unit: string, limit: number): BenchRow {
  const ratio = ours / baseline;
  return { figure, ours, baseline, ratio, goal: `≤ ${limit}×`, goalRatio: limit, unit, met: ratio <= limit };
}

/** A row whose goal is at most `extra` over the baseline, in the row's unit. */
export function overheadGoal(figure: string, ours: number, baseline: number, unit: string, extra: number): BenchRow {
  const ratio = ours / baseline;
  const goalRatio = (baseline + extra) / baseline;
  return {
    figure,
    ours,
    baseline,
    ratio,
    goal: `≤ baseline + ${extra} ${unit}`,
    goalRatio,
    unit,
    met: ours <= baseline + extra,
  };
}

/** A row whose goal is an absolute ceiling, whatever the baseline. */
export function ceilingGoal(figure: string, ours: number, baseline: number, unit: string, ceiling: number): BenchRow {
  const ratio = ours / baseline;
  return {
    figure,
    ours,
    baseline,
    ratio,
    goal: `≤ ${ceiling} ${unit}`,
    goalRatio: ceiling / baseline,
    unit,
    met: ours <= ceiling,
  };
}

/** Nearest-rank percentile of an unsorted sample. */
export function percentile(sample: number[], p: number): number {
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** `--json <file>` on the command line: where to write the rows, or undefined to only print them. */
export function jsonTarget(argv = process.argv): string | undefined {
  const at = argv.indexOf('--json');
  return at >= 0 ? argv[at + 1] : undefined;
}

/** Prints the rows and, with `--json <file>`, writes them there. */
export function reportRows(rows: BenchRow[]): void {
  for (const row of rows) {
    const n = (v: number) => `${v.toFixed(2)} ${row.unit}`;
    console.log(
      `${row.figure}: ${n(row.ours)} vs ${n(row.baseline)} (${row.ratio.toFixed(2)}×), goal ${row.goal}: ${row.met ? 'met' : 'NOT met'}`,
    );
  }
  const target = jsonTarget();
  if (target) writeFileSync(target, `${JSON.stringify(rows, null, 2)}\n`);
}
