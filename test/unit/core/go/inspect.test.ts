import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { goEnvJson, goVersion } from '../../../../src/core/go/inspect';
import { locateGo, sdkCandidates } from '../../../../src/core/go/locate';
import { goProblemFinding } from '../../../../src/core/checks/goCheck';
import { redactFinding } from '../../../../src/core/findings';
import type { Platform } from '../../../../src/core/platform';
import { makeFakeGo, tempDir } from '../../../support/fakeGo';

function platform(env: NodeJS.ProcessEnv, homeDir = '/nonexistent-home'): Platform {
  return { env, homeDir, os: 'linux', arch: 'x64', now: () => Date.now() };
}

describe('go binary', () => {
  it('asks the real Debian go for its version and env', async () => {
    const p = platform({ PATH: '/usr/bin:/bin', HOME: '/root' });
    const v = await goVersion('/usr/bin/go', p, 10000);
    assert.ok('ok' in v, JSON.stringify(v));
    assert.match(v.ok.version, /^go1\.\d+/);
    assert.equal(v.ok.goos, 'linux');
    const e = await goEnvJson('/usr/bin/go', p, 10000);
    assert.ok('ok' in e, JSON.stringify(e));
    assert.ok(e.ok['GOROOT']!.length > 0);
    assert.ok('GOPROXY' in e.ok);
  });

  it('finds go on PATH first, then well-known places, then the newest ~/sdk toolchain', async () => {
    const home = await tempDir();
    const older = await makeFakeGo({}, path.join(home, 'sdk', 'go1.21.9'));
    const newer = await makeFakeGo({}, path.join(home, 'sdk', 'go1.22.10'));
    await makeFakeGo({}, path.join(home, 'sdk', 'go1.22.9'));
    const onPath = await makeFakeGo({});
    assert.deepEqual(await locateGo(platform({ PATH: path.dirname(onPath) }, home)), {
      found: true,
      go: { path: onPath, source: 'PATH' },
    });
    // Without PATH: /usr/bin/go (Debian's) is a well-known location and wins over ~/sdk.
    const wk = await locateGo(platform({ PATH: '' }, home));
    assert.ok(wk.found && wk.go.source === 'well-known', JSON.stringify(wk));
    assert.deepEqual(await sdkCandidates(platform({}, home)), [
      newer,
      path.join(home, 'sdk', 'go1.22.9', 'bin', 'go'),
      older,
    ]);
  });

  it('prefers an explicit path and reports a missing one as such', async () => {
    const fake = await makeFakeGo({});
    assert.deepEqual(await locateGo(platform({ PATH: '/usr/bin' }), fake), {
      found: true,
      go: { path: fake, source: 'option' },
    });
    const missing = await locateGo(platform({ PATH: '/usr/bin' }), '/nope/bin/go');
    assert.deepEqual(missing, { found: false, searched: ['/nope/bin/go'], explicit: '/nope/bin/go' });
  });

  it('stops a hanging go at the timeout and says so', async () => {
    const fake = await makeFakeGo({ versionScript: 'sleep 30' });
    const t0 = Date.now();
    const v = await goVersion(fake, platform({ PATH: '/usr/bin:/bin' }), 300);
    assert.ok(Date.now() - t0 < 3000, 'the sleep must be killed, not waited for');
    assert.ok('problem' in v && v.problem.kind === 'timeout');
    const f = goProblemFinding(fake, v.problem);
    assert.equal(f.id, 'go.timeout');
    assert.match(f.title, /300 ms/);
  });

  it('reports garbage output and failures with their own ids', async () => {
    const p = platform({ PATH: '/usr/bin:/bin' });
    const garbage = await makeFakeGo({ version: 'Hello from a wrapper', envJson: '<html>nope</html>' });
    const v = await goVersion(garbage, p, 5000);
    assert.ok('problem' in v && v.problem.kind === 'badOutput');
    assert.equal(goProblemFinding(garbage, v.problem).id, 'go.badOutput');
    const e = await goEnvJson(garbage, p, 5000);
    assert.ok('problem' in e && e.problem.kind === 'badOutput');

    const failing = await makeFakeGo({ envScript: 'echo "go: reading go env file: permission denied" >&2; exit 1' });
    const e2 = await goEnvJson(failing, p, 5000);
    assert.ok('problem' in e2 && e2.problem.kind === 'failed');
    const f = goProblemFinding(failing, e2.problem);
    assert.equal(f.id, 'go.failed');
    assert.match(f.detail, /exited with status 1: go: reading go env file: permission denied/);
    assert.match(f.detail, /go env file looks damaged/);
  });

  it('keeps a bounded, inert excerpt of what a failing go printed, and says it was cut', async () => {
    const p = platform({ PATH: '/usr/bin:/bin' });
    // One 1 MiB line with terminal escapes and a bidi override, then 20 more lines.
    const failing = await makeFakeGo({
      envScript:
        'printf "go: bad \\033[2J\\342\\200\\256txt.exe " >&2; head -c 1048576 /dev/zero | tr "\\0" x >&2; ' +
        'echo >&2; for i in $(seq 1 20); do echo "line $i" >&2; done; exit 1',
    });
    const e = await goEnvJson(failing, p, 10000);
    assert.ok('problem' in e && e.problem.kind === 'failed', JSON.stringify(e).slice(0, 200));
    const f = redactFinding(goProblemFinding(failing, e.problem));
    assert.equal(f.id, 'go.failed');
    assert.ok(Buffer.byteLength(f.detail) < 2048, `detail is ${Buffer.byteLength(f.detail)} bytes`);
    assert.match(f.detail, /exited with status 1: go: bad \[2Jtxt\.exe x{100}/);
    assert.match(f.detail, /x \[output cut: \d+ lines?, 10\d{5} bytes in all\]\.$/);
    assert.doesNotMatch(f.detail, /[\u001b\u202e]|line 1\b/);

    const short = await makeFakeGo({ envScript: 'echo "go: one line" >&2; exit 1' });
    const e2 = await goEnvJson(short, p, 5000);
    assert.ok('problem' in e2);
    assert.match(goProblemFinding(short, e2.problem).detail, /: go: one line\.$/);
  });

  it('reports a go that cannot start', async () => {
    const dir = await tempDir();
    const notExe = path.join(dir, 'go');
    await fs.writeFile(notExe, '\x7fELF garbage', { mode: 0o755 });
    const v = await goVersion(notExe, platform({ PATH: '/usr/bin:/bin' }), 5000);
    assert.ok('problem' in v && (v.problem.kind === 'spawn' || v.problem.kind === 'failed'), JSON.stringify(v));
    assert.equal(goProblemFinding(notExe, v.problem).id, 'go.failed');
  });

  it('cannot be made to download a toolchain by a go.mod: it runs with GOTOOLCHAIN=local', async () => {
    const fake = await makeFakeGo({ envScript: 'printf \'{"GOROOT":"/x","GOTOOLCHAIN":"%s"}\' "$GOTOOLCHAIN"' });
    const e = await goEnvJson(fake, platform({ PATH: '/usr/bin:/bin', GOTOOLCHAIN: 'auto' }), 5000);
    assert.ok('ok' in e);
    assert.equal(e.ok['GOTOOLCHAIN'], 'local');
  });
});
