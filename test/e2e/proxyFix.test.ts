// End-to-end, the GOPROXY switch: the packaged extension in code-server, a workspace whose GOPROXY (in a
// temporary go env file, GOENV) refuses connections. The quick fix on go.mod ranks two local
// mirrors in a quick pick, Enter writes the fast correct one first, and the proxy diagnostic
// disappears. Everything is loopback: the mirrors, the refused port, and the checksum database
// (the Go sumdb fixture, named by GOSUMDB in code-server's environment).
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../vscode/browser';
import { ensureCodeServer, freePort, installVsix, startCodeServer, writeUserSettings } from '../vscode/codeServer';
import { RESULTS_DIR, VSIX } from '../vscode/paths';
import { loopbackGoEnv, scratchDir, writeFiles } from '../vscode/workspaces';
import { RSC_QUOTE, startMirror, type Mirror, type MirrorModule } from '../support/mirrors';
import { startSumdbFixture, type SumdbFixture } from '../support/sumdbFixture';
import { Workbench } from './workbench';

/** What the diagnosis asks every GOPROXY entry for, so the new entries are judged working. */
const X_TEXT: MirrorModule = { path: 'golang.org/x/text', version: 'v0.21.0', mod: 'module golang.org/x/text\n' };
const FIX_TITLE = 'Switch GOPROXY to the fastest working mirror…';

