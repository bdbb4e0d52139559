import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { archFinding } from '../../../../src/core/checks/archCheck';
import { gobinFindings } from '../../../../src/core/checks/gobinCheck';
import { diagnose } from '../../../../src/core/diagnose';
import type { Platform } from '../../../../src/core/platform';
import { runProcess } from '../../../../src/core/process/run';
import type { EnvEntry } from '../../../../src/core/report/model';
import { makeFakeGo, tempDir } from '../../../support/fakeGo';

/** No network to reach: GOPROXY and GOSUMDB off, so no probe leaves the machine. */
async function offline(extra: NodeJS.ProcessEnv, machineArch?: string): Promise<Platform> {
  const home = await tempDir('ged-home-');
  return {
    env: {
      PATH: '/usr/bin:/bin',
      HOME: home,
      GOENV: path.join(home, 'goenv'),
      GOPROXY: 'off',
      GOSUMDB: 'off',
      ...extra,
    },
    homeDir: home,
    os: 'linux',
    arch: 'x64',
    ...(machineArch ? { machineArch: async () => machineArch } : {}),
    now: () => Date.now(),
  };
}

const ids = (r: { findings: { id: string }[] }) => r.findings.map((f) => f.id);

describe('which go runs, in the diagnosis', () => {
  it('lists every go and flags GOROOT, module mode and the architecture together, then none once fixed', async () => {
    const mod = await tempDir('ged-mod-');
    await fs.writeFile(path.join(mod, 'go.mod'), 'module example.com/m\n\ngo 1.19\n');
    const bogus = await tempDir('ged-notgo-');
    const broken = await offline({ GOROOT: bogus, GO111MODULE: 'off' }, 'arm64');
    const r = await diagnose({ cwd: mod, platform: broken, timeoutMs: 10000 });
    for (const id of ['go.all', 'env.gorootMismatch', 'env.moduleModeOff', 'go.archMismatch'])
      assert.ok(ids(r).includes(id), `${id} missing from ${ids(r).join()}`);
    const all = r.findings.find((f) => f.id === 'go.all')!;
    assert.match(all.detail, /at \/usr\/bin\/go → \/usr\/lib\/go-1\.19\/bin\/go \(PATH #1; a terminal runs this one\)/);

    const fixed = await offline({}, 'x64');
    const ok = await diagnose({ cwd: mod, platform: fixed, timeoutMs: 10000 });
    for (const id of ['env.gorootMismatch', 'env.moduleModeOff', 'go.archMismatch', 'go.incomplete', 'go.shadowed'])
      assert.ok(!ids(ok).includes(id), `${id} still in ${ids(ok).join()}`);
    assert.ok(ids(ok).includes('go.all'));
  });

  it("compares the editor's go (as the extension passes it) with a terminal's", async () => {
    const tree = await tempDir('ged-editor-go-');
    await makeFakeGo({ version: 'go version go1.40.1 linux/amd64' }, tree);
    await fs.writeFile(path.join(tree, 'VERSION'), 'go1.40.1\n');
    const p = await offline({}, 'x64');
    const r = await diagnose({ cwd: p.homeDir, platform: p, timeoutMs: 10000, editorGo: { goroot: tree } });
    const f = r.findings.find((x) => x.id === 'go.shadowed');
    assert.ok(f, ids(r).join());
    assert.match(
      f.detail,
      /The editor runs go1\.40\.1 at .* \(from go\.goroot\), a terminal runs go1\.\d+\.\d+ at \/usr\/bin\/go/,
    );
    const same = await diagnose({
      cwd: p.homeDir,
      platform: p,
      timeoutMs: 10000,
      editorGo: { alternateGo: '/usr/bin/go' },
    });
    assert.ok(!ids(same).includes('go.shadowed'), ids(same).join());
  });

  it('flags an amd64 go on an arm64 or 386 go on a 64-bit machine, by table', () => {
    const go = (goarch: string) => ({ path: '/usr/local/go/bin/go', version: 'go1.22.5', goarch });
    const table: [NodeJS.Platform, string, string, boolean][] = [
      ['darwin', 'arm64', 'amd64', true],
      ['darwin', 'arm64', 'arm64', false],
      ['darwin', 'x64', 'amd64', false],
      ['win32', 'x64', '386', true],
      ['win32', 'x64', 'amd64', false],
      ['linux', 'arm64', 'amd64', true],
      ['linux', 'arm', 'arm', false],
    ];
    for (const [os, machine, goarch, flagged] of table) {
      const f = archFinding(go(goarch), machine, { os });
      assert.equal(f !== undefined, flagged, `${os} ${machine} ${goarch}`);
      if (f) {
        assert.equal(f.id, 'go.archMismatch');
        assert.equal(f.severity, 'warning');
        assert.deepEqual(f.fixes?.[0]?.action, { kind: 'installToolchain', version: '1.22.5', arch: machine });
      }
    }
    assert.match(
      archFinding(go('amd64'), 'arm64', { os: 'darwin' })!.detail,
      /Rosetta 2.*Install the darwin\/arm64 build/,
    );
  });

  it('says when tools installed with go install are not on PATH, as a shell cannot find them', async () => {
    const gopath = await tempDir('ged-gopath-');
    await fs.mkdir(path.join(gopath, 'bin'));
    const tool = path.join(gopath, 'bin', 'mytool');
    await fs.writeFile(tool, '#!/bin/sh\necho hello\n', { mode: 0o755 });
    const env: Record<string, EnvEntry> = {
      GOPATH: { value: gopath, source: 'environment' },
      GOBIN: { value: '', source: 'default' },
    };
    const p = { os: 'linux' as const, env: { PATH: '/usr/bin:/bin' } };
    const sh = (PATH: string) => runProcess('/bin/sh', { args: ['-c', 'mytool'], env: { PATH }, timeoutMs: 5000 });
    const missing = await sh(p.env.PATH);
    assert.ok(missing.kind === 'exited' && missing.code === 127, JSON.stringify(missing));

    const found = await gobinFindings(env, p);
    assert.deepEqual(
      found.map((f) => [f.id, f.severity]),
      [['env.gobinNotOnPath', 'info']],
    );
    assert.match(found[0]!.detail, new RegExp(`${path.join(gopath, 'bin')} \\(GOPATH/bin\\) holds mytool`));
    const withBin = `/usr/bin:/bin:${path.join(gopath, 'bin')}`;
    const works = await sh(withBin);
    assert.ok(works.kind === 'exited' && works.stdout.trim() === 'hello', JSON.stringify(works));
    assert.deepEqual(await gobinFindings(env, { ...p, env: { PATH: withBin } }), []);
    // An empty GOBIN directory: nothing to miss.
    assert.deepEqual(await gobinFindings({ GOBIN: { value: await tempDir(), source: 'environment' } }, p), []);
  });
});
