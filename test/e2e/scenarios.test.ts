// End-to-end: the packaged extension (.vsix from `npm run package`, installed with
// `code-server --install-extension`) in VS Code 1.100 (code-server), driven through Chromium
// like a user would. Every GOPROXY / GOSUMDB is a loopback server or a loopback port that
// refuses connections; go is Debian's real go1.19.8.
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../vscode/browser';
import {
  ensureCodeServer,
  freePort,
  installVsix,
  startCodeServer,
  writeUserSettings,
  type RunningCodeServer,
} from '../vscode/codeServer';
import { RESULTS_DIR, ROOT, VSIX } from '../vscode/paths';
import { loopbackGoEnv, scratchDir, writeFiles } from '../vscode/workspaces';
import { goproxyHandler, startHttpServer, type StartedServer } from '../support/servers';
import { startLocalGoRelease, type LocalGoReleaseHost } from '../support/toolchainRelease';
import { goosGoarch, hostPlatform } from '../../src/core/platform';
import { Workbench } from './workbench';

const MEDIA = path.join(ROOT, 'media');
/** Committed screenshots are rewritten only on request (or when missing), to keep diffs quiet. */
const UPDATE_MEDIA = process.env['GED_UPDATE_SCREENSHOTS'] === '1';

async function screenshot(
  wb: Workbench,
  name: string,
  clip?: { x: number; y: number; width: number; height: number },
): Promise<void> {
  await fs.mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, name);
  await wb.page.screenshot({ path: file, ...(clip ? { clip } : {}) });
  const committed = path.join(MEDIA, name);
  if (UPDATE_MEDIA || !existsSync(committed)) await fs.copyFile(file, committed);
}