describe('e2e: switching GOPROXY to the fastest working mirror from the quick fix', function () {
  this.timeout(180_000);
  let base: string;
  let extensionsDir: string;
  let fast: Mirror, slow: Mirror;
  let db: SumdbFixture;
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync(VSIX), `${VSIX} is missing: run npm run package`);
    await ensureCodeServer();
    base = await scratchDir('ged-e2e-proxy-');
    extensionsDir = path.join(base, 'extensions');
    [, fast, slow, db, browser] = await Promise.all([
      installVsix(VSIX, extensionsDir, path.join(base, 'install-user-data')),
      startMirror({ modules: [RSC_QUOTE, X_TEXT] }),
      startMirror({ modules: [RSC_QUOTE, X_TEXT], delayMs: 150 }),
      startSumdbFixture({ versions: ['1.21.0'] }),
      launchChromium(),
    ]);
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await Promise.all([fast?.close(), slow?.close(), db?.stop()]);
    if (base && !process.env['GED_KEEP']) await fs.rm(base, { recursive: true, force: true });
  });

  it('ranks the local mirrors in a quick pick, writes the fast one first to GOENV, the proxy diagnostic disappears; Undo brings both back', async () => {
    const refused = `http://127.0.0.1:${await freePort()}`;
    const dir = path.join(base, 'proxy-fix');
    const goenv = path.join(dir, 'goenv');
    // Another setting that must survive the write (the file is in go's sorted order already).
    await writeFiles(dir, { goenv: `GOPRIVATE=corp.example.com\nGOPROXY=${refused}\n` });
    const env = loopbackGoEnv(refused, goenv, { GOSUMDB: db.gosumdb, XDG_STATE_HOME: path.join(dir, 'state') });
    delete env['GOPROXY']; // the go env file decides
    const workspace = path.join(dir, 'workspace');
    await writeFiles(workspace, { 'go.mod': 'module example.com/mirrors\n\ngo 1.18\n' });
    const userDataDir = path.join(dir, 'user-data');
    // Only the local mirrors are candidates (the current GOPROXY entry is probed too).
    await writeUserSettings(userDataDir, { 'goEnv.proxyCandidates': [slow.url, fast.url] });
    await fs.mkdir(RESULTS_DIR, { recursive: true });
    const server = await startCodeServer({
      workspace,
      extensionsDir,
      userDataDir,
      trustAll: true,
      env,
      logFile: path.join(RESULTS_DIR, 'e2e-proxy-fix-code-server.log'),
    });
    let wb: Workbench | undefined;
    try {
      wb = await Workbench.open(browser, server);
      const page = wb.page;
      const problems = await wb.openProblems();
      await problems
        .locator('.monaco-list-row', { hasText: `GOPROXY entry ${refused}` })
        .first()
        .waitFor({ timeout: 30_000 });
      assert.match(await problems.innerText(), /proxy\.refused/);

      await wb.openFile('go.mod');
      const editor = page.locator('.editor-instance .monaco-editor').first();
      await editor.locator('.view-lines').click();
      await page.keyboard.press('Control+Home');
      const menu = await wb.quickFixMenu();
      const fixRow = menu.locator('.monaco-list-row', { hasText: FIX_TITLE }).first();
      await fixRow.waitFor();
      assert.doesNotMatch(await fixRow.innerText(), /in a terminal/, 'the editor performs it itself');
      // Keyboard, as a user would: a pointer-block layer sits over the menu while it is open.
      for (
        let i = 0;
        i < 10 && (await menu.locator('.monaco-list-row.focused').getAttribute('aria-label')) !== FIX_TITLE;
        i++
      )
        await page.keyboard.press('ArrowDown');
      assert.equal(await menu.locator('.monaco-list-row.focused').getAttribute('aria-label'), FIX_TITLE);
      const t0 = Date.now();
      await page.keyboard.press('Enter');

      // The ranking, as a quick pick: latency per mirror, the rejected one with its reason.
      const pick = wb.quickPick();
      const write = pick.locator('.monaco-list-row', { hasText: `Set GOPROXY=${fast.url},${slow.url},direct` }).first();
      await write.waitFor({ timeout: 30_000 });
      const rankedMs = Date.now() - t0;
      const text = await pick.innerText();
      assert.match(text, new RegExp(`${esc(fast.url)}\\s*[\\d.]+ ms median · fastest`));
      assert.match(text, new RegExp(`${esc(slow.url)}\\s*1\\d\\d ms median`));
      assert.match(text, new RegExp(`${esc(refused)}\\s*rejected[\\s\\S]*Rejected: could not be reached`));
      assert.match(text, /switch GOPROXY to the fastest working mirror \(3 mirrors checked in .*, 2 healthy\)/);
      assert.equal(
        await fs.readFile(goenv, 'utf8'),
        `GOPRIVATE=corp.example.com\nGOPROXY=${refused}\n`,
        'nothing written before Enter',
      );
      await page.screenshot({ path: path.join(RESULTS_DIR, 'proxy-ranking.png') });

      const tEnter = Date.now();
      await page.keyboard.press('Enter');
      await pick.waitFor({ state: 'hidden' });
      await page
        .locator('.notifications-toasts', { hasText: `GOPROXY is now ${fast.url},${slow.url},direct` })
        .first()
        .waitFor({ timeout: 30_000 });
      assert.equal(
        await fs.readFile(goenv, 'utf8'),
        `GOPRIVATE=corp.example.com\nGOPROXY=${fast.url},${slow.url},direct\n`,
      );

      // The diagnosis ran again by itself and the diagnostic is gone.
      const deadline = Date.now() + 30_000;
      while (/proxy\.refused/.test(await problems.innerText())) {
        if (Date.now() > deadline)
          throw new Error(`proxy.refused is still in the Problems panel:\n${await problems.innerText()}`);
        await page.waitForTimeout(200);
      }
      console.log(`      (quick fix → quick pick ${rankedMs} ms; Enter → diagnostic gone ${Date.now() - tEnter} ms)`);

      // "Undo" on the message puts the go env file back, and the diagnosis shows the old problem again.
      const toast = page.locator('.notification-toast', { hasText: 'GOPROXY is now' }).first();
      await toast.locator('.monaco-button', { hasText: 'Undo' }).click();
      const undoDeadline = Date.now() + 30_000;
      while ((await fs.readFile(goenv, 'utf8')) !== `GOPRIVATE=corp.example.com\nGOPROXY=${refused}\n`) {
        if (Date.now() > undoDeadline)
          throw new Error(`the undo did not restore ${goenv}:\n${await fs.readFile(goenv, 'utf8')}`);
        await page.waitForTimeout(100);
      }
      await problems
        .locator('.monaco-list-row', { hasText: `GOPROXY entry ${refused}` })
        .first()
        .waitFor({ timeout: 30_000 });
    } catch (err) {
      await wb?.page.screenshot({ path: path.join(RESULTS_DIR, 'e2e-failed-proxy-fix.png') }).catch(() => undefined);
      throw err;
    } finally {
      await wb?.close();
      await server.stop();
    }
  });
});

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
