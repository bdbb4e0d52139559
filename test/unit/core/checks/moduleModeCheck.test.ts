import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { moduleModeFindings, modulesOffFor } from '../../../../src/core/checks/moduleModeCheck';
import { parseGoVersion } from '../../../../src/core/goVersion';
import { runProcess } from '../../../../src/core/process/run';
import type { EnvEntry } from '../../../../src/core/report/model';
import { tempDir } from '../../../support/fakeGo';

const env = (values: Record<string, string>): Record<string, EnvEntry> =>
  Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value, source: 'environment' as const }]));

/** Runs the real go in `dir` with `vars` (offline, its own cache). */
async function realGo(dir: string, args: string[], vars: NodeJS.ProcessEnv) {
  const home = await tempDir('ged-home-');
  const r = await runProcess('/usr/bin/go', {
    args,
    cwd: dir,
    env: { PATH: '/usr/bin:/bin', HOME: home, GOPROXY: 'off', GOCACHE: path.join(home, 'cache'), GOFLAGS: '', ...vars },
    timeoutMs: 20000,
  });
  assert.ok(r.kind === 'exited', JSON.stringify(r));
  return r;
}

async function module(requires: boolean): Promise<string> {
  const dir = await tempDir('ged-mod-');
  await fs.writeFile(
    path.join(dir, 'go.mod'),
    `module example.com/m\n\ngo 1.19\n${requires ? '\nrequire example.com/x v1.0.0\n' : ''}`,
  );
  await fs.writeFile(path.join(dir, 'm.go'), 'package m\n');
  return dir;
}

describe('module mode and vendoring', () => {
  it('flags GO111MODULE=off with a go.mod, as go ignores it, and is quiet once unset', async () => {
    const dir = await module(false);
    const file = path.join(dir, 'go.mod');
    const off = await realGo(dir, ['env', 'GOMOD'], { GO111MODULE: 'off' });
    assert.equal(off.stdout.trim(), '', 'go runs in GOPATH mode');
    const found = await moduleModeFindings({
      goModFiles: [file],
      env: env({ GO111MODULE: 'off' }),
      version: 'go1.19.8',
      os: 'linux',
    });
    assert.deepEqual(
      found.map((f) => [f.id, f.severity]),
      [['env.moduleModeOff', 'error']],
    );
    assert.match(found[0]!.detail, /GO111MODULE=off, so go builds .* in GOPATH mode/);
    assert.equal(found[0]!.fixes?.[0]?.command, 'unset GO111MODULE');

    const on = await realGo(dir, ['env', 'GOMOD'], {});
    assert.equal(on.stdout.trim(), file);
    assert.deepEqual(
      await moduleModeFindings({ goModFiles: [file], env: env({ GO111MODULE: '' }), version: 'go1.19.8', os: 'linux' }),
      [],
    );
  });

  it('follows the version rules for auto inside GOPATH/src, and agrees with go 1.19 there', async () => {
    const gopath = await tempDir('ged-gopath-');
    const dir = path.join(gopath, 'src', 'example.com', 'm');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'go.mod'), 'module example.com/m\n\ngo 1.19\n');
    const outside = await tempDir('ged-out-');
    const table: [string, string, string, boolean][] = [
      ['off', 'go1.22.5', dir, true],
      ['off', 'go1.22.5', outside, true],
      ['on', 'go1.11.13', dir, false],
      ['auto', 'go1.11.13', dir, true],
      ['', 'go1.12.17', dir, true],
      ['auto', 'go1.12.17', outside, false],
      ['auto', 'go1.13.15', dir, false],
      ['', 'go1.15.15', dir, false],
      ['auto', 'go1.19.8', dir, false],
      ['', 'go1.22.5', dir, false],
    ];
    for (const [mode, version, where, expected] of table)
      assert.equal(
        modulesOffFor(where, mode, parseGoVersion(version), gopath, 'linux'),
        expected,
        `${mode} ${version} ${where}`,
      );
    const r = await realGo(dir, ['env', 'GOMOD'], { GO111MODULE: 'auto', GOPATH: gopath });
    assert.equal(r.stdout.trim(), path.join(dir, 'go.mod'), 'go 1.19 honours go.mod inside GOPATH/src');
    const oldGo = await moduleModeFindings({
      goModFiles: [path.join(dir, 'go.mod')],
      env: { GO111MODULE: { value: 'auto', source: 'goenv' }, GOPATH: { value: gopath, source: 'default' } },
      version: 'go1.12.17',
      os: 'linux',
    });
    assert.deepEqual(
      oldGo.map((f) => f.id),
      ['env.moduleModeOff'],
    );
    assert.deepEqual(oldGo[0]!.fixes?.[0]?.action, { kind: 'setGoEnv', name: 'GO111MODULE', value: 'on' });
  });

  it('flags -mod=vendor without vendor/ when there is something to vendor, as go fails to build', async () => {
    const dir = await module(true);
    const file = path.join(dir, 'go.mod');
    const r = await realGo(dir, ['list', './...'], { GOFLAGS: '-mod=vendor' });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /inconsistent vendoring/);
    const found = await moduleModeFindings({
      goModFiles: [file],
      env: env({ GOFLAGS: '-mod=vendor' }),
      version: 'go1.19.8',
      os: 'linux',
    });
    assert.deepEqual(
      found.map((f) => [f.id, f.severity]),
      [['env.vendorMissing', 'warning']],
    );
    assert.equal(found[0]!.fixes?.[0]?.command, `cd ${dir} && go mod vendor`);

    // Without -mod=vendor go loads the module (and the finding is gone).
    const fixed = await realGo(dir, ['list', '-m'], {});
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.deepEqual(
      await moduleModeFindings({ goModFiles: [file], env: env({ GOFLAGS: '' }), version: 'go1.19.8', os: 'linux' }),
      [],
    );
    // Nothing to vendor: go accepts the missing directory, and so do we.
    const empty = await module(false);
    const ok = await realGo(empty, ['list', './...'], { GOFLAGS: '-mod=vendor' });
    assert.equal(ok.code, 0, ok.stderr);
    assert.deepEqual(
      await moduleModeFindings({
        goModFiles: [path.join(empty, 'go.mod')],
        env: env({ GOFLAGS: '-mod=vendor' }),
        os: 'linux',
      }),
      [],
    );
  });
});
