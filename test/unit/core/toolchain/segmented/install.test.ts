// installToolchainRelease with several mirrors that serve ranges (real local servers, a real
// tar.gz toolchain): a mirror serving an altered range is named in toolchain.mirrorCorrupt and
// the installed go runs; with honest mirrors no such finding; two installs of the same version at
// once download it once (the second waits for the first).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { Platform } from '../../../../../src/core/platform';
import { installToolchainRelease, type InstallOptions } from '../../../../../src/core/toolchain/release/install';
import { RangeServer, type SourceBehaviour } from '../../../../support/rangeServer';
import { TEST_TIMEOUTS } from '../../../../support/segmentedHarness';
import { archiveEntry, fakeToolchainTarGzBuffer, releaseIndex } from '../../../../support/toolchainArchive';

const NAME = 'go1.22.5';
const RATE = 1_000_000;

describe('toolchain install from several range-serving mirrors', function () {
  this.timeout(30_000);
  let tgz: Buffer;
  let tmp: string;
  let servers: RangeServer[] = [];

  before(async () => {
    tgz = await fakeToolchainTarGzBuffer({ name: NAME, randomBytes: 2_000_000 });
  });
  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-seginst-'));
  });
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
    await fs.rm(tmp, { recursive: true, force: true });
  });

  async function start(...behaviours: SourceBehaviour[]): Promise<void> {
    const entry = archiveEntry(NAME, tgz);
    servers = await Promise.all(
      behaviours.map((b) => RangeServer.start(`/dl/${entry.filename}`, { data: tgz }, { bytesPerSec: RATE, ...b })),
    );
    servers[0]!.setIndex(releaseIndex([{ version: NAME, files: [entry] }]));
  }

  function install(o: Partial<InstallOptions> = {}) {
    const platform: Platform = { env: {}, homeDir: tmp, os: 'linux', arch: 'x64', now: Date.now };
    return installToolchainRelease({
      version: NAME,
      dir: path.join(tmp, 'sdk'),
      dlBases: [`${servers[0]!.url}/dl/`],
      mirrors: servers.slice(1).map((s) => `${s.url}/dl/`),
      platform,
      timeouts: TEST_TIMEOUTS,
      ...o,
    });
  }

  async function goVersion(goroot: string): Promise<string> {
    return (await promisify(execFile)(path.join(goroot, 'bin', 'go'), ['version'])).stdout.trim();
  }

  it('names a mirror that corrupts one range (toolchain.mirrorCorrupt) and installs the official bytes', async () => {
    const at = Math.floor(tgz.length / 2);
    await start({}, {}, { corrupt: { start: at - 200_000, end: at + 200_000 } });
    const r = await install();
    assert.equal(await goVersion(r.goroot), `go version ${NAME} linux/amd64`);
    const found = r.corruptSources ?? [];
    assert.equal(found.length, 1, r.events.join('\n'));
    const f = found[0]!;
    assert.equal(f.id, 'toolchain.mirrorCorrupt');
    assert.equal(f.mirror, servers[2]!.fileUrl);
    assert.ok(f.ranges.length > 0 && f.ranges.every((x) => x.from <= at + 200_000 && x.to >= at - 200_000));
    assert.match(f.detail, /Remove this mirror/);
    assert.equal(f.text?.title.key, 'mirrorCorrupt.title');
    assert.deepEqual(
      await fs.readdir(path.join(tmp, 'sdk', '.downloads')).catch(() => []),
      [],
      'the partial file and its range list are gone',
    );
  });

  it('reports no corrupt mirror when every source serves the official bytes', async () => {
    await start({}, {}, {});
    const r = await install();
    assert.equal(await goVersion(r.goroot), `go version ${NAME} linux/amd64`);
    assert.equal(r.corruptSources, undefined);
    assert.ok(servers.filter((s) => s.bytesSent > 100_000).length >= 2, 'the sources shared the work');
  });

  it('two installs of the same version at once: one downloads, the other waits for it', async () => {
    await start({}, {});
    let waited = 0;
    const [a, b] = await Promise.all([install({ onWait: () => waited++ }), install({ onWait: () => waited++ })]);
    assert.equal(a.goroot, b.goroot);
    assert.equal(waited, 1, 'exactly one of them waited');
    assert.equal([a, b].filter((r) => r.alreadyInstalled).length, 1);
    const sent = servers.reduce((n, s) => n + s.bytesSent, 0);
    assert.ok(sent < tgz.length * 1.2, `the file was fetched once (${sent} bytes for ${tgz.length})`);
    assert.equal(await goVersion(a.goroot), `go version ${NAME} linux/amd64`);
  });
});
