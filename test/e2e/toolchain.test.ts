// End-to-end, installing a toolchain in VS Code: the packaged extension in code-server, a go.mod that needs
// Go 1.30 while the real go is Debian's go1.19.8. Ctrl+. on the go directive → "Install Go 1.30.0
// (verified)" → first an index failure shown with its remedy, then a progress notification with
// percent and speed, cancelled midway and resumed → the toolchain comes from a local mirror,
// checked against a local release index → "Use in This Workspace" → the
// diagnostic goes away and the status bar shows Go 1.30.0. Then "Go Env: Install Go Toolchain…"
// lists the releases with the installed one marked. Everything on 127.0.0.1.
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { goosGoarch, hostPlatform } from '../../src/core/platform';
import { stripJsonc } from '../../src/extension/settings';
import { goproxyHandler, startHttpServer, type StartedServer } from '../support/servers';
import { startLocalGoRelease, type LocalGoReleaseHost } from '../support/toolchainRelease';
import { launchChromium } from '../vscode/browser';
import {
  ensureCodeServer,
  installVsix,
  startCodeServer,
  writeUserSettings,
  type RunningCodeServer,
} from '../vscode/codeServer';
import { RESULTS_DIR, VSIX } from '../vscode/paths';
import { loopbackGoEnv, scratchDir, writeFiles } from '../vscode/workspaces';
import { Workbench } from './workbench';

/**
 * The Go extension cannot be downloaded here. This stands in for it only as far as this test
 * needs: it declares the go.alternateTools setting (as golang.go does), so VS Code lets us write it.
 */
async function addGoExtensionSettingsStandIn(extensionsDir: string): Promise<void> {
  const folder = 'golang.go-0.0.0';
  const dir = path.join(extensionsDir, folder);
  await writeFiles(dir, {
    'package.json': JSON.stringify({
      name: 'go',
      publisher: 'golang',
      displayName: 'Go settings stand-in (test)',
      version: '0.0.0',
      engines: { vscode: '^1.75.0' },
      contributes: {
        configuration: {
          properties: {
            'go.alternateTools': {
              type: 'object',
              default: {},
              scope: 'resource',
              description: 'Alternate tools or alternate paths for the same tools.',
            },
          },
        },
      },
    }),
  });
  // Installed extensions are listed in extensions.json; add ours the way `--install-extension` does.
  const manifest = path.join(extensionsDir, 'extensions.json');
  const list = JSON.parse(await fs.readFile(manifest, 'utf8')) as object[];
  list.push({
    identifier: { id: 'golang.go' },
    version: '0.0.0',
    location: { $mid: 1, fsPath: dir, external: `file://${dir}`, path: dir, scheme: 'file' },
    relativeLocation: folder,
    metadata: { installedTimestamp: Date.now(), source: 'vsix' },
  });
  await fs.writeFile(manifest, JSON.stringify(list));
}

