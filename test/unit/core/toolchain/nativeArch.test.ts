// go.archMismatch's fix installs the machine's own build even when this process runs emulated
// (Node under Rosetta reports x64): the action carries the arch, and the installer, the CLI's
// `install --arch` and the extension's handler honour it. The local index serves both builds.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { diagnose } from '../../../../src/core/diagnose';
import type { Platform } from '../../../../src/core/platform';
import { installToolchain } from '../../../../src/core/toolchain/install';
import { DownloadServer } from '../../../support/downloadServer';
import { tempDir } from '../../../support/fakeGo';
import { archiveEntry, fakeToolchainTarGzBuffer, releaseIndex } from '../../../support/toolchainArchive';
import { runInstall } from '../../../support/toolchainCli';

const run = promisify(execFile);

/** Both linux builds of `name`, each a real tree whose bin/go prints its own GOARCH. */
async function serveBothBuilds(server: DownloadServer, name: string): Promise<void> {
  const files = [];
  for (const goarch of ['amd64', 'arm64']) {
    const tgz = await fakeToolchainTarGzBuffer({ name, goarch, smallFiles: 2 });
    const entry = archiveEntry(name, tgz, 'linux', goarch);
    server.serve(`/dl/${entry.filename}`, { data: tgz });
    files.push(entry);
  }
  server.setIndex('/dl/', releaseIndex([{ version: name, files }]));
}

async function installedBuild(goroot: string): Promise<string> {
  const out = (await run(path.join(goroot, 'bin', 'go'), ['version'])).stdout.trim();
  const tools = await fs.readdir(path.join(goroot, 'pkg', 'tool'));
  return `${out} [${tools.join(',')}]`;
}

describe('installing the native build (go.archMismatch)', function () {
  this.timeout(30_000);
  let server: DownloadServer;
  let home: string;

  beforeEach(async () => {
    server = await DownloadServer.start();
    home = await tempDir('ged-native-');
  });
  afterEach(async () => {
    await server.close();
    await fs.rm(home, { recursive: true, force: true });
  });

  it("the fix's action installs the arm64 build for an amd64 go on an arm64 machine, not the process's x64 one", async () => {
    // The real go 1.19 (linux/amd64) on a machine reported as arm64, from a process that says x64.
    const platform: Platform = {
      env: { PATH: '/usr/bin:/bin', HOME: home, GOENV: path.join(home, 'goenv'), GOPROXY: 'off', GOSUMDB: 'off' },
      homeDir: home,
      os: 'linux',
      arch: 'x64',
      machineArch: async () => 'arm64',
      now: () => Date.now(),
    };
    const r = await diagnose({ cwd: home, platform, timeoutMs: 10_000 });
    const finding = r.findings.find((f) => f.id === 'go.archMismatch');
    assert.ok(finding, r.findings.map((f) => f.id).join());
    const fix = finding.fixes![0]!;
    const action = fix.action;
    assert.ok(action?.kind === 'installToolchain' && action.arch === 'arm64', JSON.stringify(action));
    assert.match(fix.command, /^go-env-doctor install 1\.19\.\d+ --arch arm64$/);

    const name = `go${action.version}`;
    await serveBothBuilds(server, name);
    const dir = path.join(home, 'sdk');
    const dlBases = [`${server.url}/dl/`];
    const native = await installToolchain({ version: action.version, arch: action.arch, platform, dir, dlBases });
    assert.equal(await installedBuild(native.goroot), `go version ${name} linux/arm64 [linux_arm64]`);
    assert.deepEqual(
      server.requests.filter((q) => q.path.endsWith('.tar.gz')).map((q) => q.path),
      [`/dl/${name}.linux-arm64.tar.gz`],
    );

    // Without the action's arch the installer takes the process's: what the fix used to install.
    const other = path.join(home, 'sdk-process');
    const emulated = await installToolchain({ version: action.version, platform, dir: other, dlBases });
    assert.equal(await installedBuild(emulated.goroot), `go version ${name} linux/amd64 [linux_amd64]`);
  });

  it("replaces this version's other-architecture build in the SDK directory; without an arch it stays", async () => {
    const name = 'go1.22.5';
    await serveBothBuilds(server, name);
    const platform: Platform = { env: { HOME: home }, homeDir: home, os: 'linux', arch: 'x64', now: () => Date.now() };
    const o = { version: '1.22.5', platform, dir: path.join(home, 'sdk'), dlBases: [`${server.url}/dl/`] };
    const emulated = await installToolchain(o);
    assert.equal(await installedBuild(emulated.goroot), `go version ${name} linux/amd64 [linux_amd64]`);
    assert.equal((await installToolchain(o)).alreadyInstalled, true);

    const native = await installToolchain({ ...o, arch: 'arm64' });
    assert.equal(native.alreadyInstalled, false);
    assert.equal(native.goroot, emulated.goroot);
    assert.equal(await installedBuild(native.goroot), `go version ${name} linux/arm64 [linux_arm64]`);
    assert.equal((await installToolchain({ ...o, arch: 'arm64' })).alreadyInstalled, true);
    assert.deepEqual(
      (await fs.readdir(o.dir)).filter((f) => !f.startsWith('.downloads')),
      [name],
      'the amd64 tree is gone, nothing left beside it',
    );
  });

  it('install --arch takes a GOARCH or a Node name and refuses an unknown one', async () => {
    const name = 'go1.22.5';
    await serveBothBuilds(server, name);
    const base = ['--dl-base', `${server.url}/dl/`];
    const arm = await runInstall([name, '--dir', path.join(home, 'a'), '--arch', 'arm64', ...base]);
    assert.equal(arm.code, 0, arm.stderr);
    assert.equal(await installedBuild(path.join(home, 'a', name)), `go version ${name} linux/arm64 [linux_arm64]`);
    const amd = await runInstall([name, '--dir', path.join(home, 'b'), '--arch', 'x64', ...base]);
    assert.equal(amd.code, 0, amd.stderr);
    assert.equal(await installedBuild(path.join(home, 'b', name)), `go version ${name} linux/amd64 [linux_amd64]`);
    const bad = await runInstall([name, '--dir', path.join(home, 'c'), '--arch', 'sparc', ...base]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--arch takes a GOARCH such as amd64, arm64, 386.*not "sparc"/);
  });
});
