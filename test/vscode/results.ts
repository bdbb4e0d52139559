// The results file a suite inside VS Code writes and the launcher waits for.
import { promises as fs } from 'node:fs';

export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface SuiteResults {
  suite: string;
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  tests: TestOutcome[];
  /** Numbers measured inside VS Code (activation time, ...). */
  metrics?: Record<string, number>;
}

/** The environment variable that names the results file inside the extension host. */
export const RESULTS_ENV = 'GED_TEST_RESULTS';
/** Which integration suite to run (`trusted` or `untrusted`). */
export const SUITE_ENV = 'GED_TEST_SUITE';

export async function waitForResults(
  file: string,
  timeoutMs: number,
  isAlive: () => string | undefined,
): Promise<SuiteResults> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      return JSON.parse(await fs.readFile(file, 'utf8')) as SuiteResults;
    } catch {
      /* not there (or half-written) yet */
    }
    const dead = isAlive();
    if (dead) throw new Error(dead);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no results in ${file} after ${timeoutMs} ms`);
}

export function printResults(r: SuiteResults): void {
  for (const t of r.tests) {
    const mark = t.state === 'passed' ? '  ✓' : t.state === 'failed' ? '  ✗' : '  -';
    console.log(`${mark} ${t.title}${t.durationMs !== undefined ? ` (${t.durationMs} ms)` : ''}`);
    if (t.error)
      console.log(
        t.error
          .split('\n')
          .map((l) => `      ${l}`)
          .join('\n'),
      );
  }
  for (const [k, v] of Object.entries(r.metrics ?? {})) console.log(`  ${k}: ${v}`);
  console.log(
    `${r.suite}: ${r.passed} passed, ${r.failed} failed, ${r.pending} pending in ${(r.durationMs / 1000).toFixed(1)} s`,
  );
}
