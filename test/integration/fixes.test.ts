// Quick fixes on go.mod and the fix registry other features plug into.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { api, codeOf, diagnoseUntil, fakeGo, rootGoMod, setGoPath, waitFor, waitForDiagnostics } from './helpers';

async function goTooNewActions(): Promise<{ diagnostic: vscode.Diagnostic; actions: vscode.CodeAction[] }> {
  const ds = await waitForDiagnostics(
    rootGoMod(),
    (d) => d.some((x) => codeOf(x) === 'gomod.goTooNew'),
    'goTooNew on go.mod',
  );
  const diagnostic = ds.find((d) => codeOf(d) === 'gomod.goTooNew')!;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    rootGoMod(),
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return { diagnostic, actions };
}

describe('quick fixes', () => {
  let go: string;

  before(async () => {
    go = await fakeGo('go1.22.5');
    await setGoPath(go);
    await diagnoseUntil(
      (r) => r.go.path === go && r.findings.some((f) => f.id === 'gomod.goTooNew'),
      'goTooNew with the fake go',
    );
  });

  after(async () => {
    await setGoPath(undefined);
  });

  it('lists the finding\'s fixes and "Show Go Env report" for gomod.goTooNew', async () => {
    const { actions } = await goTooNewActions();
    const titles = actions.map((a) => a.title);
    // The installer is registered: the fix reads as what it does, not as a terminal command.
    const install = actions.find((a) => /^Install Go 1\.30\.0 \(verified\)$/.test(a.title));
    assert.ok(install, titles.join(' | '));
    assert.equal(install.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(install.command?.command, 'goEnv.applyFix');
    assert.ok(titles.includes('Show Go Env report'), titles.join(' | '));
  });

  it("runs the newest registered handler with the finding's action, and restores the previous one", async () => {
    const goEnv = await api();
    const seen: string[] = [];
    const registration = goEnv.registerFixHandler('installToolchain', async (action, ctx) => {
      seen.push(action.version);
      assert.equal(ctx.finding.id, 'gomod.goTooNew');
      assert.ok(ctx.requestPlatform.env, 'handlers get a platform for their own requests');
      assert.ok(ctx.progress, 'handlers get the notification to report progress in');
      return { rediagnose: false };
    });
    try {
      const { actions } = await goTooNewActions();
      const install = actions.find((a) => /Install Go 1\.30\.0/.test(a.title));
      assert.ok(install?.command, actions.map((a) => a.title).join(' | '));
      assert.ok(!/in a terminal/.test(install.title), `a handled fix is labelled as what it does: ${install.title}`);
      const result = await vscode.commands.executeCommand(
        install.command.command,
        ...(install.command.arguments ?? []),
      );
      assert.equal(result, 'handled');
      assert.deepEqual(seen, ['1.30.0']);
    } finally {
      registration.dispose();
    }
    const { actions } = await goTooNewActions();
    assert.ok(
      actions.some((a) => /^Install Go 1\.30\.0 \(verified\)$/.test(a.title)),
      'the built-in installer is back once the override is gone',
    );
  });

  it('runs a fix without a handler in a terminal, labelled with its command', async () => {
    // A go env file that disagrees with the environment: env.overridden, whose fix is a shell line.
    const goenv = process.env['GOENV'];
    assert.ok(goenv, 'the launcher sets GOENV');
    await fs.writeFile(goenv, 'GOPROXY=http://127.0.0.1:1\n');
    try {
      const report = await diagnoseUntil((r) => r.findings.some((f) => f.id === 'env.overridden'), 'env.overridden');
      const index = report.findings.findIndex((f) => f.id === 'env.overridden');
      const finding = report.findings[index]!;
      const fix = finding.fixes![0]!;
      assert.equal(fix.action, undefined);
      const ds = await waitForDiagnostics(
        rootGoMod(),
        (d) => d.some((x) => codeOf(x) === 'env.overridden'),
        'env.overridden on go.mod',
      );
      const d = ds.find((x) => codeOf(x) === 'env.overridden')!;
      assert.equal(d.range.start.line, 0);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        rootGoMod(),
        d.range,
      );
      const action = actions.find((a) => a.title.startsWith(fix.title));
      assert.ok(action?.command, actions.map((a) => a.title).join(' | '));
      assert.ok(action.title.includes(`run \`${fix.command}\` in a terminal`), action.title);

      const before = new Set(vscode.window.terminals);
      const result = await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
      assert.equal(result, 'terminal');
      const terminal = await waitFor(
        () => vscode.window.terminals.find((t) => !before.has(t) && t.name === `Go Env: ${fix.title}`),
        'the fix terminal',
      );
      terminal.dispose();
    } finally {
      await fs.rm(goenv, { force: true });
    }
  });

  it('refuses a fix reference that does not match the current report', async () => {
    const result = await vscode.commands.executeCommand('goEnv.applyFix', {
      findingIndex: 0,
      fixIndex: 0,
      findingId: 'no.such',
      fixTitle: 'nothing',
    });
    assert.equal(result, 'stale');
    assert.equal(await vscode.commands.executeCommand('goEnv.applyFix', 'rm -rf /'), 'stale');
  });
});
