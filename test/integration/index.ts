// Entry point VS Code calls inside the extension host (extensionTestsPath): runs the mocha
// suite named by GED_TEST_SUITE against the real `vscode` API and writes a results file for the
// launcher. The same module serves code-server (here) and @vscode/test-electron (a desktop).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { metrics } from './helpers';
import { RESULTS_ENV, SUITE_ENV, type SuiteResults, type TestOutcome } from '../vscode/results';

const SUITES: Record<string, string[]> = {
  trusted: [
    'extension.test.js',
    'diagnostics.test.js',
    'fixes.test.js',
    'report.test.js',
    'network.test.js',
    'proxyFixes.test.js',
    'toolchain.test.js',
    'policy.test.js',
    'verifyWithGo.test.js',
    'lifecycle.test.js',
    'modules.test.js',
  ],
  untrusted: ['untrusted.test.js'],
};

export async function run(): Promise<void> {
  const suite = process.env[SUITE_ENV] ?? 'trusted';
  const files = SUITES[suite];
  if (!files) throw new Error(`unknown suite ${suite}; expected one of ${Object.keys(SUITES).join(', ')}`);
  const grep = process.env['GED_TEST_GREP'];
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    slow: 5_000,
    color: false,
    reporter: 'spec',
    ...(grep ? { grep } : {}),
  });
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const started = Date.now();
  const tests: TestOutcome[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((failed) => resolve(failed));
    runner.on('pass', (t) =>
      tests.push({
        title: t.fullTitle(),
        state: 'passed',
        ...(t.duration !== undefined ? { durationMs: t.duration } : {}),
      }),
    );
    runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'pending' }));
    runner.on('fail', (t, err: Error) =>
      tests.push({
        title: t.fullTitle(),
        state: 'failed',
        error: err.stack ?? err.message,
        ...(t.duration !== undefined ? { durationMs: t.duration } : {}),
      }),
    );
  });
  const results: SuiteResults = {
    suite,
    passed: tests.filter((t) => t.state === 'passed').length,
    failed: tests.filter((t) => t.state === 'failed').length,
    pending: tests.filter((t) => t.state === 'pending').length,
    durationMs: Date.now() - started,
    tests,
    metrics,
  };
  const out = process.env[RESULTS_ENV];
  if (out) {
    // Written whole, then renamed: the launcher never reads half a file.
    await fs.writeFile(`${out}.tmp`, JSON.stringify(results, null, 2));
    await fs.rename(`${out}.tmp`, out);
  }
  if (failures > 0 || results.failed > 0) throw new Error(`${results.failed} integration test(s) failed`);
}
