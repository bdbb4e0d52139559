// What counts as a toolchain this tool installed and verified, and where it refuses to write: a
// symlinked GOROOT or bin/go is never "installed", a tree whose marker records no hash is reported
// as unverified, partial downloads are never opened through a link, and an SDK directory other
// accounts can change is refused.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Agent } from 'undici';
import { DoctorError } from '../../../../src/core/errors';
import type { Platform } from '../../../../src/core/platform';
import { listInstalledToolchains } from '../../../../src/core/toolchain/catalog';
import { isCompleteToolchain, stageAndCommit } from '../../../../src/core/toolchain/commit';
import { describeArchiveInstall } from '../../../../src/core/toolchain/install';
import { MARKER_FILE } from '../../../../src/core/toolchain/layout';
import { installToolchainRelease } from '../../../../src/core/toolchain/release/install';
import { downloadVerified } from '../../../../src/core/toolchain/release/download';
import { withDefaults } from '../../../../src/core/toolchain/timeouts';
import { tempDir } from '../../../support/fakeGo';
import { runInstall } from '../../../support/toolchainCli';

const NAME = 'go1.22.5';

async function writeToolchain(root: string, marker?: object | string): Promise<void> {
  await fs.mkdir(path.join(root, 'bin'), { recursive: true });
  await fs.writeFile(path.join(root, 'bin', 'go'), '#!/bin/sh\necho "go version go1.22.5 linux/amd64"\n', {
    mode: 0o755,
  });
  if (marker !== undefined)
    await fs.writeFile(path.join(root, MARKER_FILE), typeof marker === 'string' ? marker : JSON.stringify(marker));
}

function rejectsWith(code: string, pattern: RegExp): (err: unknown) => boolean {
  return (err) => {
    assert.ok(err instanceof DoctorError, String(err));
    assert.equal(err.code, code, err.message);
    assert.match(`${err.message} ${err.remedy}`, pattern);
    return true;
  };
}

