// End-to-end in Chinese: the packaged extension in a VS Code whose display language is zh-cn
// (code-server --locale zh-cn, with the minimal language pack from test/fixtures, since no
// real one is available offline). The clock finding speaks through the message catalog, so a
// loopback GOPROXY whose Date header is 10 minutes behind makes a finding that must reach the
// status bar tooltip, the go.mod diagnostic and the quick fix menu in Chinese.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../vscode/browser';
import { ensureCodeServer, installVsix, startCodeServer, writeUserSettings } from '../vscode/codeServer';
import { RESULTS_DIR, ROOT, VSIX } from '../vscode/paths';
import { loopbackGoEnv, scratchDir, writeFiles } from '../vscode/workspaces';
import { goproxyHandler, startHttpServer, type StartedServer } from '../support/servers';
import { Workbench } from './workbench';

const LANGUAGE_PACK = path.join(ROOT, 'test', 'fixtures', 'zh-cn-language-pack');
const MEDIA = path.join(ROOT, 'media');
/** Committed screenshots are rewritten only on request (or when missing), to keep diffs quiet. */
const UPDATE_MEDIA = process.env['GED_UPDATE_SCREENSHOTS'] === '1';
const CJK = /[\u4e00-\u9fff]/u;

/** The language pack as a .vsix (code-server installs extensions from packages only). */
async function packLanguagePack(out: string): Promise<void> {
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  await promisify(execFile)(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out],
    { cwd: LANGUAGE_PACK },
  );
}

/**
 * Installs the language pack and registers it in languagepacks.json, the index the server reads to
 * resolve `--locale` (VS Code's language pack service writes it; the install CLI does not).
 */
