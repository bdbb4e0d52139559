// Stale runs are cancelled, and cancelling kills the go it was waiting for.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, diagnoseUntil, fakeGo, fileExists, setGoPath, sleep, waitFor } from './helpers';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('lifecycle', () => {
  after(async () => {
    await setGoPath(undefined);
  });

  it('a new diagnosis cancels the running one, and cancelling kills its go', async () => {
    const goEnv = await api();
    const fast = await fakeGo('go1.22.5');
    await setGoPath(fast);
    await diagnoseUntil((r) => r.go.path === fast, 'the fast fake go is used');

    // A go that hangs, recording its pid, so the test can see it killed.
    const pidDir = path.dirname(path.dirname(fast));
    const hanging = await fakeGo('go1.22.5', {
      versionScript: `echo $$ >> "${pidDir}/pids"; exec sleep 60`,
      envScript: `echo $$ >> "${pidDir}/pids"; exec sleep 60`,
    });
    await setGoPath(hanging);
    await sleep(500); // let the settings-change run start (it is superseded below anyway)

    const pidsFile = path.join(pidDir, 'pids');
    const first = goEnv.diagnose();
    const started = Date.now();
    const cts = new vscode.CancellationTokenSource();
    // Wait until the hanging go really runs, then supersede the first run with a second.
    const deadline = Date.now() + 10_000;
    while (!(await fileExists(pidsFile)) && Date.now() < deadline) await sleep(50);
    assert.ok(await fileExists(pidsFile), 'the hanging go was started');
    const second = goEnv.diagnose(cts.token);
    assert.equal(await first, undefined, 'the superseded run yields no report');
    assert.ok(Date.now() - started < 5_000, `superseding took ${Date.now() - started} ms`);

    await sleep(300);
    cts.cancel();
    assert.equal(await second, undefined, 'the cancelled run yields no report');
    assert.ok(Date.now() - started < 8_000, `cancelling took ${Date.now() - started} ms (go sleeps 60 s)`);

    const pids = (await fs.readFile(pidsFile, 'utf8')).split('\n').filter(Boolean).map(Number);
    assert.ok(pids.length >= 2, `pids: ${pids.join(',')}`);
    await waitFor(
      () => pids.every((p) => !alive(p)),
      `every hanging go killed (${pids.filter(alive).join(',')} alive)`,
      5_000,
    );
  });

  it('re-diagnoses when a setting that matters changes', async () => {
    const goEnv = await api();
    const a = await fakeGo('go1.23.1');
    const got = new Promise<string | null>((resolve) => {
      const sub = goEnv.onDidReport((r) => {
        if (r.go.path === a) {
          sub.dispose();
          resolve(r.go.version);
        }
      });
    });
    await setGoPath(a);
    const version = await Promise.race([got, sleep(15_000).then(() => 'timeout')]);
    assert.equal(version, 'go1.23.1');
  });
});
