// Space and size limits on an unpack: free space is checked before any byte is fetched, and a
// tree that goes over the unpacked-size cap is refused with nothing staged left behind.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DoctorError } from '../../../../src/core/errors';
import type { Platform } from '../../../../src/core/platform';
import { TarGzExtractor } from '../../../../src/core/toolchain/archive/extract';
import { stageAndCommit } from '../../../../src/core/toolchain/commit';
import { spaceForArchive } from '../../../../src/core/toolchain/diskSpace';
import { installToolchainRelease } from '../../../../src/core/toolchain/release/install';
import { DownloadServer } from '../../../support/downloadServer';
import { tempDir } from '../../../support/fakeGo';
import { archiveEntry, fakeToolchainTarGzBuffer, releaseIndex } from '../../../support/toolchainArchive';

const NAME = 'go1.22.5';

describe('toolchain unpack limits', function () {
  this.timeout(30_000);
  let tgz: Buffer;
  let tmp: string;
  let sdk: string;
  let server: DownloadServer;
  let filePath: string;
  const platform: Platform = { env: {}, homeDir: '/nonexistent', os: 'linux', arch: 'x64', now: Date.now };

  before(async () => {
    tgz = await fakeToolchainTarGzBuffer({ name: NAME, randomBytes: 1_000_000 });
  });

  beforeEach(async () => {
    tmp = await tempDir('ged-limits-');
    sdk = path.join(tmp, 'sdk');
    server = await DownloadServer.start();
    const entry = archiveEntry(NAME, tgz);
    filePath = `/dl/${entry.filename}`;
    server.setIndex('/dl/', releaseIndex([{ version: NAME, files: [entry] }]));
    server.serve(filePath, { data: tgz });
  });

  afterEach(async () => {
    await server.close();
    await fs.rm(tmp, { recursive: true, force: true });
  });

  const install = (free: number) =>
    installToolchainRelease({
      version: NAME,
      dir: sdk,
      dlBases: [`${server.url}/dl/`],
      platform,
      freeBytes: async (dir) => {
        assert.equal(dir, sdk, 'free space is measured on the SDK directory');
        return free;
      },
    });

  it('refuses with toolchain.diskFull, naming the directory and the space needed, before fetching a byte', async () => {
    const needed = spaceForArchive(tgz.length);
    await assert.rejects(install(needed - 1), (err: unknown) => {
      assert.ok(err instanceof DoctorError, String(err));
      assert.equal(err.code, 'toolchain.diskFull', err.message);
      assert.ok(err.message.includes(`in ${sdk}: it needs about ${(needed / 1e6).toFixed(1)} MB`), err.message);
      assert.match(err.remedy, /--dir/);
      return true;
    });
    assert.equal(server.requestsFor(filePath).length, 0, 'the archive was not requested');
    assert.deepEqual(
      (await fs.readdir(sdk)).filter((n) => !n.endsWith('.lock')),
      [],
      'no staging directory is left',
    );
  });

  it('installs when the space needed is free', async () => {
    const r = await install(spaceForArchive(tgz.length));
    assert.equal(r.alreadyInstalled, false);
    assert.ok((await fs.stat(path.join(r.goroot, 'bin', 'go'))).isFile());
  });

  it('refuses a tree that goes over the unpacked-size cap and leaves no staging behind', async () => {
    const populate =
      (maxTotalBytes: number) =>
      async ({ root }: { root: string }): Promise<void> => {
        const ex = new TarGzExtractor(root, { limits: { maxTotalBytes } });
        for (let i = 0; i < tgz.length; i += 64 * 1024) await ex.write(tgz.subarray(i, i + 64 * 1024));
        await ex.end();
      };
    await assert.rejects(stageAndCommit({ dir: sdk, name: NAME, populate: populate(500_000) }), (err: unknown) => {
      assert.ok(err instanceof DoctorError, String(err));
      assert.equal(err.code, 'toolchain.unsafeArchive', err.message);
      assert.match(err.message, /unpacked size exceeds 500000 bytes/);
      return true;
    });
    assert.deepEqual(
      (await fs.readdir(sdk)).filter((n) => !n.endsWith('.lock')),
      [],
    );
    // The same archive under a cap it fits: installed.
    const r = await stageAndCommit({ dir: sdk, name: NAME, populate: populate(2_000_000) });
    assert.equal(r.alreadyInstalled, false);
  });
});
