// Drives the VS Code workbench in Chromium: the command palette, the status bar item, the
// Problems panel, the quick fix menu. Selectors are VS Code 1.100's.
import type { Browser, Locator, Page } from 'playwright-core';
import type { RunningCodeServer } from '../vscode/codeServer';

export class Workbench {
  private constructor(
    readonly page: Page,
    readonly server: RunningCodeServer,
  ) {}

  static async open(browser: Browser, server: RunningCodeServer): Promise<Workbench> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.workbenchUrl());
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
    // The explorer shows the folder once the remote file system is up.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    return new Workbench(page, server);
  }

  /** Our status bar item: VS Code names it `<extension id>.<item id>`. */
  statusItem(): Locator {
    return this.page.locator('.part.statusbar [id="go-env-doctor.go-env-doctor.goEnv.status"]');
  }

  async statusLabel(): Promise<string> {
    return (await this.statusItem().getAttribute('aria-label')) ?? '';
  }

  /** Polls the status item's accessible name until it matches. */
  async waitForStatus(pattern: RegExp, timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const label = await this.statusLabel().catch(() => '');
      if (pattern.test(label)) return label;
      if (Date.now() > deadline) throw new Error(`status bar item never matched ${pattern}; last: "${label}"`);
      await this.page.waitForTimeout(200);
    }
  }

  /** F1, type the command's title, Enter. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  quickPick(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  async openProblems(): Promise<Locator> {
    await this.runCommand('View: Focus Problems');
    const panel = this.page.locator('.markers-panel');
    await panel.waitFor();
    return panel;
  }

  /** Clicks the file in the explorer (Ctrl+P does not open the picker in headless Chromium). */
  async openFile(name: string): Promise<void> {
    await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
    await this.page.locator(`.tabs-container .tab[aria-label^="${name}"]`).first().waitFor();
  }

  /**
   * Presses Ctrl+. and returns the code action menu. A keystroke that lands while the workbench
   * is still moving focus (a notification just closed) is lost, so `refocus` puts the cursor back
   * and the key is pressed again, up to three times; the menu must still appear.
   */
  async quickFixMenu(refocus?: () => Promise<void>): Promise<Locator> {
    const menu = this.page.locator('.action-widget');
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+.');
      try {
        await menu.waitFor({ timeout: attempt < 3 ? 10_000 : 30_000 });
        return menu;
      } catch (err) {
        if (attempt >= 3 || !refocus) throw err;
        await refocus();
      }
    }
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }
}
