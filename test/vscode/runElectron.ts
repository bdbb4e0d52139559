// The desktop launcher: @vscode/test-electron downloads VS Code (needs internet, so not used on
// the offline CI machines) and runs the same integration suite in it.
import { promises as fs } from 'node:fs';
import { runTests } from '@vscode/test-electron';
import { INTEGRATION_INDEX, ROOT } from './paths';
import type { PreparedSuite } from './runIntegration';
import type { SuiteResults } from './results';

export async function runInElectron(s: PreparedSuite): Promise<SuiteResults> {
  try {
    await runTests({
      version: process.env['GED_VSCODE_VERSION'] ?? '1.100.3',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: INTEGRATION_INDEX,
      extensionTestsEnv: s.env,
      launchArgs: [
        s.workspace,
        '--disable-extensions',
        '--user-data-dir',
        s.userDataDir,
        '--extensions-dir',
        s.extensionsDir,
        ...(s.trusted ? ['--disable-workspace-trust'] : []),
      ],
    });
  } catch (err) {
    // A failing suite makes VS Code exit non-zero; the results file says which tests failed.
    console.error(`VS Code exited with an error: ${err instanceof Error ? err.message : String(err)}`);
  }
  return JSON.parse(await fs.readFile(s.resultsFile, 'utf8')) as SuiteResults;
}
