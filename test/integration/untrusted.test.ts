// Restricted mode: a go binary named by the workspace settings must not run.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, diagnoseUntil, fileExists, workspaceRoot } from './helpers';

describe('untrusted workspace', () => {
  it('opens in restricted mode with the extension active', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the launcher opens this workspace untrusted');
    await api();
  });

  it('does not run the go binary the workspace settings name, and says why', async () => {
    // The launcher wrote .vscode/settings.json with goEnv.goPath pointing at a fake go that
    // leaves a marker file when it runs.
    const marker = path.join(workspaceRoot(), '..', 'workspace-go-ran');
    const report = await diagnoseUntil(
      (r) => r.go.path !== null || r.findings.some((f) => f.id === 'go.notFound'),
      'a report',
    );
    assert.ok(!(report.go.path ?? '').includes('workspace-go'), `used ${report.go.path}`);
    assert.equal(await fileExists(marker), false, 'the workspace-named go must not have run');
    const ignored = report.findings.find((f) => f.id === 'vscode.goPathIgnored');
    assert.ok(ignored, report.findings.map((f) => f.id).join(', '));
    assert.match(ignored.detail, /not trusted/);
  });
});
