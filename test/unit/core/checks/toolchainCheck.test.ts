// What go will run in a workspace and why it would stop: the real go 1.19 for pre-1.21 behaviour,
// fake go scripts that print what go 1.21-1.24 print, and a local GOPROXY + checksum database
// (the Go reference fixture) that serves one toolchain module and lacks another.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { runToolchainCheck, type ToolchainCheckInput } from '../../../../src/core/checks/toolchainCheck';
import type { Platform } from '../../../../src/core/platform';
import { runProcess } from '../../../../src/core/process/run';
import { installToolchainModule } from '../../../../src/core/toolchain/module/install';
import { ids, only } from '../../../support/findingAsserts';
import { makeFakeGo, tempDir } from '../../../support/fakeGo';
import { refusedPort } from '../../../support/servers';
import { startSumdbFixture, type SumdbFixture } from '../../../support/sumdbFixture';

const REAL_GO = '/usr/bin/go';

describe('toolchain check: which Go runs, and what it will do', function () {
  this.timeout(90_000);
  let fx: SumdbFixture;
  let work: string;
  let deadProxy: string;

  before(async () => {
    fx = await startSumdbFixture({ versions: ['1.22.5'] });
    deadProxy = `http://127.0.0.1:${await refusedPort()}`;
  });
  after(async () => fx?.stop());
  beforeEach(async () => {
    work = await tempDir('ged-tc-');
  });
  afterEach(async () => fs.rm(work, { recursive: true, force: true }));

  const platform = (env: NodeJS.ProcessEnv = {}): Platform => ({
    env: { PATH: '/usr/bin:/bin', HOME: work, XDG_STATE_HOME: path.join(work, 'state'), ...env },
    homeDir: work,
    os: 'linux',
    arch: 'x64',
    now: () => Date.now(),
  });

  async function writeFiles(files: Record<string, string>): Promise<string> {
    const ws = path.join(work, 'ws');
    for (const [name, text] of Object.entries(files)) {
      await fs.mkdir(path.dirname(path.join(ws, name)), { recursive: true });
      await fs.writeFile(path.join(ws, name), text);
    }
    return ws;
  }

  /** A fake go of this version whose GOROOT ships go.env with GOTOOLCHAIN (as Go 1.21+ releases do). */
  async function fakeGo(version: string, goEnvToolchain = 'auto', versionScript?: string): Promise<string> {
    const root = await tempDir('ged-fakego-');
    await fs.writeFile(
      path.join(root, 'go.env'),
      `GOPROXY=https://proxy.golang.org,direct\nGOTOOLCHAIN=${goEnvToolchain}\n`,
    );
    return makeFakeGo(
      { version: `go version ${version} linux/amd64`, ...(versionScript ? { versionScript } : {}) },
      root,
    );
  }

  const check = (o: {
    cwd: string;
    goPath: string;
    version: string;
    env?: NodeJS.ProcessEnv;
    file?: Map<string, string>;
    goproxy?: string;
  }) => {
    const p = platform(o.env);
    const input: ToolchainCheckInput = {
      cwd: o.cwd,
      go: { path: o.goPath, version: o.version, goos: 'linux', goarch: 'amd64' },
      layers: { os: p.env, file: o.file ?? new Map(), filePath: path.join(work, 'goenv') },
      gorootDir: path.dirname(path.dirname(o.goPath)),
      goEnv: { GOMODCACHE: path.join(work, 'modcache') },
      goproxy: o.goproxy ?? fx.url,
      gosumdb: fx.gosumdb,
      platform: p,
      timeoutMs: 5000,
      directBase: deadProxy,
    };
    return runToolchainCheck(input);
  };

  it('go 1.19 (the real one) runs itself: it ignores GOTOOLCHAIN and the toolchain line, and go agrees', async () => {
    const ws = await writeFiles({ 'go.mod': 'module example.com/m\n\ngo 1.23\n\ntoolchain go1.23.4\n' });
    const real = await runProcess(REAL_GO, { args: ['version'], timeoutMs: 10_000, env: {} });
    const local = real.kind === 'exited' ? real.stdout.split(' ')[2]! : 'go1.19';
    const r = await check({ cwd: ws, goPath: REAL_GO, version: local, env: { GOTOOLCHAIN: 'auto' } });
    const plan = only(r.findings, 'toolchain.plan');
    assert.equal(plan.title, `${local} runs here`);
    assert.match(plan.detail, /predates toolchain switching/);
    assert.deepEqual(ids(r.findings), ['toolchain.plan']);
    // go in the same workspace and environment runs itself.
    const inWs = await runProcess(REAL_GO, {
      args: ['version'],
      cwd: ws,
      env: { PATH: '/usr/bin:/bin', HOME: work, GOTOOLCHAIN: 'auto', GOFLAGS: '' },
      timeoutMs: 10_000,
    });
    assert.ok(inWs.kind === 'exited' && inWs.code === 0, JSON.stringify(inWs));
    assert.equal(inWs.stdout.split(' ')[2], r.plan?.runs);
  });

  it('go 1.21 switches for the toolchain line, and the local GOPROXY serves that toolchain', async () => {
    const go = await fakeGo('go1.21.0');
    const ws = await writeFiles({ 'go.mod': 'module example.com/m\n\ngo 1.21\n\ntoolchain go1.22.5\n' });
    const r = await check({ cwd: ws, goPath: go, version: 'go1.21.0' });
    const plan = only(r.findings, 'toolchain.plan');
    assert.equal(
      plan.title,
      'go will switch to go1.22.5 (toolchain line of go.mod; GOTOOLCHAIN=auto from the default ($GOROOT/go.env))',
    );
    assert.match(plan.detail, new RegExp(`download it from ${fx.url}.*checksum database ${fx.name}`));
    assert.deepEqual(ids(r.findings), ['toolchain.plan']);
  });

  it('toolchain.unavailable names each GOPROXY answer when no entry has the toolchain', async () => {
    const go = await fakeGo('go1.23.4');
    const ws = await writeFiles({ 'go.mod': 'module example.com/m\n\ngo 1.24.1\n' });
    const r = await check({ cwd: ws, goPath: go, version: 'go1.23.4', goproxy: `${fx.url},direct` });
    const f = only(r.findings, 'toolchain.unavailable');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.location, { file: path.join(ws, 'go.mod'), line: 3 });
    assert.match(f.detail, new RegExp(`${fx.url}: HTTP 4\\d\\d`), 'the fixture lacks go1.24.1');
    assert.match(f.detail, new RegExp(`direct \\(${deadProxy}/\\): .*(ECONNREFUSED|refused)`));
    assert.match(f.detail, /toolchain not available/);
    assert.deepEqual(f.fixes?.[0]?.action, { kind: 'installToolchain', version: '1.24.1' });
  });

  it('toolchain.unavailable when the proxy refuses; fixed by installing it and putting its bin first on PATH', async () => {
    const go = await fakeGo('go1.21.0');
    const ws = await writeFiles({ 'go.mod': 'module example.com/m\n\ngo 1.21\n\ntoolchain go1.22.5\n' });
    const broken = await check({ cwd: ws, goPath: go, version: 'go1.21.0', goproxy: deadProxy });
    const f = only(broken.findings, 'toolchain.unavailable');
    assert.match(f.detail, new RegExp(`${deadProxy}: `));
    assert.deepEqual(f.fixes?.[0]?.action, { kind: 'installToolchain', version: '1.22.5' });

    // The fix: our verified installer, then its bin first on PATH.
    const sdk = path.join(work, 'sdk');
    const installed = await installToolchainModule({
      version: '1.22.5',
      dir: sdk,
      platform: platform(),
      goproxy: fx.url,
      gosumdb: fx.gosumdb,
      stateDir: path.join(work, 'state', 'sumdb'),
    });
    const bin = path.join(installed.goroot, 'bin');
    const PATH = `${bin}:${path.dirname(go)}:/usr/bin:/bin`;
    const inWs = await runProcess('go', {
      args: ['version'],
      cwd: ws,
      env: { PATH, GOTOOLCHAIN: 'auto' },
      timeoutMs: 10_000,
    });
    assert.ok(inWs.kind === 'exited', JSON.stringify(inWs));
    assert.equal(inWs.stdout.trim(), 'go version go1.22.5 linux/amd64');
    const fixed = await check({
      cwd: ws,
      goPath: path.join(bin, 'go'),
      version: 'go1.22.5',
      goproxy: deadProxy,
      env: { PATH },
    });
    assert.deepEqual(ids(fixed.findings), ['toolchain.plan']);
    assert.match(only(fixed.findings, 'toolchain.plan').title, /^go1\.22\.5 runs here/);
  });

  it('a go1.X.Y binary in PATH is used without a download', async () => {
    const go = await fakeGo('go1.21.0');
    const other = await makeFakeGo({ version: 'go version go1.23.4 linux/amd64' });
    await fs.rename(other, path.join(path.dirname(other), 'go1.23.4'));
    const ws = await writeFiles({ 'go.mod': 'module example.com/m\n\ngo 1.23.4\n' });
    const r = await check({
      cwd: ws,
      goPath: go,
      version: 'go1.21.0',
      goproxy: deadProxy,
      env: { PATH: `${path.dirname(other)}:/usr/bin:/bin` },
    });
    assert.deepEqual(ids(r.findings), ['toolchain.plan']);
    assert.match(only(r.findings, 'toolchain.plan').detail, /go1\.23\.4 is in PATH/);
  });

  it('toolchain.switchForbidden names the OS environment, and is gone once GOTOOLCHAIN is unset', async () => {
    const go = await fakeGo('go1.21.0');
    const ws = await writeFiles({ 'go.mod': 'module example.com/m\n\ngo 1.22.5\n' });
    const r = await check({ cwd: ws, goPath: go, version: 'go1.21.0', env: { GOTOOLCHAIN: 'local' } });
    const f = only(r.findings, 'toolchain.switchForbidden');
    assert.match(f.detail, /GOTOOLCHAIN=local, set in the OS environment/);
    assert.match(f.detail, /go\.mod requires go >= 1\.22\.5 \(running go 1\.21\.0; GOTOOLCHAIN=local\)/);
    assert.deepEqual(
      f.fixes?.map((x) => x.command),
      ['go-env-doctor install 1.22.5', 'unset GOTOOLCHAIN'],
    );
    const fixed = await check({ cwd: ws, goPath: go, version: 'go1.21.0' });
    assert.deepEqual(ids(fixed.findings), ['toolchain.plan']);
  });

  it('toolchain.switchForbidden names $GOROOT/go.env patched to local; go env -w GOTOOLCHAIN=auto fixes it', async () => {
    const go = await fakeGo('go1.21.0', 'local');
    const ws = await writeFiles({ 'go.mod': 'module example.com/m\n\ngo 1.22.5\n' });
    const r = await check({ cwd: ws, goPath: go, version: 'go1.21.0' });
    const f = only(r.findings, 'toolchain.switchForbidden');
    assert.match(f.detail, new RegExp(`set in ${path.dirname(path.dirname(go))}/go.env`));
    assert.deepEqual(f.fixes?.[1]?.action, { kind: 'setGoEnv', name: 'GOTOOLCHAIN', value: 'auto' });
    const fixed = await check({ cwd: ws, goPath: go, version: 'go1.21.0', file: new Map([['GOTOOLCHAIN', 'auto']]) });
    assert.ok(!ids(fixed.findings).includes('toolchain.switchForbidden'), ids(fixed.findings).join());
    assert.match(only(fixed.findings, 'toolchain.plan').title, /switch to go1\.22\.5 .*from the go env file/);
  });

  it('a pinned older GOTOOLCHAIN name is forbidden to go further', async () => {
    const go = await fakeGo('go1.21.0');
    const ws = await writeFiles({ 'go.mod': 'module example.com/m\n\ngo 1.23\n' });
    const r = await check({ cwd: ws, goPath: go, version: 'go1.21.0', file: new Map([['GOTOOLCHAIN', 'go1.22.5']]) });
    const f = only(r.findings, 'toolchain.switchForbidden');
    assert.match(f.detail, /pins go1\.22\.5/);
    assert.match(f.detail, new RegExp(`the go env file ${path.join(work, 'goenv')}`));
  });

  it('toolchain.invalid for a GOTOOLCHAIN go rejects, absent once fixed', async () => {
    const go = await fakeGo('go1.21.0');
    const ws = await writeFiles({ 'go.mod': 'module example.com/m\n\ngo 1.21\n' });
    const bad = await check({ cwd: ws, goPath: go, version: 'go1.21.0', env: { GOTOOLCHAIN: 'go1.22+never' } });
    assert.match(only(bad.findings, 'toolchain.invalid').detail, /only version suffixes are \+auto and \+path/);
    const good = await check({ cwd: ws, goPath: go, version: 'go1.21.0', env: { GOTOOLCHAIN: 'go1.21.0+auto' } });
    assert.deepEqual(ids(good.findings), ['toolchain.plan']);
  });

  it('gowork.goTooOld for go 1.21; absent once raised, and absent for go 1.19, which accepts it (real go)', async () => {
    const files = {
      'go.work': 'go 1.21\n\nuse (\n\t./a\n)\n',
      'a/go.mod': 'module example.com/a\n\ngo 1.21.3\n',
      'a/a.go': 'package a\n',
    };
    const ws = await writeFiles(files);
    const go = await fakeGo('go1.21.5');
    const r = await check({ cwd: path.join(ws, 'a'), goPath: go, version: 'go1.21.5' });
    const f = only(r.findings, 'gowork.goTooOld');
    assert.deepEqual(f.location, { file: path.join(ws, 'go.work'), line: 1 });
    assert.match(f.detail, /listed in go\.work file requires go >= 1\.21\.3, but go\.work lists go 1\.21/);

    await fs.writeFile(path.join(ws, 'go.work'), 'go 1.21.3\n\nuse ./a\n');
    assert.deepEqual(ids((await check({ cwd: ws, goPath: go, version: 'go1.21.5' })).findings), ['toolchain.plan']);

    await fs.writeFile(path.join(ws, 'go.work'), 'go 1.18\n\nuse ./a\n');
    await fs.writeFile(path.join(ws, 'a/go.mod'), 'module example.com/a\n\ngo 1.19\n');
    const old = await check({ cwd: ws, goPath: REAL_GO, version: 'go1.19.8' });
    assert.ok(!ids(old.findings).includes('gowork.goTooOld'));
    const list = await runProcess(REAL_GO, {
      args: ['list', '-m'],
      cwd: ws,
      env: { PATH: '/usr/bin:/bin', HOME: work, GOFLAGS: '', GOPROXY: 'off' },
      timeoutMs: 20_000,
    });
    assert.ok(list.kind === 'exited' && list.code === 0, `go 1.19 accepts the workspace: ${JSON.stringify(list)}`);
  });

  it('shows go 1.24 toolchaintrace next to the plan, and reports a disagreement', async () => {
    const trace = (line: string) =>
      `case "$GODEBUG" in *toolchaintrace=1*) echo '${line}' >&2;; esac; [ "$GOPROXY" = off ] || exit 9; echo 'go version go1.24.0 linux/amd64'`;
    const ws = await writeFiles({ 'go.mod': 'module example.com/m\n\ngo 1.24.0\n' });
    const agreeing = await fakeGo('go1.24.0', 'auto', trace('go: using local toolchain go1.24.0'));
    const r = await check({ cwd: ws, goPath: agreeing, version: 'go1.24.0' });
    assert.deepEqual(ids(r.findings), ['toolchain.plan']);
    assert.match(only(r.findings, 'toolchain.plan').detail, /go: using local toolchain go1\.24\.0/);

    const other = await fakeGo(
      'go1.24.0',
      'auto',
      trace('go: upgrading toolchain to go1.25.1 (required by go line in go.mod; upgrade allowed by GOTOOLCHAIN=auto)'),
    );
    const d = await check({ cwd: ws, goPath: other, version: 'go1.24.0' });
    const f = only(d.findings, 'toolchain.traceDisagrees');
    assert.equal(f.title, 'go says it runs go1.25.1; we predicted go1.24.0');
  });
});
