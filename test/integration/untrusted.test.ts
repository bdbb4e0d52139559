// Restricted mode: a go binary or a mirror named by the workspace settings must not be used.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
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

  it('does not contact or offer the mirror the workspace settings name', async () => {
    // The launcher wrote goEnv.extraMirrors with this loopback URL into .vscode/settings.json.
    const port = Number(process.env['GED_TEST_WORKSPACE_MIRROR_PORT']);
    assert.ok(port > 0, 'the launcher passes the port of the workspace mirror');
    const url = `http://127.0.0.1:${port}`;
    const requests: string[] = [];
    const server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      const report = await diagnoseUntil((r) => r.findings.length > 0, 'a report');
      const mentions = report.findings.filter((f) =>
        [f.subject ?? '', f.title, ...(f.fixes ?? []).map((x) => x.command)].some((t) => t.includes(url)),
      );
      assert.deepEqual(
        mentions.map((f) => f.id),
        [],
      );
      assert.deepEqual(requests, []);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