async function installLanguagePack(base: string, extensionsDir: string, userDataDir: string): Promise<void> {
  const vsix = path.join(base, 'zh-cn-language-pack.vsix');
  await packLanguagePack(vsix);
  await installVsix(vsix, extensionsDir, userDataDir);
  const manifest = JSON.parse(await fs.readFile(path.join(LANGUAGE_PACK, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    version: string;
  };
  const id = `${manifest.publisher}.${manifest.name}`;
  const folder = path.join(extensionsDir, `${id}-${manifest.version}`);
  const index = {
    'zh-cn': {
      hash: `${id}-${manifest.version}`,
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      translations: { vscode: path.join(folder, 'translations', 'main.i18n.json') },
      label: '中文(简体)',
    },
  };
  await fs.writeFile(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(index));
}

async function screenshotAround(
  wb: Workbench,
  name: string,
  boxes: { x: number; y: number; width: number; height: number }[],
) {
  const viewport = wb.page.viewportSize()!;
  const x = Math.max(0, Math.floor(Math.min(...boxes.map((b) => b.x))) - 12);
  const y = Math.max(0, Math.floor(Math.min(...boxes.map((b) => b.y))) - 12);
  const right = Math.min(viewport.width, Math.ceil(Math.max(...boxes.map((b) => b.x + b.width))) + 12);
  const bottom = Math.min(viewport.height, Math.ceil(Math.max(...boxes.map((b) => b.y + b.height))) + 12);
  await fs.mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, name);
  await wb.page.screenshot({ path: file, clip: { x, y, width: right - x, height: bottom - y } });
  const committed = path.join(MEDIA, name);
  if (UPDATE_MEDIA || !existsSync(committed)) await fs.copyFile(file, committed);
}

describe('e2e: the extension in Chinese (display language zh-cn)', function () {
  this.timeout(180_000);
  let base: string;
  let goproxy: StartedServer;
  let browser: Browser;
  let wb: Workbench;
  let stop: () => Promise<void>;

  before(async () => {
    assert.ok(existsSync(VSIX), `${VSIX} is missing: run npm run package`);
    await ensureCodeServer();
    base = await scratchDir('ged-e2e-zh-');
    const extensionsDir = path.join(base, 'extensions');
    await installVsix(VSIX, extensionsDir, path.join(base, 'install-user-data'));
    // Every probe's Date is 10 minutes behind: this computer's clock looks 10 minutes fast.
    goproxy = await startHttpServer(goproxyHandler({ dateOffsetMs: -600_000 }));
    browser = await launchChromium();
    const workspace = path.join(base, 'workspace');
    await writeFiles(workspace, { 'go.mod': 'module example.com/hello\n\ngo 1.18\n' });
    const userDataDir = path.join(base, 'user-data');
    await writeUserSettings(userDataDir);
    await installLanguagePack(base, extensionsDir, userDataDir);
    await fs.mkdir(RESULTS_DIR, { recursive: true });
    const server = await startCodeServer({
      workspace,
      extensionsDir,
      userDataDir,
      trustAll: true,
      env: loopbackGoEnv(goproxy.url, path.join(base, 'goenv')),
      logFile: path.join(RESULTS_DIR, 'e2e-chinese-code-server.log'),
      locale: 'zh-cn',
    });
    wb = await Workbench.open(browser, server);
    stop = async () => (await wb.close(), await server.stop());
  });

  after(async () => {
    await stop?.();
    await browser?.close().catch(() => undefined);
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

  it('(zh-1) the status bar item and its tooltip are Chinese', async () => {
    await onFailure('zh-status', async () => {
      const label = await wb.waitForStatus(/Go 1\.19\.8，1 个问题/, 60_000);
      assert.equal(label, 'Go Env：Go 1.19.8，1 个问题，最严重为错误');
      await wb.statusItem().hover();
      const hover = wb.page.locator('.monaco-hover', { hasText: 'Go Env Doctor' }).last();
      await hover.waitFor({ timeout: 10_000 });
      const text = await hover.innerText();
      assert.match(text, /系统时钟快了 10 分钟/);
      assert.match(text, /在终端中运行/);
      assert.match(text, /重新诊断/);
      assert.doesNotMatch(text, /The clock is/);
      const status = (await wb.statusItem().boundingBox())!;
      await screenshotAround(wb, 'zh-cn-status-bar.png', [(await hover.boundingBox())!, status]);
      await wb.page.keyboard.press('Escape');
    });
  });

  it('(zh-2) the go.mod diagnostic and its quick fixes are Chinese', async () => {
    await onFailure('zh-quick-fix', async () => {
      const problems = await wb.openProblems();
      const row = problems.locator('.monaco-list-row', { hasText: '系统时钟快了 10 分钟' }).first();
      await row.waitFor({ timeout: 15_000 });
      const text = await problems.innerText();
      assert.match(text, /clock\.skew/, 'the code stays the finding id');
      assert.match(text, /本机时钟比服务器（127\.0\.0\.1:\d+）报告的时间/);

      await wb.openFile('go.mod');
      const editor = wb.page.locator('.editor-instance .monaco-editor').first();
      await editor.locator('.view-lines').click();
      await wb.page.keyboard.press('Control+Home');
      const menu = await wb.quickFixMenu(async () => {
        await editor.locator('.view-lines').click();
        await wb.page.keyboard.press('Control+Home');
      });
      await menu.locator('.monaco-list-row').first().waitFor();
      const fixes = await menu.innerText();
      assert.match(fixes, /sudo timedatectl set-ntp true/);
      assert.match(fixes, /在终端中运行/);
      assert.match(fixes, /显示 Go Env 报告/);
      for (const line of fixes.split('\n').filter((l) => /[A-Za-z]{3}/.test(l) && !/^\s*(快速修复|Quick Fix)/.test(l)))
        assert.match(line, CJK, `an English quick fix line: ${line}`);
      await screenshotAround(
        wb,
        'zh-cn-quick-fix.png',
        [(await editor.boundingBox())!, (await menu.boundingBox())!].map((b, i) =>
          i === 0 ? { ...b, width: Math.min(b.width, 700), height: 120 } : b,
        ),
      );
      await wb.page.keyboard.press('Escape');
    });
  });

  it('(zh-3) the command palette has the Chinese command titles, and the report shows the findings in Chinese', async () => {
    await onFailure('zh-report', async () => {
      // "Go Env: 显示报告" is package.nls.zh-cn.json's title for goEnv.showReport.
      await wb.runCommand('Go Env: 显示报告');
      await wb.page
        .locator('.tabs-container .tab[aria-label^="Go Env Report.md"]')
        .first()
        .waitFor({ timeout: 30_000 });
      // The report is longer than the editor shows: find the finding's title with the find widget.
      const count = async (text: string): Promise<string> => {
        await wb.page.locator('.editor-instance .monaco-editor .view-lines').last().click();
        await wb.page.keyboard.press('Control+f');
        const input = wb.page.locator('.find-widget textarea, .find-widget input').first();
        await input.waitFor();
        await input.fill(text);
        // The count settles once the search ran: "N of M" or "No results".
        const matches = wb.page.locator('.find-widget .matchesCount', { hasText: /\d of \d|No results/ });
        await matches.waitFor();
        const shown = (await matches.innerText()).trim();
        await wb.page.keyboard.press('Escape');
        return shown;
      };
      // In the verdict line and in the finding's own section.
      assert.match(await count('系统时钟快了 10 分钟'), /^[12] of [12]$/);
      assert.match(await count('The clock is'), /^No results$/);
    });
  });
});