describe('toolchain: installed-by-us and SDK directory safety', function () {
  this.timeout(30_000);
  let tmp: string;
  let sdk: string;
  let platform: Platform;
  beforeEach(async () => {
    tmp = await tempDir('ged-safety-');
    sdk = path.join(tmp, 'sdk');
    await fs.mkdir(sdk, { mode: 0o755 });
    platform = { env: {}, homeDir: tmp, os: 'linux', arch: 'x64', now: Date.now } as Platform;
  });
  afterEach(() => fs.rm(tmp, { recursive: true, force: true }));

  it('a symlinked GOROOT with a marker and bin/go is not installed; an install replaces the link, not its target', async () => {
    const elsewhere = path.join(tmp, 'elsewhere');
    await writeToolchain(elsewhere, { installedBy: 'go-env-doctor', sha256: 'f'.repeat(64) });
    await fs.symlink(elsewhere, path.join(sdk, NAME));
    assert.equal(await isCompleteToolchain(path.join(sdk, NAME)), false);
    assert.equal((await listInstalledToolchains(sdk))[0]?.complete, false);

    const r = await stageAndCommit({ dir: sdk, name: NAME, populate: ({ root }) => writeToolchain(root) });
    assert.equal(r.alreadyInstalled, false);
    assert.ok((await fs.lstat(r.goroot)).isDirectory());
    assert.ok((await fs.lstat(path.join(elsewhere, 'bin', 'go'))).isFile(), 'the link target is untouched');
    assert.equal(await isCompleteToolchain(r.goroot), true);
  });

  it('a GOROOT whose bin/go (or bin) is a symlink is not installed', async () => {
    const goroot = path.join(sdk, NAME);
    await writeToolchain(path.join(tmp, 'real'));
    await fs.mkdir(path.join(goroot, 'bin'), { recursive: true });
    await fs.writeFile(path.join(goroot, MARKER_FILE), '');
    await fs.symlink(path.join(tmp, 'real', 'bin', 'go'), path.join(goroot, 'bin', 'go'));
    assert.equal(await isCompleteToolchain(goroot), false);
    await fs.rm(path.join(goroot, 'bin'), { recursive: true });
    await fs.symlink(path.join(tmp, 'real', 'bin'), path.join(goroot, 'bin'));
    assert.equal(await isCompleteToolchain(goroot), false);
  });

  it('a toolchain whose marker records no hash is reported as not installed by go-env-doctor, unverified', async () => {
    await writeToolchain(path.join(sdk, NAME), ''); // golang.org/dl writes an empty marker
    const r = await installToolchainRelease({ version: '1.22.5', platform, dir: sdk });
    assert.equal(r.alreadyInstalled, true);
    assert.equal(r.sha256, undefined);
    assert.match(describeArchiveInstall(r), /not installed by go-env-doctor, unverified/);

    const cli = await runInstall([NAME, '--dir', sdk, '--json'], { env: { HOME: tmp } });
    assert.equal(cli.code, 0, cli.stderr);
    const doc = JSON.parse(cli.stdout) as Record<string, unknown>;
    assert.equal(doc.verified, false, cli.stdout);
    assert.equal(doc.sha256, null);
    const text = await runInstall([NAME, '--dir', sdk], { env: { HOME: tmp } });
    assert.match(text.stdout, /not installed by go-env-doctor, unverified/);
  });

  it('a toolchain we installed and verified says so, with no "unverified"', async () => {
    const sha = 'a'.repeat(64);
    await writeToolchain(path.join(sdk, NAME), { installedBy: 'go-env-doctor', sha256: sha });
    const r = await installToolchainRelease({ version: '1.22.5', platform, dir: sdk });
    assert.doesNotMatch(describeArchiveInstall(r), /unverified/);
    assert.match(describeArchiveInstall(r), new RegExp(sha));
    const cli = await runInstall([NAME, '--dir', sdk, '--json'], { env: { HOME: tmp } });
    assert.equal((JSON.parse(cli.stdout) as Record<string, unknown>).verified, true, cli.stdout);
  });

  it('never opens a partial download through a symlink', async () => {
    const victim = path.join(tmp, 'victim');
    await fs.writeFile(victim, 'not yours');
    const partial = path.join(sdk, '.downloads', `${'b'.repeat(64)}.partial`);
    await fs.mkdir(path.dirname(partial));
    await fs.symlink(victim, partial);
    const dispatcher = new Agent();
    try {
      await assert.rejects(
        downloadVerified({
          filename: 'go1.22.5.linux-amd64.tar.gz',
          sources: [],
          sha256: 'b'.repeat(64),
          size: 9,
          partialPath: partial,
          consumer: { reset: async () => undefined, write: async () => undefined },
          dispatcher,
          timeouts: withDefaults({}),
        }),
        rejectsWith('toolchain.unsafeSdkDir', /is a symbolic link.*rm /s),
      );
    } finally {
      await dispatcher.close();
    }
    assert.equal(await fs.readFile(victim, 'utf8'), 'not yours');
  });

  for (const [mode, who] of [
    [0o775, 'its group'],
    [0o757, 'every user'],
  ] as const) {
    it(`refuses an SDK directory writable by ${who} (mode ${mode.toString(8)}), and installs once it is chmod go-w`, async () => {
      await fs.chmod(sdk, mode);
      let populated = false;
      const populate = async ({ root }: { root: string }) => {
        populated = true;
        await writeToolchain(root);
      };
      await assert.rejects(
        stageAndCommit({ dir: sdk, name: NAME, populate }),
        rejectsWith('toolchain.unsafeSdkDir', new RegExp(`${sdk}.*writable by ${who}.*chmod go-w ${sdk}`, 's')),
      );
      assert.equal(populated, false);
      assert.deepEqual(await fs.readdir(sdk), []);

      await fs.chmod(sdk, mode & ~0o022);
      const r = await stageAndCommit({ dir: sdk, name: NAME, populate });
      assert.equal(r.alreadyInstalled, false);
    });
  }

  it('refuses an SDK directory owned by another user (not root), and accepts it when that user installs', async function () {
    if (process.getuid?.() !== 0) this.skip(); // only root can hand a directory to another account
    await fs.chown(sdk, 65534, 65534);
    const populate = ({ root }: { root: string }) => writeToolchain(root);
    await assert.rejects(
      stageAndCommit({ dir: sdk, name: NAME, populate }),
      rejectsWith('toolchain.unsafeSdkDir', /belongs to another user \(uid 65534\).*--dir/s),
    );
    assert.deepEqual(await fs.readdir(sdk), []);
    // Its owner may install there (the check is about who else can change the directory).
    const r = await stageAndCommit({ dir: sdk, name: NAME, populate, owner: { uid: 65534 } });
    assert.equal(r.alreadyInstalled, false);
  });
});
