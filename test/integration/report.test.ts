// "Go Env: Show Report" and VS Code's own proxy settings in the report.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, diagnoseUntil, fakeGo, setGoPath } from './helpers';

describe('report', () => {
  let go: string;

  before(async () => {
    go = await fakeGo('go1.22.5');
    await setGoPath(go);
    await diagnoseUntil((r) => r.go.path === go, 'the fake go is used');
  });

  after(async () => {
    await setGoPath(undefined);
  });

  it('Show Report opens the Markdown report, ready to paste', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('goEnv.showReport');
    assert.ok(uri, 'the command returns the document it showed');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'markdown');
    const text = doc.getText();
    assert.match(text, /^# Go Env Doctor report/);
    assert.match(text, /go1\.22\.5/);
    assert.match(text, /`gomod\.goTooNew`/);
    assert.ok(
      vscode.window.activeTextEditor?.document.uri.toString() === uri.toString(),
      'the report is the active editor',
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it("reports http.proxy that differs from the go command's environment, without its password", async () => {
    const http = vscode.workspace.getConfiguration('http');
    await http.update('proxy', 'http://alice:s3cret-pw@127.0.0.1:9', vscode.ConfigurationTarget.Global);
    try {
      const report = await diagnoseUntil(
        (r) => r.findings.some((f) => f.id === 'vscode.proxyDiffers'),
        'vscode.proxyDiffers is reported',
      );
      const finding = report.findings.find((f) => f.id === 'vscode.proxyDiffers')!;
      assert.equal(finding.severity, 'info');
      assert.match(finding.detail, /http\.proxy/);
      assert.match(finding.detail, /HTTPS_PROXY/);
      const uri = await vscode.commands.executeCommand<vscode.Uri>('goEnv.showReport');
      const text = (await vscode.workspace.openTextDocument(uri)).getText();
      assert.match(text, /vscode\.proxyDiffers/);
      assert.ok(!text.includes('s3cret-pw'), 'the proxy password must not reach the report');
      assert.ok(!JSON.stringify(report).includes('s3cret-pw'), 'nor the report object');
      // The extension's own requests use VS Code's proxy setting.
      assert.equal((await api()).requestPlatform().env['HTTPS_PROXY'], 'http://alice:s3cret-pw@127.0.0.1:9');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await http.update('proxy', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnoseUntil(
      (r) => !r.findings.some((f) => f.id === 'vscode.proxyDiffers'),
      'the finding is gone with the setting',
    );
  });
});
