/**
 * `npm run verify`: runs every part in verify/parts/ against real services,
 * prints one table (part, figure, value, expected, ok), writes
 * verify/results.json and exits non-zero if any row is not ok.
 *
 * `--quick` is the version `npm test` runs: smaller numbers, the same checks,
 * and results written to a temporary directory so a test run leaves git clean.
 * `--part NAME` (repeatable) runs only the named parts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Part, PartResult } from './part';

const here = fileURLToPath(new URL('.', import.meta.url));

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, part: { type: 'string', multiple: true } },
});
const quick = values.quick;

/** Every part that exists, in name order; the runner knows none of them by name. */
async function partFiles(): Promise<string[]> {
  const files = (await readdir(join(here, 'parts'))).filter((name) => name.endsWith('.ts')).sort();
  const only = values.part ?? [];
  return only.length ? files.filter((file) => only.includes(file.replace(/\.ts$/, ''))) : files;
}

/** Runs one part in a work directory of its own; a part that throws becomes a failed row, not a crashed run. */
async function runPart(file: string): Promise<PartResult> {
  const name = file.replace(/\.ts$/, '');
  const workDir = await mkdtemp(join(tmpdir(), `tokenframe-verify-${name}-`));
  const started = Date.now();
  try {
    const { run } = (await import(pathToFileURL(join(here, 'parts', file)).href)) as { run: Part };
    const result = await run({ quick, workDir });
    result.rows.push({ figure: 'seconds', value: Math.round((Date.now() - started) / 1000), ok: true });
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { part: name, rows: [{ figure: 'ran to the end', value: message, expected: 'yes', ok: false }] };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function printTable(results: PartResult[]) {
  const lines = results.flatMap(({ part, rows }) =>
    rows.map((row) => [part, row.figure, String(row.value), row.expected ?? '', row.ok ? 'ok' : 'FAILED']),
  );
  const header = ['part', 'figure', 'value', 'expected', 'ok'];
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '─'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}

// A fresh clone has no dist/: the frame pages and the loader the service serves are built first.
if (!existsSync(join(here, '..', 'dist', 'frame')) || !existsSync(join(here, '..', 'dist', 'host'))) {
  console.error('verify: no build yet, running npm run build …');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: join(here, '..'), stdio: ['ignore', 'inherit', 'inherit'] });
}

const results: PartResult[] = [];
for (const file of await partFiles()) {
  console.error(`verify: ${file.replace(/\.ts$/, '')} …`);
  results.push(await runPart(file));
}
printTable(results);
const rows = results.flatMap((result) => result.rows);
const failed = rows.filter((row) => !row.ok).length;
const resultsDir = quick ? await mkdtemp(join(tmpdir(), 'tokenframe-verify-results-')) : here;
const resultsFile = join(resultsDir, 'results.json');
await writeFile(
  resultsFile,
  `${JSON.stringify({ quick, date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
);
console.log(`\nverify: ${rows.length - failed} rows ok, ${failed} failed; results in ${resultsFile}`);
// Parts close what they start, but a stray handle must not keep the run alive.
process.exit(failed > 0 ? 1 : 0);
