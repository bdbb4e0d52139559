// Archive safety: real archives built by the test (tar package, hand-written headers, a small zip
// writer) go through the real extractors into a staging directory; every unsafe entry must be
// refused and nothing may appear outside the staging directory.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UnsafeArchiveError } from '../../../../../src/core/toolchain/errors';
import { TarGzExtractor } from '../../../../../src/core/toolchain/archive/extract';
import {
  fakeToolchainTarGz,
  goodRawEntries,
  gzip,
  paxEntry,
  rawTar,
  type RawEntry,
} from '../../../../support/toolchainArchive';

describe('toolchain archive extraction', function () {
  let tmp: string;
  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-extract-'));
  });
  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  /** Feeds `tgz` in uneven chunks (headers split across chunks) into a fresh staging dir. */
  async function extractTar(tgz: Buffer, chunk = 777): Promise<{ err: unknown; staging: string }> {
    const staging = path.join(tmp, 'parent', 'staging');
    await fs.mkdir(staging, { recursive: true });
    const ex = new TarGzExtractor(staging);
    try {
      for (let i = 0; i < tgz.length; i += chunk) await ex.write(tgz.subarray(i, i + chunk));
      await ex.end();
      return { err: undefined, staging };
    } catch (err) {
      return { err, staging };
    }
  }

  /** Everything under tmp except the staging directory's own content. */
  async function outsideStaging(): Promise<string[]> {
    const found: string[] = [];
    const walk = async (dir: string) => {
      for (const e of await fs.readdir(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        const rel = path.relative(tmp, p);
        if (rel === path.join('parent', 'staging')) continue;
        found.push(rel);
        if (e.isDirectory()) await walk(p);
      }
    };
    await walk(tmp);
    return found.sort();
  }

  async function expectUnsafe(entries: RawEntry[], reason: RegExp): Promise<void> {
    const { err } = await extractTar(gzip(rawTar([...goodRawEntries(), ...entries])));
    assert.ok(err instanceof UnsafeArchiveError, `expected UnsafeArchiveError, got ${String(err)}`);
    assert.match(err.message, reason);
    assert.deepEqual(await outsideStaging(), ['parent'], 'nothing may be written outside the staging directory');
  }

  it('unpacks a real toolchain tar.gz with modes, contents and mtimes', async () => {
    const tgz = await fakeToolchainTarGz(tmp, { name: 'go1.22.5', randomBytes: 300_000, smallFiles: 50 });
    const { err, staging } = await extractTar(tgz);
    assert.equal(err, undefined);
    const goBin = path.join(staging, 'bin', 'go');
    assert.equal((await fs.stat(goBin)).mode & 0o777, 0o755);
    assert.equal((await fs.stat(path.join(staging, 'VERSION'))).mode & 0o777, 0o644);
    assert.match(await fs.readFile(goBin, 'utf8'), /go version go1\.22\.5 linux\/amd64/);
    assert.equal((await fs.stat(path.join(staging, 'pkg', 'tool', 'linux_amd64', 'compile'))).size, 300_000);
    assert.equal((await fs.readdir(path.join(staging, 'src', 'fmt'))).length, 50);
    // Written from the header, not "now".
    const tree = path.join(
      (await fs.readdir(tmp)).filter((n) => n.startsWith('tree-')).map((n) => path.join(tmp, n))[0]!,
      'go',
      'VERSION',
    );
    assert.equal(
      Math.floor((await fs.stat(path.join(staging, 'VERSION'))).mtimeMs / 1000),
      Math.floor((await fs.stat(tree)).mtimeMs / 1000),
    );
  });

  it('survives any chunking, down to single bytes', async () => {
    const tgz = gzip(
      rawTar([
        ...goodRawEntries(),
        paxEntry({ path: 'go/' + 'd'.repeat(150) + '/long.txt' }),
        { name: 'go/placeholder', data: Buffer.from('long name via PAX') },
      ]),
    );
    const { err, staging } = await extractTar(tgz, 1);
    assert.equal(err, undefined);
    assert.equal(await fs.readFile(path.join(staging, 'd'.repeat(150), 'long.txt'), 'utf8'), 'long name via PAX');
  });

  it('refuses a symbolic link', () =>
    expectUnsafe([{ name: 'go/bin/evil', type: '2', linkname: '/etc/passwd' }], /symbolic link/));
  it('refuses a hard link', () =>
    expectUnsafe([{ name: 'go/bin/evil', type: '1', linkname: 'go/VERSION' }], /hard link/));
  it('refuses a character device', () => expectUnsafe([{ name: 'go/dev', type: '3' }], /device/));
  it('refuses a FIFO', () => expectUnsafe([{ name: 'go/fifo', type: '6' }], /FIFO/));
  it('refuses `..`', () => expectUnsafe([{ name: 'go/../../x', data: Buffer.from('escaped') }], /"\.\."/));
  it('refuses a leading `../`', () => expectUnsafe([{ name: '../x', data: Buffer.from('escaped') }], /"\.\."/));
  it('refuses an absolute path', () => expectUnsafe([{ name: '/tmp/ged-evil', data: Buffer.from('x') }], /absolute/));
  it('refuses backslashes', () => expectUnsafe([{ name: 'go\\..\\..\\x', data: Buffer.from('x') }], /backslash/));
  it('refuses entries outside go/', () =>
    expectUnsafe([{ name: 'other/file', data: Buffer.from('x') }], /outside the archive root/));
  it('refuses a PAX path that escapes', () =>
    expectUnsafe([paxEntry({ path: '../pax-evil' }), { name: 'go/ok', data: Buffer.from('x') }], /"\.\."/));
  it('refuses a PAX linkpath', () =>
    expectUnsafe([paxEntry({ linkpath: '/etc' }), { name: 'go/ok', data: Buffer.from('x') }], /link/));
  it('refuses duplicate entries', () =>
    expectUnsafe([{ name: 'go/VERSION', data: Buffer.from('again') }], /duplicate/));
  it('refuses names that collide on case-insensitive file systems', () =>
    expectUnsafe([{ name: 'go/version', data: Buffer.from('x') }], /collides/));
  it('refuses Windows device names', () =>
    expectUnsafe([{ name: 'go/src/aux.go', data: Buffer.from('x') }], /reserved/));

  it('refuses a header that claims more bytes than the archive holds', async () => {
    const { err } = await extractTar(
      gzip(rawTar([...goodRawEntries(), { name: 'go/big', data: Buffer.from('tiny'), size: 100_000 }], { end: false })),
    );
    assert.ok(err instanceof UnsafeArchiveError, String(err));
    assert.match(err.message, /ends .* before the end of this entry|truncated/);
  });

  it('refuses a header that claims fewer bytes than follow', async () => {
    const { err } = await extractTar(
      gzip(rawTar([...goodRawEntries(), { name: 'go/small', data: Buffer.alloc(2000, 0x41), size: 10 }])),
    );
    assert.ok(err instanceof UnsafeArchiveError, String(err));
    assert.match(err.message, /checksum|not a ustar/);
  });

  it('refuses an archive without end marker, data after it, and non-gzip input', async () => {
    const truncated = await extractTar(gzip(rawTar(goodRawEntries(), { end: false })));
    assert.match(String((truncated.err as Error).message), /truncated/);
    const trailing = await extractTar(gzip(Buffer.concat([rawTar(goodRawEntries()), Buffer.from('trailing garbage')])));
    assert.match(String((trailing.err as Error).message), /after the end-of-archive/);
    const plain = await extractTar(rawTar(goodRawEntries()));
    assert.match(String((plain.err as Error).message), /gzip/);
  });

  it('keeps accepting bytes after an unsafe entry, so the caller can finish hashing', async () => {
    const staging = path.join(tmp, 'staging');
    await fs.mkdir(staging);
    const ex = new TarGzExtractor(staging);
    const bad = gzip(rawTar([{ name: '/abs', data: Buffer.alloc(10) }, ...goodRawEntries()]));
    for (let i = 0; i < bad.length; i += 100) await ex.write(bad.subarray(i, i + 100));
    await assert.rejects(ex.end(), UnsafeArchiveError);
  });
});
