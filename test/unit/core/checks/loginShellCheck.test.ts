// macOS by table: an editor started from the Dock lacks what the login shell exports. The login
// shell is a real child process: a fake $SHELL script that, like zsh -lic, runs the command with
// what a profile would export.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { dockEnvFindings, loginShellFindings } from '../../../../src/core/checks/loginShellCheck';
import { parseEnvOutput, readLoginShellEnv } from '../../../../src/core/go/loginShellEnv';
import { tempDir } from '../../../support/fakeGo';

/** A $SHELL that exports `profile` (as ~/.zprofile would) and runs `-c CMD` with /bin/sh. */
async function fakeShell(dir: string, profile: string, extra = ''): Promise<string> {
  const file = path.join(dir, 'zsh');
  await fs.writeFile(
    file,
    `#!/bin/sh\n${extra}\necho "profile noise before the markers"\n${profile}\nwhile [ "$1" != "-c" ]; do shift; done\nexec /bin/sh -c "$2"\n`,
    { mode: 0o755 },
  );
  return file;
}

describe('env.loginShellOnly (macOS: editor started from the Dock)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir('ged-loginshell-');
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it("reports what the login shell exports and the editor's environment lacks, with go env -w fixes", async () => {
    const shell = await fakeShell(
      dir,
      [
        'export PATH=/opt/homebrew/bin:/usr/local/go/bin:$PATH',
        'export GOPROXY=http://127.0.0.1:9/mod,direct',
        'export GOFLAGS=-mod=mod',
        'export HTTPS_PROXY=http://alice:s3cret@127.0.0.1:3128',
      ].join('\n'),
    );
    const editorEnv = { SHELL: shell, PATH: '/usr/bin:/bin', GOFLAGS: '-v' };
    const findings = await dockEnvFindings({ os: 'darwin', env: editorEnv }, { timeoutMs: 10_000 });
    assert.equal(findings.length, 1);
    const f = findings[0]!;
    assert.equal(f.id, 'env.loginShellOnly');
    assert.equal(f.severity, 'warning');
    assert.match(f.detail, /PATH entries \/opt\/homebrew\/bin, \/usr\/local\/go\/bin/);
    assert.match(f.detail, /GOPROXY=http:\/\/127\.0\.0\.1:9\/mod,direct/);
    assert.match(f.detail, /GOFLAGS=-mod=mod \(the editor has -v\)/);
    assert.match(f.detail, /Dock/);
    assert.doesNotMatch(f.detail, /s3cret/);
    assert.deepEqual(
      f.fixes?.map((x) => x.command),
      ['go env -w GOPROXY=http://127.0.0.1:9/mod,direct', 'go env -w GOFLAGS=-mod=mod'],
    );
  });

  it('says nothing once the editor has the same environment, from a terminal, or off macOS', async () => {
    const shell = await fakeShell(dir, 'export GOPROXY=http://127.0.0.1:9/mod');
    const same = { SHELL: shell, PATH: process.env['PATH'] ?? '/usr/bin:/bin', GOPROXY: 'http://127.0.0.1:9/mod' };
    assert.deepEqual(await dockEnvFindings({ os: 'darwin', env: same }, { timeoutMs: 10_000 }), []);
    const lacking = { SHELL: shell, PATH: '/usr/bin' };
    assert.deepEqual(
      await dockEnvFindings({ os: 'darwin', env: { ...lacking, TERM: 'xterm' } }, { timeoutMs: 10_000 }),
      [],
    );
    assert.deepEqual(await dockEnvFindings({ os: 'linux', env: lacking }, { timeoutMs: 10_000 }), []);
    assert.equal((await dockEnvFindings({ os: 'darwin', env: lacking }, { timeoutMs: 10_000 })).length, 1);
  });

  it('gives up quietly on a shell that hangs or fails', async () => {
    const hangs = await fakeShell(dir, 'sleep 30');
    assert.equal(await readLoginShellEnv({ env: { SHELL: hangs } }, { timeoutMs: 300 }), undefined);
    assert.equal(
      await readLoginShellEnv({ env: { SHELL: path.join(dir, 'missing') } }, { timeoutMs: 1000 }),
      undefined,
    );
    assert.equal(await readLoginShellEnv({ env: {} }, { timeoutMs: 1000 }), undefined);
  });

  it('reads only the lines between its markers', () => {
    const out =
      'Last login: today\n__GO_ENV_DOCTOR_ENV_START__\nA=1\nB=x=y\n continued\n__GO_ENV_DOCTOR_ENV_END__\nbye\n';
    assert.deepEqual(parseEnvOutput(out), { A: '1', B: 'x=y' });
    assert.deepEqual(loginShellFindings({ PATH: '/a' }, { shell: '/bin/zsh', env: { PATH: '/a' } }), []);
  });
});
