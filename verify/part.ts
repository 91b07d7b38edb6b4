/**
 * The contract between `verify/run.ts` and each part in `verify/parts/`: a
 * part runs one kind of attack or failure against a real service and reports
 * figures, each with what was expected and whether it held.
 */

/** What every part is given. */
export interface PartOptions {
  /** The short version `npm test` runs: fewer requests, smaller bursts, same checks. */
  quick: boolean;
  /** A fresh directory of the part's own for data directories, logs and pages; deleted after. */
  workDir: string;
}

/** One figure of the table. */
export interface Row {
  figure: string;
  value: string | number;
  /** What the figure must be, in words (`0`, `exactly 1`, `no`); absent for figures only reported. */
  expected?: string;
  ok: boolean;
}

/** What a part returns. */
export interface PartResult {
  part: string;
  rows: Row[];
}

/** The signature of each part module's `run` export. */
export type Part = (options: PartOptions) => Promise<PartResult>;

/** A row that holds when `value` equals `expected`. */
export function expectEqual(figure: string, value: string | number, expected: string | number): Row {
  return { figure, value, expected: String(expected), ok: value === expected };
}

/** A figure reported for reading, which cannot fail. */
export function report(figure: string, value: string | number): Row {
  return { figure, value, ok: true };
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it holds or `timeoutMs` passes; resolves with whether it held. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return true;
    } catch {
      // Not yet: a service that is still starting or a database on its way back.
    }
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
}
