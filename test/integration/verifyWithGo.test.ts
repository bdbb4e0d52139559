// "Go Env: Verify with the Go Command" in a real VS Code: the real go (Debian's 1.19) as referee,
// against the launcher's refusing loopback GOPROXY.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Finding } from '../../src/core/findings';
import { api, setGoPath } from './helpers';

describe('Verify with the Go Command', function () {
  this.timeout(120_000);
  before(async () => {
    await api();
    await setGoPath('/usr/bin/go');
  });
  after(async () => setGoPath(undefined));

  it('runs the real go as referee: go fails like our proxy finding says, and the report shows it', async () => {
    // A run started by a settings change or a file watcher may supersede ours: ask again then.
    let referee: Finding[] | undefined;
    for (let i = 0; i < 3 && !referee; i++)
      referee = (await vscode.commands.executeCommand('goEnv.verifyWithGo')) as Finding[] | undefined;
    assert.ok(referee, 'the command resolves with the referee findings');
    const failed = referee.filter((f) => f.id === 'referee.failed');
    assert.ok(
      failed.some((f) => f.subject === 'rsc.io/quote@v1.5.2' && /refused/.test(f.detail)),
      JSON.stringify(referee),
    );
    // Our diagnosis already says the loopback GOPROXY refuses: no disagreement.
    assert.ok(!referee.some((f) => f.id === 'referee.disagrees'), JSON.stringify(referee));
    const report = (await api()).lastReport();
    assert.ok(report?.findings.some((f) => f.id === 'referee.failed'));
  });
});