describe('e2e: installing a verified Go toolchain from the quick fix', function () {
  this.timeout(180_000);
  let base: string;
  let host: LocalGoReleaseHost;
  let goproxy: StartedServer;
  let browser: Browser;
  let server: RunningCodeServer;
  let wb: Workbench;
  let workspace: string;
  let sdk: string;

  before(async () => {
    assert.ok(existsSync(VSIX), `${VSIX} is missing: run npm run package`);
    await ensureCodeServer();
    base = await scratchDir('ged-e2e-toolchain-');
    const extensionsDir = path.join(base, 'extensions');
    await installVsix(VSIX, extensionsDir, path.join(base, 'install-user-data'));
    await addGoExtensionSettingsStandIn(extensionsDir);

    const { goos, goarch } = goosGoarch(hostPlatform());
    host = await startLocalGoRelease({
      scratch: base,
      names: ['go1.30.0', 'go1.29.4'],
      goos,
      goarch,
      padBytes: 3 * 1024 * 1024,
    });
    // Throttled so the progress notification is there long enough to read (about 2 s).
    const r = host.releases[0]!;
    host.mirror.serve(host.mirrorPath(r.filename), { data: r.archive, bytesPerSec: 1_500_000 });
    goproxy = await startHttpServer(goproxyHandler());

    workspace = path.join(base, 'workspace');
    await writeFiles(workspace, {
      'go.mod': 'module example.com/hello\n\ngo 1.30\n',
      'main.go': 'package main\n\nfunc main() {}\n',
    });
    sdk = path.join(base, 'sdk');
    const userDataDir = path.join(base, 'user-data');
    await writeUserSettings(userDataDir);
    // goEnv.toolchain.* are machine-scoped: in code-server (a remote window) that is the Machine settings file.
    await writeFiles(userDataDir, {
      'Machine/settings.json': JSON.stringify(
        {
          'goEnv.toolchain.dlBase': host.dlBase,
          'goEnv.toolchain.mirrors': [host.mirrorBase],
          'goEnv.toolchain.sdkDir': sdk,
        },
        null,
        2,
      ),
    });
    await fs.mkdir(RESULTS_DIR, { recursive: true });
    server = await startCodeServer({
      workspace,
      extensionsDir,
      userDataDir,
      trustAll: true,
      env: loopbackGoEnv(goproxy.url, path.join(base, 'goenv')),
      logFile: path.join(RESULTS_DIR, 'e2e-toolchain-code-server.log'),
    });
    browser = await launchChromium();
    wb = await Workbench.open(browser, server);
  });

  after(async () => {
    await wb?.close();
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await host?.close();
    await goproxy?.close();
    if (base && !process.env['GED_KEEP']) await fs.rm(base, { recursive: true, force: true });
  });

  async function onFailure<T>(name: string, body: () => Promise<T>): Promise<T> {
    try {
      return await body();
    } catch (err) {
      await wb.page.screenshot({ path: path.join(RESULTS_DIR, `e2e-failed-${name}.png`) }).catch(() => undefined);
      throw err;
    }
  }

  /** Ctrl+. on the go directive (line 3), then Enter on "Install … 1.30.0 (verified)". */
  async function applyInstallQuickFix(): Promise<void> {
    const editor = wb.page.locator('.editor-instance .monaco-editor').first();
    // The cursor on the `go` directive's line (the third), where the diagnostic is.
    const toGoLine = async (): Promise<void> => {
      await editor.locator('.view-lines').click();
      await wb.page.keyboard.press('Control+Home');
      await wb.page.keyboard.press('ArrowDown');
      await wb.page.keyboard.press('ArrowDown');
    };
    await toGoLine();
    const menu = await wb.quickFixMenu(toGoLine);
    const install = menu.locator('.monaco-list-row', { hasText: /Install (go|Go )1\.30\.0 \(verified\)/ }).first();
    await install.waitFor();
    assert.doesNotMatch(await install.innerText(), /in a terminal/);
    // Keyboard, as a user would after Ctrl+. (the menu's pointer shield swallows synthetic clicks).
    const focused = () =>
      menu
        .locator('.monaco-list-row.focused')
        .first()
        .innerText()
        .catch(() => '');
    for (let i = 0; i < 10 && !/Install (go|Go )1\.30\.0/.test(await focused()); i++)
      await wb.page.keyboard.press('ArrowDown');
    await wb.page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden' });
  }

  it('the lightbulb on go.mod installs Go 1.30.0 from the local mirror, and the diagnostic goes away once it is used', async () => {
    await onFailure('toolchain-install', async () => {
      const started = Date.now();
      await wb.waitForStatus(/Go 1\.19\.8, 1 problem, worst error/, 60_000);
      const problems = await wb.openProblems();
      await problems
        .locator('.monaco-list-row', { hasText: 'go.mod needs Go 1.30' })
        .first()
        .waitFor({ timeout: 15_000 });

      await wb.openFile('go.mod');
      const toasts = wb.page.locator('.notifications-toasts');

      // First with the release index failing (503): the error names the cause and the editor's remedy.
      host.official.setIndex(host.indexPath, 'unavailable', 503);
      await applyInstallQuickFix();
      const failure = toasts.locator('.notification-toast', { hasText: /failed\./ }).first();
      await failure.waitFor({ timeout: 30_000 });
      const failureText = await failure.innerText();
      assert.match(failureText, /The Go release index could not be read from any official source \(.*503/);
      // ...then it tried the golang.org/toolchain module through GOPROXY, as the go command would,
      // which this workspace's local proxy does not have: both causes are named.
      assert.match(failureText, /Fetching it through GOPROXY \(http:\/\/127\.0\.0\.1:\d+\) instead failed too/);
      assert.doesNotMatch(failureText, /--dl-base/);
      await failure
        .locator('.codicon-notifications-clear')
        .first()
        .click()
        .catch(() => undefined);
      assert.equal(existsSync(path.join(sdk, 'go1.30.0')), false);

      // Then with the index back. Progress: a notification with percent, size and speed, and Cancel.
      host.official.setIndex(host.indexPath, host.indexBody);
      const archivePath = host.mirrorPath(host.releases[0]!.filename);
      await applyInstallQuickFix();
      const withRate = /Install Go 1\.30\.0 \(verified\): \d+% · [\d.]+ MB of [\d.]+ MB · [\d.]+ (MB|kB)\/s/;
      let progress = toasts.locator('.notification-toast', { hasText: withRate }).first();
      await progress.waitFor({ timeout: 30_000 });
      await toasts.screenshot({ path: path.join(RESULTS_DIR, 'toolchain-progress.png') }).catch(() => undefined);
      // Cancel midway: it stops, says so, installs nothing and keeps the part downloaded.
      await progress.locator('.monaco-button', { hasText: 'Cancel' }).click();
      await toasts
        .locator('.notification-toast', { hasText: 'the install of Go 1.30.0 was cancelled' })
        .first()
        .waitFor({ timeout: 10_000 });
      const sentAtCancel = host.mirror.bytesSent(archivePath);
      assert.ok(
        sentAtCancel > 0 && sentAtCancel < host.releases[0]!.archive.length,
        `cancelled midway (${sentAtCancel} bytes sent)`,
      );
      assert.equal(existsSync(path.join(sdk, 'go1.30.0')), false);
      assert.equal((await fs.readdir(path.join(sdk, '.downloads'))).length, 1, 'the partial download is kept');

      // Again: it resumes where it stopped.
      await applyInstallQuickFix();
      progress = toasts.locator('.notification-toast', { hasText: withRate }).first();
      await progress.waitFor({ timeout: 30_000 });

      // Then the offer to use it.
      const offer = toasts.locator('.notification-toast', { hasText: 'Use it for this workspace?' }).first();
      await offer.waitFor({ timeout: 30_000 });
      assert.match(
        await offer.innerText(),
        /Go 1\.30\.0 is installed in .*go1\.30\.0 .*SHA-256 verified against the official release index/,
      );
      await offer.locator('.monaco-button', { hasText: 'Use in This Workspace' }).click();

      // The diagnosis now runs the installed go: no problem left, status bar on Go 1.30.0.
      await wb.waitForStatus(/Go 1\.30\.0/, 30_000);
      assert.match(await wb.statusLabel(), /Go 1\.30\.0, no problems/);
      await problems
        .locator('.monaco-list-row', { hasText: 'go.mod needs Go 1.30' })
        .first()
        .waitFor({ state: 'detached', timeout: 15_000 });
      console.log(`      quick fix to Go 1.30.0 in use: ${((Date.now() - started) / 1000).toFixed(1)} s`);

      // Installed as `<sdk>/go1.30.0`, from the mirror; the workspace points the Go extension and us at it.
      const goBinary = path.join(sdk, 'go1.30.0', 'bin', 'go');
      assert.ok(existsSync(path.join(sdk, 'go1.30.0', '.unpacked-success')));
      const requests = host.mirror.requestsFor(archivePath);
      assert.ok(
        requests.some((q) => q.complete && q.status === 206 && q.range !== undefined),
        `resumed from the mirror with Range: ${JSON.stringify(requests)}`,
      );
      const settings = JSON.parse(
        stripJsonc(await fs.readFile(path.join(workspace, '.vscode', 'settings.json'), 'utf8')),
      ) as Record<string, unknown>;
      assert.equal(settings['goEnv.goPath'], goBinary);
      assert.deepEqual(settings['go.alternateTools'], { go: goBinary });
    });
  });

  it('"Go Env: Install Go Toolchain…" lists the stable releases with the installed one marked', async () => {
    await onFailure('toolchain-command', async () => {
      await wb.page.keyboard.press('Escape');
      await wb.page.keyboard.press('F1');
      const input = wb.page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill('>Go Env: Install Go Toolchain');
      await wb.page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'Go Env: Install Go Toolchain…' })
        .first()
        .waitFor();
      await wb.page.keyboard.press('Enter');
      const pick = wb.quickPick();
      await pick.locator('.monaco-list-row', { hasText: 'Go 1.29.4' }).first().waitFor({ timeout: 15_000 });
      const text = await pick.innerText();
      assert.match(text, /Go 1\.30\.0\s*latest · installed in .*go1\.30\.0/);
      assert.match(text, /Go 1\.29\.4\s*[\d.]+ MB/);
      await wb.page.keyboard.press('Escape');
      await pick.waitFor({ state: 'hidden' });
    });
  });
});
