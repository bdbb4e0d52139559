// `npm run test:integration`: runs the integration suites inside a real VS Code.
// Here (no internet) that is code-server 4.100.3 driven by Debian's Chromium; on a desktop with
// internet, GED_VSCODE=electron (or --electron) uses @vscode/test-electron instead. Both load the
// extension from this folder and call out/test/integration/index.js's run().
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { launchChromium } from './browser';
import { ensureCodeServer, freePort, startCodeServer, writeUserSettings } from './codeServer';
import { INTEGRATION_INDEX, RESULTS_DIR, ROOT } from './paths';
import { printResults, RESULTS_ENV, SUITE_ENV, waitForResults, type SuiteResults } from './results';
import { loopbackGoEnv, scratchDir, TWO_MODULES, writeFiles } from './workspaces';
import { makeFakeGo } from '../support/fakeGo';

export interface PreparedSuite {
  name: string;
  workspace: string;
  userDataDir: string;
  extensionsDir: string;
  trusted: boolean;
  env: NodeJS.ProcessEnv;
  resultsFile: string;
  base: string;
}

export async function prepare(
  name: 'trusted' | 'untrusted',
  grep = process.env['GED_TEST_GREP'],
): Promise<PreparedSuite> {
  const base = await scratchDir(`ged-it-${name}-`);
  // A mirror the untrusted workspace names: the test listens there and counts requests.
  const workspaceMirrorPort = name === 'untrusted' ? await freePort() : undefined;
  const workspace = path.join(base, 'workspace');
  await writeFiles(workspace, TWO_MODULES);
  if (name === 'untrusted') {
    // A go the workspace names: it leaves a marker if anything runs it.
    const marker = path.join(base, 'workspace-go-ran');
    const go = await makeFakeGo(
      {
        versionScript: `touch '${marker}'; echo 'go version go1.99.0 linux/amd64'`,
        envScript: `touch '${marker}'; echo '{}'`,
      },
      path.join(base, 'workspace-go'),
    );
    await writeFiles(workspace, {
      '.vscode/settings.json': JSON.stringify(
        { 'goEnv.goPath': go, 'goEnv.extraMirrors': [`http://127.0.0.1:${workspaceMirrorPort}`] },
        null,
        2,
      ),
    });
  }
  const userDataDir = path.join(base, 'user-data');
  const extensionsDir = path.join(base, 'extensions');
  await fs.mkdir(extensionsDir, { recursive: true });
  await writeUserSettings(userDataDir);
  // A loopback port nothing listens on: every probe is refused at once, nothing leaves the machine.
  const refused = `http://127.0.0.1:${await freePort()}`;
  const resultsFile = path.join(base, 'results.json');
  const env = loopbackGoEnv(refused, path.join(base, 'goenv'), {
    [RESULTS_ENV]: resultsFile,
    [SUITE_ENV]: name,
    GED_TEST_TMP: base,
    ...(workspaceMirrorPort ? { GED_TEST_WORKSPACE_MIRROR_PORT: String(workspaceMirrorPort) } : {}),
    ...(grep ? { GED_TEST_GREP: grep } : {}),
  });
  return { name, workspace, userDataDir, extensionsDir, trusted: name === 'trusted', env, resultsFile, base };
}

export async function runInCodeServer(s: PreparedSuite): Promise<SuiteResults> {
  await fs.mkdir(RESULTS_DIR, { recursive: true });
  const logFile = path.join(RESULTS_DIR, `integration-${s.name}-code-server.log`);
  const server = await startCodeServer({
    workspace: s.workspace,
    extensionsDir: s.extensionsDir,
    userDataDir: s.userDataDir,
    trustAll: s.trusted,
    env: s.env,
    logFile,
  });
  const browser = await launchChromium();
  try {
    const remote = (p: string) => `vscode-remote://${new URL(server.origin).host}${p}`;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(
      server.workbenchUrl([
        ['extensionDevelopmentPath', remote(ROOT)],
        ['extensionTestsPath', remote(INTEGRATION_INDEX)],
      ]),
    );
    try {
      return await waitForResults(s.resultsFile, 240_000, server.exited);
    } catch (err) {
      await page.screenshot({ path: path.join(RESULTS_DIR, `integration-${s.name}.png`) }).catch(() => undefined);
      const log = await fs.readFile(logFile, 'utf8').catch(() => '');
      console.error(`--- last lines of ${logFile}:\n${log.split('\n').slice(-40).join('\n')}`);
      if (pageErrors.length) console.error(`--- page errors:\n${pageErrors.slice(-10).join('\n')}`);
      throw err;
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
  }
}

async function main(): Promise<void> {
  const electron = process.env['GED_VSCODE'] === 'electron' || process.argv.includes('--electron');
  for (const f of [path.join(ROOT, 'dist', 'extension.js'), INTEGRATION_INDEX]) {
    if (!existsSync(f))
      throw new Error(
        `${f} is missing: run \`node esbuild.mjs && npx tsc -p test/vscode\` first (npm run test:integration does)`,
      );
  }
  if (!electron) await ensureCodeServer();
  const started = Date.now();
  let failed = 0;
  const suites = (process.env['GED_SUITES'] ?? 'trusted,untrusted').split(',') as ('trusted' | 'untrusted')[];
  for (const name of suites) {
    const t0 = Date.now();
    const s = await prepare(name);
    let results: SuiteResults;
    try {
      results = electron ? await (await import('./runElectron')).runInElectron(s) : await runInCodeServer(s);
    } finally {
      if (!process.env['GED_KEEP']) await fs.rm(s.base, { recursive: true, force: true }).catch(() => undefined);
    }
    printResults(results);
    console.log(`suite ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s including VS Code start-up`);
    failed += results.failed;
    if (results.passed + results.failed === 0) failed++;
  }
  console.log(
    `integration: ${((Date.now() - started) / 1000).toFixed(1)} s in ${electron ? '@vscode/test-electron' : 'code-server'}`,
  );
  if (failed > 0) process.exitCode = 1;
}

// Also imported by the activation benchmark, which runs its own launches.
if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exitCode = 1;
  });
}