describe('e2e: the packaged extension in VS Code', function () {
  this.timeout(180_000);
  let base: string;
  let extensionsDir: string;
  let goproxy: StartedServer;
  /** The release index and archive host the download route is probed on (loopback only). */
  let release: LocalGoReleaseHost;
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync(VSIX), `${VSIX} is missing: run npm run package`);
    await ensureCodeServer();
    base = await scratchDir('ged-e2e-');
    extensionsDir = path.join(base, 'extensions');
    await installVsix(VSIX, extensionsDir, path.join(base, 'install-user-data'));
    const installed = await fs.readdir(extensionsDir);
    assert.ok(
      installed.some((d) => d.startsWith('go-env-doctor.go-env-doctor-')),
      `installed: ${installed.join(', ')}`,
    );
    goproxy = await startHttpServer(goproxyHandler());
    release = await startLocalGoRelease({ scratch: base, names: ['go1.30.0'], ...goosGoarch(hostPlatform()) });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await goproxy?.close();
    await release?.close();
    if (base && !process.env['GED_KEEP']) await fs.rm(base, { recursive: true, force: true });
  });

  /** A code-server on its own workspace, environment and user data; the shared extensions folder. */
  async function session(
    name: string,
    files: Record<string, string>,
    env: NodeJS.ProcessEnv,
    settings: Record<string, unknown> = {},
  ) {
    const dir = path.join(base, name);
    const workspace = path.join(dir, 'workspace');
    await writeFiles(workspace, files);
    const userDataDir = path.join(dir, 'user-data');
    await writeUserSettings(userDataDir, settings);
    await fs.mkdir(RESULTS_DIR, { recursive: true });
    const server: RunningCodeServer = await startCodeServer({
      workspace,
      extensionsDir,
      userDataDir,
      trustAll: true,
      env,
      logFile: path.join(RESULTS_DIR, `e2e-${name}-code-server.log`),
    });
    const wb = await Workbench.open(browser, server);
    return { wb, dir, stop: async () => (await wb.close(), await server.stop()) };
  }

  async function onFailure<T>(wb: Workbench, name: string, body: () => Promise<T>): Promise<T> {
    try {
      return await body();
    } catch (err) {
      await wb.page.screenshot({ path: path.join(RESULTS_DIR, `e2e-failed-${name}.png`) }).catch(() => undefined);
      throw err;
    }
  }

  describe('a module that needs a newer Go than the installed go1.19.8', () => {
    let s: Awaited<ReturnType<typeof session>>;

    before(async () => {
      const dir = path.join(base, 'newer-go');
      s = await session(
        'newer-go',
        { 'go.mod': 'module example.com/hello\n\ngo 1.30\n', 'main.go': 'package main\n\nfunc main() {}\n' },
        loopbackGoEnv(goproxy.url, path.join(dir, 'goenv')),
        // Diagnose only when asked, so the first scenario shows the command doing it. go.mod needs a
        // Go that is not installed, so the download route is probed: on the local release host.
        { 'goEnv.runOnStartup': false, 'goEnv.toolchain.dlBase': release.dlBase },
      );
    });

    after(async () => {
      await s?.stop();
    });

    it('(1) F1 → "Go Env: Diagnose" → the status bar shows the outcome', async () => {
      const { wb } = s;
      await onFailure(wb, 'diagnose', async () => {
        await wb.statusItem().waitFor({ timeout: 30_000 });
        assert.match(await wb.statusLabel(), /not diagnosed yet/);
        await wb.runCommand('Go Env: Diagnose');
        await wb.waitForStatus(/Go 1\.19\.8/, 30_000);
        assert.equal(await wb.statusLabel(), 'Go Env: Go 1.19.8, 1 problem, worst error');
        assert.match((await wb.statusItem().innerText()).trim(), /Go 1\.19\.8/);
        // statusBarItem.errorBackground: VS Code marks such items with these classes.
        const classes = (await wb.statusItem().getAttribute('class')) ?? '';
        assert.match(classes, /\berror-kind\b/);
        assert.match(classes, /\bhas-background-color\b/);
      });
    });

    it('(2) clicking the status bar item shows the findings and their fixes', async () => {
      const { wb } = s;
      await onFailure(wb, 'findings', async () => {
        // The tooltip first (it is the README screenshot), then the click.
        await wb.statusItem().hover();
        const hover = wb.page.locator('.monaco-hover', { hasText: 'Go Env Doctor' }).last();
        await hover.waitFor({ timeout: 10_000 });
        assert.match(await hover.innerText(), /go\.mod needs Go 1\.30/);
        const box = (await hover.boundingBox())!;
        const viewport = wb.page.viewportSize()!;
        const top = Math.max(0, Math.floor(box.y) - 12);
        await screenshot(wb, 'status-bar.png', {
          x: 0,
          y: top,
          width: Math.min(viewport.width, Math.ceil(box.x + box.width) + 240),
          height: viewport.height - top,
        });

        await wb.statusItem().click();
        const pick = wb.quickPick();
        await pick.waitFor();
        await pick.locator('.monaco-list-row', { hasText: 'go.mod needs Go 1.30' }).first().waitFor();
        const text = await pick.innerText();
        assert.match(text, /Install Go 1\.30\.0 \(verified\)/);
        assert.match(text, /Diagnose again/);
        assert.match(text, /GOPROXY entry http:\/\/127\.0\.0\.1:\d+ works/);
        await wb.page.keyboard.press('Escape');
        await pick.waitFor({ state: 'hidden' });
      });
    });

    it('(3) the Problems panel shows gomod.goTooNew and Ctrl+. on its line lists the quick fixes', async () => {
      const { wb } = s;
      await onFailure(wb, 'quick-fix', async () => {
        const problems = await wb.openProblems();
        const row = problems.locator('.monaco-list-row', { hasText: 'go.mod needs Go 1.30' }).first();
        await row.waitFor({ timeout: 15_000 });
        assert.match(await problems.innerText(), /gomod\.goTooNew/);
        assert.match(await problems.innerText(), /\[Ln 3, Col 1\]/);

        await wb.openFile('go.mod');
        const editor = wb.page.locator('.editor-instance .monaco-editor').first();
        await editor.locator('.view-lines').click();
        await wb.page.keyboard.press('Control+Home');
        await wb.page.keyboard.press('ArrowDown');
        await wb.page.keyboard.press('ArrowDown');
        const menu = await wb.quickFixMenu();
        await menu.locator('.action-widget-action-bar, .monaco-list-row').first().waitFor();
        const text = await menu.innerText();
        assert.match(text, /Install Go 1\.30\.0 \(verified\)/);
        assert.match(text, /Show Go Env report/);
        const menuBox = (await menu.boundingBox())!;
        const editorBox = (await editor.boundingBox())!;
        await screenshot(wb, 'quick-fix.png', {
          x: Math.floor(editorBox.x),
          y: Math.floor(editorBox.y),
          width: Math.min(
            wb.page.viewportSize()!.width - Math.floor(editorBox.x),
            Math.ceil(Math.max(menuBox.x + menuBox.width, editorBox.x + 500) - editorBox.x) + 40,
          ),
          height: Math.ceil(menuBox.y + menuBox.height - editorBox.y) + 40,
        });
        await wb.page.keyboard.press('Escape');
      });
    });
  });

  describe('a GOPROXY (in the go env file) that refuses connections', () => {
    it('(4) shows the proxy problem on go.mod, by itself at startup', async () => {
      const refused = `http://127.0.0.1:${await freePort()}`;
      const dir = path.join(base, 'refused');
      const goenv = path.join(dir, 'goenv');
      await writeFiles(dir, { goenv: `GOPROXY=${refused}\n` });
      const env = loopbackGoEnv(goproxy.url, goenv);
      delete env['GOPROXY']; // the go env file decides
      const s = await session('refused', { 'go.mod': 'module example.com/offline\n\ngo 1.18\n' }, env);
      try {
        await onFailure(s.wb, 'refused', async () => {
          const problems = await s.wb.openProblems();
          const row = problems.locator('.monaco-list-row', { hasText: `GOPROXY entry ${refused}` }).first();
          await row.waitFor({ timeout: 30_000 });
          const text = await problems.innerText();
          assert.match(text, /refuses connections/);
          assert.match(text, /proxy\.refused/);
          assert.match(text, /\[Ln 1, Col 1\]/, 'on the module line');
          assert.match(await s.wb.statusLabel(), /worst error/);
        });
      } finally {
        await s.stop();
      }
    });
  });
});
