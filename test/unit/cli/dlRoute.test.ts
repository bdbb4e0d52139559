// The release download route in `diagnose`: when install fails because the release index cannot be
// reached, its advice ("run go-env-doctor diagnose") must show why: dl.unreachable for that host.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../../src/core/findings';
import { buildCli, runCli } from '../../support/cli';
import { tempDir } from '../../support/fakeGo';
import { refusedPort } from '../../support/servers';
import { runInstall } from '../../support/toolchainCli';
import { startLocalGoRelease, type LocalGoReleaseHost } from '../../support/toolchainRelease';

describe('diagnose: the release download route (CLI)', function () {
  this.timeout(60_000);
  let work: string;
  let host: LocalGoReleaseHost | undefined;
  before(buildCli);
  beforeEach(async () => {
    work = await tempDir('ged-dl-');
  });
  afterEach(async () => {
    await host?.close();
    host = undefined;
    await fs.rm(work, { recursive: true, force: true });
  });

  const env = (): NodeJS.ProcessEnv => ({
    PATH: '/usr/bin:/bin',
    HOME: work,
    GOENV: path.join(work, 'goenv'),
    GOPROXY: 'off',
    GOSUMDB: 'off',
    GOFLAGS: '',
  });
  async function workspace(goLine: string): Promise<string> {
    const ws = path.join(work, 'ws');
    await fs.mkdir(ws, { recursive: true });
    await fs.writeFile(path.join(ws, 'go.mod'), `module example.com/m\n\ngo ${goLine}\n`);
    return ws;
  }
  const findings = (stdout: string): Finding[] => (JSON.parse(stdout) as { findings: Finding[] }).findings;

  it('install fails on an unreachable index; diagnose then shows dl.unreachable for it', async () => {
    const dlBase = `http://127.0.0.1:${await refusedPort()}/dl/`;
    const install = await runInstall(['1.30.0', '--dir', path.join(work, 'sdk'), '--dl-base', dlBase, '--json'], {
      env: env(),
    });
    assert.equal(install.code, 1, install.stderr);
    const failed = JSON.parse(install.stdout) as { ok: boolean; finding: Finding };
    assert.equal(failed.ok, false);
    assert.match(JSON.stringify(failed.finding), /go-env-doctor diagnose/);

    const ws = await workspace('1.30');
    const r = await runCli(['--json', '--cwd', ws, '--dl-base', dlBase], { env: env() });
    const dl = findings(r.stdout).filter((f) => f.id.startsWith('dl.'));
    const index = dl.find((f) => f.subject === `${dlBase}?mode=json&include=all`);
    assert.equal(index?.id, 'dl.unreachable', JSON.stringify(dl));
    assert.equal(index?.severity, 'error');
    assert.match(index?.detail ?? '', /refused|nothing accepts connections/i);
    const archive = dl.find((f) => f.subject === `${dlBase}go1.30.0.linux-amd64.tar.gz`);
    assert.equal(archive?.id, 'dl.unreachable');
    assert.equal(r.code, 1);
  });

  it('dl.ok for a working index and archive host, and install succeeds from the same route', async () => {
    host = await startLocalGoRelease({ scratch: work, names: ['go1.30.0'], goos: 'linux', goarch: 'amd64' });
    const ws = await workspace('1.30');
    const r = await runCli(['--json', '--cwd', ws, '--dl-base', host.dlBase, '--mirror', host.mirrorBase], {
      env: env(),
    });
    const dl = findings(r.stdout).filter((f) => f.id.startsWith('dl.'));
    assert.deepEqual(
      dl.map((f) => [f.id, f.subject]),
      [
        ['dl.ok', `${host.dlBase}?mode=json&include=all`],
        ['dl.ok', `${host.mirrorBase}go1.30.0.linux-amd64.tar.gz`],
        ['dl.ok', `${host.dlBase}go1.30.0.linux-amd64.tar.gz`],
      ],
    );
    const install = await runInstall(['1.30.0', '--dir', path.join(work, 'sdk'), '--dl-base', host.dlBase, '--json'], {
      env: env(),
    });
    assert.equal(install.code, 0, install.stdout);
  });

  it('probes nothing when the needed Go is installed, unless --all', async () => {
    host = await startLocalGoRelease({ scratch: work, names: ['go1.19.8'], goos: 'linux', goarch: 'amd64' });
    const ws = await workspace('1.19');
    const quiet = await runCli(['--json', '--cwd', ws, '--dl-base', host.dlBase], { env: env() });
    assert.deepEqual(
      findings(quiet.stdout).filter((f) => f.id.startsWith('dl.')),
      [],
    );
    const all = await runCli(['--json', '--cwd', ws, '--dl-base', host.dlBase, '--all'], { env: env() });
    assert.ok(findings(all.stdout).some((f) => f.id === 'dl.ok'));
  });
});
