// Diagnostics on go.mod: where they go, their codes, and their refresh on save.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnoseUntil, fakeGo, ours, rootGoMod, setGoPath, subGoMod, waitForDiagnostics } from './helpers';

describe('diagnostics on go.mod', () => {
  let go: string;

  before(async () => {
    go = await fakeGo('go1.22.5');
    await setGoPath(go);
  });

  after(async () => {
    await setGoPath(undefined);
  });

  it('puts gomod.goTooNew on the go directive and environment problems on every module line', async () => {
    const report = await diagnoseUntil(
      (r) => r.go.path === go && r.findings.some((f) => f.id === 'gomod.goTooNew'),
      'the fake go 1.22.5 meets go.mod 1.30',
    );
    assert.ok(
      report.findings.some((f) => f.id.startsWith('proxy.') && f.severity === 'error'),
      'expected a proxy error for the refused loopback GOPROXY',
    );

    const root = await waitForDiagnostics(
      rootGoMod(),
      (ds) => ds.some((d) => codeOf(d) === 'gomod.goTooNew'),
      'goTooNew on go.mod',
    );
    const tooNew = root.find((d) => codeOf(d) === 'gomod.goTooNew')!;
    assert.equal(tooNew.range.start.line, 2, 'the `go 1.30` line');
    assert.equal(tooNew.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(tooNew.source, 'Go Env');
    assert.match(tooNew.message, /1\.30/);
    const rootProxy = root.filter((d) => codeOf(d).startsWith('proxy.'));
    assert.ok(rootProxy.length > 0, 'proxy problem on the root go.mod');
    for (const d of rootProxy) assert.equal(d.range.start.line, 0, 'on the module line');

    // The second module is satisfied by go1.22.5 but shares the environment's problems, on its
    // own module line (line 2: a comment comes first).
    const sub = ours(subGoMod());
    assert.ok(!sub.some((d) => codeOf(d) === 'gomod.goTooNew'), 'sub/go.mod says go 1.18');
    const subProxy = sub.filter((d) => codeOf(d).startsWith('proxy.'));
    assert.ok(subProxy.length > 0, 'proxy problem on sub/go.mod');
    for (const d of subProxy) assert.equal(d.range.start.line, 1);
  });

  it('refreshes when go.mod is saved', async () => {
    await diagnoseUntil((r) => r.go.path === go, 'the fake go is used');
    const uri = rootGoMod();
    const doc = await vscode.workspace.openTextDocument(uri);
    const original = doc.getText();
    const line = doc.lineAt(2);
    assert.equal(line.text, 'go 1.30');
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, line.range, 'go 1.21');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await doc.save());
      await waitForDiagnostics(
        uri,
        (ds) => ds.length > 0 && !ds.some((d) => codeOf(d) === 'gomod.goTooNew'),
        'goTooNew gone after saving go 1.21',
      );
    } finally {
      const restore = new vscode.WorkspaceEdit();
      restore.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), original);
      await vscode.workspace.applyEdit(restore);
      await doc.save();
    }
    await waitForDiagnostics(
      uri,
      (ds) => ds.some((d) => codeOf(d) === 'gomod.goTooNew'),
      'goTooNew back after restoring go 1.30',
    );
  });

  it('with no go binary, says so on go.mod and offers the install fix', async () => {
    await setGoPath('/nonexistent/ged/bin/go');
    try {
      const report = await diagnoseUntil((r) => r.go.path === null, 'no go is found');
      const notFound = report.findings.find((f) => f.id === 'go.notFound');
      assert.ok(notFound, 'go.notFound finding');
      assert.ok(
        notFound.fixes?.some((f) => f.action?.kind === 'installToolchain'),
        'offers to install Go',
      );
      const ds = await waitForDiagnostics(
        rootGoMod(),
        (d) => d.some((x) => codeOf(x) === 'go.notFound'),
        'go.notFound on go.mod',
      );
      assert.equal(ds.find((d) => codeOf(d) === 'go.notFound')!.range.start.line, 0);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        rootGoMod(),
        ds.find((d) => codeOf(d) === 'go.notFound')!.range,
      );
      assert.ok(
        actions.some((a) => /Install the latest Go/.test(a.title)),
        actions.map((a) => a.title).join(' | '),
      );
    } finally {
      await setGoPath(go);
    }
  });
});
