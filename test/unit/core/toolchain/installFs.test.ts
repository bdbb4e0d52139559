// Renames and removals of the install path on Windows: retried for about two seconds while
// another program holds a file, then toolchain.fileLocked naming it, with nothing half-replaced.
// The failures come through Platform.fs (node's own fs, failing its first calls with errors shaped
// as node makes them), and for real from the kernel: an immutable directory (chattr +i) refuses
// renames with EPERM even for root, so a real refusal that clears while the installer waits.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs, constants } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { DoctorError } from '../../../../src/core/errors';
import type { PlatformFs } from '../../../../src/core/platform';
import { stageAndCommit } from '../../../../src/core/toolchain/commit';
import { MARKER_FILE } from '../../../../src/core/toolchain/layout';
import { tempDir } from '../../../support/fakeGo';

const run = promisify(execFile);

/** node's fs, except that the first `n` calls of `op` fail with `code` (as node reports it). */
function failingFs(op: 'rename' | 'rm', n: number, code: 'EPERM' | 'EACCES' | 'EBUSY') {
  const calls: string[] = [];
  const fail = (syscall: string, p: string) => {
    calls.push(p);
    if (calls.length > n) return;
    throw Object.assign(new Error(`${code}: resource busy or locked, ${syscall} '${p}'`), {
      errno: -constants[code as keyof typeof constants],
      code,
      syscall,
      path: p,
    });
  };
  const f: PlatformFs = {
    rename: async (from, to) => {
      if (op === 'rename') fail('rename', from);
      await fs.rename(from, to);
    },
    rm: async (p, opts) => {
      if (op === 'rm') fail('rmdir', p);
      await fs.rm(p, opts);
    },
  };
  return { fs: f, calls };
}

async function writeToolchain(root: string, text = '#!/bin/sh\n'): Promise<void> {
  await fs.mkdir(path.join(root, 'bin'), { recursive: true });
  await fs.writeFile(path.join(root, 'bin', 'go'), text, { mode: 0o755 });
}

describe('toolchain install: renames and removals while Windows holds a file', function () {
  this.timeout(20_000);
  let dir: string;
  const NAME = 'go1.22.5';
  beforeEach(async () => {
    dir = await tempDir('ged-installfs-');
  });
  afterEach(async () => {
    await run('chattr', ['-R', '-i', dir]).catch(() => undefined);
    await fs.rm(dir, { recursive: true, force: true });
  });
  const names = async () => (await fs.readdir(dir)).filter((n) => !n.endsWith('.lock')).sort();

  it('retries the rename into place until the holder lets go', async () => {
    const f = failingFs('rename', 3, 'EBUSY');
    const r = await stageAndCommit({
      dir,
      name: NAME,
      host: { os: 'win32', fs: f.fs },
      populate: ({ root }) => writeToolchain(root),
    });
    assert.equal(f.calls.length, 4);
    assert.ok((await fs.stat(path.join(r.goroot, MARKER_FILE))).isFile());
    assert.deepEqual(await names(), [NAME]);
  });

  it('gives up with toolchain.fileLocked naming the file; no tree is a mix of old and new', async () => {
    const goroot = path.join(dir, NAME);
    await writeToolchain(goroot, 'earlier, incomplete unpack');
    // The first rename (the earlier tree aside) goes through; the one into place never does.
    const f = failingFs('rename', Infinity, 'EPERM');
    let n = 0;
    const flaky: PlatformFs = {
      rename: async (from, to) => (n++ === 0 ? fs.rename(from, to) : f.fs.rename(from, to)),
      rm: f.fs.rm,
    };
    const err = await stageAndCommit({
      dir,
      name: NAME,
      host: { os: 'win32', fs: flaky },
      populate: ({ root }) => writeToolchain(root),
    }).catch((e: unknown) => e);
    assert.ok(err instanceof DoctorError, String(err));
    assert.equal(err.code, 'toolchain.fileLocked');
    assert.match(err.message, /staging-.*another program holds it \(EPERM\)/);
    assert.match(err.remedy, /antivirus/);
    // The put-back rename failed too (the same holder): the earlier tree stays aside, not lost.
    assert.ok(f.calls.length > 5, String(f.calls.length));
    const left = await names();
    assert.equal(left.filter((x) => x.includes('staging')).length, 0, 'staging removed');
    const aside = left.find((x) => x.startsWith(`.${NAME}.old`))!;
    assert.equal(await fs.readFile(path.join(dir, aside, 'bin', 'go'), 'utf8'), 'earlier, incomplete unpack');
  });

  it('puts the earlier tree back when only the rename into place is refused', async () => {
    const goroot = path.join(dir, NAME);
    await writeToolchain(goroot, 'earlier, incomplete unpack');
    let n = 0;
    const refuseSecond: PlatformFs = {
      rename: async (from, to) => {
        if (n++ === 1) throw Object.assign(new Error(`EXDEV: cross-device link, rename '${from}'`), { code: 'EXDEV' });
        await fs.rename(from, to);
      },
      rm: (p, o) => fs.rm(p, o),
    };
    await assert.rejects(
      stageAndCommit({
        dir,
        name: NAME,
        host: { os: 'win32', fs: refuseSecond },
        populate: ({ root }) => writeToolchain(root),
      }),
    );
    assert.equal(await fs.readFile(path.join(goroot, 'bin', 'go'), 'utf8'), 'earlier, incomplete unpack');
    assert.deepEqual(await names(), [NAME]);
  });

  it('retries removing a stale staging directory', async () => {
    await writeToolchain(path.join(dir, `.${NAME}.staging-old`));
    const f = failingFs('rm', 2, 'EACCES');
    await stageAndCommit({
      dir,
      name: NAME,
      host: { os: 'win32', fs: f.fs },
      populate: ({ root }) => writeToolchain(root),
    });
    assert.ok(f.calls.length >= 3);
    assert.deepEqual(await names(), [NAME]);
  });

  it('does not retry on Linux: the refusal is reported at once', async () => {
    const f = failingFs('rename', 1, 'EPERM');
    const err = await stageAndCommit({
      dir,
      name: NAME,
      host: { os: 'linux', fs: f.fs },
      populate: ({ root }) => writeToolchain(root),
    }).catch((e: unknown) => e);
    assert.equal((err as DoctorError).code, 'toolchain.permissionDenied');
    assert.equal(f.calls.length, 1);
  });

  it('a real refusal (an immutable tree, EPERM from the kernel) that clears while it waits', async function () {
    const goroot = path.join(dir, NAME);
    await writeToolchain(goroot, 'earlier, incomplete unpack');
    if (
      !(await run('chattr', ['+i', goroot]).then(
        () => true,
        () => false,
      ))
    )
      this.skip();
    // The holder lets go a moment later, as a virus scanner does.
    const release = setTimeout(() => void run('chattr', ['-i', goroot]), 300);
    try {
      const r = await stageAndCommit({
        dir,
        name: NAME,
        host: { os: 'win32' },
        populate: ({ root }) => writeToolchain(root),
      });
      assert.equal(await fs.readFile(path.join(r.goroot, 'bin', 'go'), 'utf8'), '#!/bin/sh\n');
      assert.deepEqual(await names(), [NAME]);
    } finally {
      clearTimeout(release);
    }
  });

  it('a real refusal that does not clear: toolchain.fileLocked, the earlier tree untouched', async function () {
    const goroot = path.join(dir, NAME);
    await writeToolchain(goroot, 'earlier, incomplete unpack');
    if (
      !(await run('chattr', ['+i', goroot]).then(
        () => true,
        () => false,
      ))
    )
      this.skip();
    const err = await stageAndCommit({
      dir,
      name: NAME,
      host: { os: 'win32' },
      populate: ({ root }) => writeToolchain(root),
    }).catch((e: unknown) => e);
    assert.equal((err as DoctorError).code, 'toolchain.fileLocked', String(err));
    assert.ok((err as DoctorError).message.includes(goroot));
    await run('chattr', ['-i', goroot]);
    assert.equal(await fs.readFile(path.join(goroot, 'bin', 'go'), 'utf8'), 'earlier, incomplete unpack');
    assert.deepEqual(await names(), [NAME]);
  });
});
