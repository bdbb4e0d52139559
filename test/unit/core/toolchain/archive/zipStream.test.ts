// The streaming zip extractor with real zips: made by Info-ZIP (to a file, and through a pipe,
// with data descriptors) and by Go's archive/zip (the writer of Go's release zips), fed in uneven
// chunks as a download delivers them; and hostile zips built byte by byte, each refused with
// nothing written outside the staging directory.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UnsafeArchiveError } from '../../../../../src/core/toolchain/errors';
import { ZipStreamExtractor } from '../../../../../src/core/toolchain/archive/zipStream';
import { moduleZip, writeToolchainTree, type ModuleZipEntry } from '../../../../support/toolchainArchive';
import { goZip, haveZip, infoZip } from '../../../../support/zipTools';

describe('toolchain archive: zips unpacked while they stream', function () {
  this.timeout(120_000);
  let tmp: string;
  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-zipstream-'));
  });
  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  async function extract(zip: Buffer, chunk = 65_536): Promise<{ err: unknown; staging: string }> {
    const staging = path.join(tmp, 'parent', 'staging');
    await fs.rm(staging, { recursive: true, force: true });
    await fs.mkdir(staging, { recursive: true });
    const ex = new ZipStreamExtractor(staging);
    try {
      for (let i = 0; i < zip.length; i += chunk) await ex.write(zip.subarray(i, i + chunk));
      await ex.end();
      return { err: undefined, staging };
    } catch (err) {
      return { err, staging };
    }
  }

  /** A Go-shaped tree with a large incompressible file and a large compressible one. */
  async function tree(): Promise<string> {
    const root = await fs.mkdtemp(path.join(tmp, 'tree-'));
    await writeToolchainTree(root, { name: 'go1.22.5', goos: 'windows', randomBytes: 1_500_000, smallFiles: 40 });
    await fs.writeFile(path.join(root, 'go', 'bin', 'go.exe'), Buffer.alloc(9_000_000, 'MZ'));
    await fs.writeFile(path.join(root, 'go', 'src', 'empty.go'), '');
    return root;
  }

  /** Every file under `a` has the same bytes under `b`, and `b` holds nothing else. */
  async function assertSameTree(a: string, b: string): Promise<void> {
    const list = async (d: string): Promise<string[]> => (await fs.readdir(d, { recursive: true })).map(String).sort();
    assert.deepEqual(await list(b), await list(a));
    for (const rel of await list(a)) {
      const st = await fs.stat(path.join(a, rel));
      if (st.isFile())
        assert.ok((await fs.readFile(path.join(a, rel))).equals(await fs.readFile(path.join(b, rel))), rel);
    }
  }

  it("unpacks a zip written by Go's archive/zip (deflate, data descriptors), in any chunking", async () => {
    const root = await tree();
    const file = path.join(tmp, 'go.zip');
    await goZip(tmp, path.join(root, 'go'), file);
    const zip = await fs.readFile(file);
    assert.equal(zip.readUInt16LE(6) & 0x0008, 0, 'the first entry (go/) has no descriptor');
    assert.ok(zip.includes(Buffer.from([0x50, 0x4b, 0x07, 0x08])), 'the zip holds data descriptors');
    for (const chunk of [65_536, 7_777, 1_000_003]) {
      const { err, staging } = await extract(zip, chunk);
      assert.equal(err, undefined, `chunk ${chunk}: ${String(err)}`);
      await assertSameTree(path.join(root, 'go'), staging);
    }
    const { staging } = await extract(zip);
    // Executable bits come from the central directory, after the data was written.
    assert.equal((await fs.stat(path.join(staging, 'bin', 'gofmt'))).mode & 0o111, 0o111);
    assert.equal((await fs.stat(path.join(staging, 'VERSION'))).mode & 0o111, 0);
  });

  it('unpacks Info-ZIP zips, written to a file and through a pipe (stored entries with descriptors)', async function () {
    if (!(await haveZip())) this.skip();
    const root = await tree();
    for (const piped of [false, true]) {
      const file = path.join(tmp, `info-${piped}.zip`);
      await infoZip(root, 'go', file, { piped });
      const { err, staging } = await extract(await fs.readFile(file), 3_001);
      assert.equal(err, undefined, `piped ${piped}: ${String(err)}`);
      await assertSameTree(path.join(root, 'go'), staging);
    }
  });

  it('survives single-byte chunks', async () => {
    const { zip } = moduleZip([
      { name: 'go/' },
      { name: 'go/bin/go.exe', data: Buffer.from('MZ fake'), descriptor: true },
      { name: 'go/VERSION', data: Buffer.from('go1.22.5\n'), method: 'store' },
      { name: 'go/src/a.go', data: randomBytes(3000), descriptor: true, method: 'deflate' },
    ]);
    const { err, staging } = await extract(zip, 1);
    assert.equal(err, undefined, String(err));
    assert.equal(await fs.readFile(path.join(staging, 'bin', 'go.exe'), 'utf8'), 'MZ fake');
  });

  /** Everything under tmp except the staging directory's content. */
  async function outsideStaging(): Promise<string[]> {
    return (await fs.readdir(tmp, { recursive: true }))
      .map(String)
      .filter((p) => !p.startsWith(path.join('parent', 'staging') + path.sep))
      .sort();
  }

  const good: ModuleZipEntry[] = [
    { name: 'go/' },
    { name: 'go/bin/go.exe', data: Buffer.from('MZ fake'), mode: 0o100755, descriptor: true },
    { name: 'go/VERSION', data: Buffer.from('go1.22.5\n') },
  ];

  async function expectRefused(zip: Buffer, reason: RegExp): Promise<void> {
    const { err } = await extract(zip, 1000);
    assert.ok(err instanceof UnsafeArchiveError, `expected UnsafeArchiveError, got ${String(err)}`);
    assert.match(err.message, reason);
    assert.deepEqual(await outsideStaging(), ['parent', path.join('parent', 'staging')]);
  }

  for (const [title, name, reason] of [
    ['backslashes', 'go\\..\\evil', /backslash/],
    ['a drive letter', 'C:/evil', /drive-letter/],
    ['a reserved device name', 'go/src/CON.go', /reserved device name/],
    ['a reserved name with a digit', 'go/com1', /reserved device name/],
    ['an alternate data stream', 'go/VERSION:evil', /colon/],
    ['`..`', 'go/../evil', /"\.\."/],
    ['an absolute path', '/evil', /absolute/],
    ['entries outside go/', 'evil.txt', /outside the archive root/],
  ] as const) {
    it(`refuses ${title}`, async () => {
      await expectRefused(moduleZip([...good, { name, data: Buffer.from('x') }]).zip, reason);
    });
  }

  it('refuses names that collide on case-insensitive file systems', () =>
    expectRefused(moduleZip([...good, { name: 'go/BIN/GO.EXE', data: Buffer.from('x') }]).zip, /collides/));

  it('refuses a symbolic link (its type is only in the central directory)', () =>
    expectRefused(
      moduleZip([...good, { name: 'go/bin/l', data: Buffer.from('/etc'), mode: 0o120777 }]).zip,
      /symbolic link/,
    ));

  it('refuses an encrypted entry, an unknown method and a stored file whose size follows its data', async () => {
    await expectRefused(moduleZip([...good, { name: 'go/e', data: Buffer.from('x'), flags: 0x0801 }]).zip, /encrypted/);
    await expectRefused(moduleZip([...good, { name: 'go/b', data: Buffer.from('x'), method: 12 }]).zip, /method 12/);
    await expectRefused(
      moduleZip([...good, { name: 'go/s', data: Buffer.from('abc'), method: 'store', descriptor: true }]).zip,
      /size follows its data/,
    );
  });

  it('refuses sizes and CRC-32 that do not match the data, in the local header or the descriptor', async () => {
    const big = { name: 'go/big', data: Buffer.alloc(100_000, 7) };
    await expectRefused(
      moduleZip([...good, { ...big, local: { uncompressedSize: 99 } }]).zip,
      /more than the 99 bytes/,
    );
    await expectRefused(moduleZip([...good, { ...big, local: { crc32: 1 } }]).zip, /CRC-32/);
    const d = moduleZip([...good, { ...big, descriptor: true }]);
    const zip = Buffer.from(d.zip);
    const entry = d.entries[3]!;
    zip.writeUInt32LE(12345, entry.dataOffset + entry.dataLength + 12); // descriptor's unpacked size
    await expectRefused(zip, /data descriptor declares/);
  });

  it('refuses corrupt deflate data', async () => {
    const d = moduleZip([...good, { name: 'go/c', data: randomBytes(5000), descriptor: true }]);
    const zip = Buffer.from(d.zip);
    zip.fill(0xff, d.entries[3]!.dataOffset, d.entries[3]!.dataOffset + 20);
    await expectRefused(zip, /corrupt entry data/);
  });

  describe('the central directory must list exactly what was streamed', () => {
    const three: ModuleZipEntry[] = [...good, { name: 'go/src/a.go', data: Buffer.from('package a\n') }];

    it('accepts a directory in another order than the entries', async () => {
      const { err } = await extract(moduleZip(three, { reverseCentral: true }).zip);
      assert.equal(err, undefined, String(err));
    });

    it('refuses other sizes or another CRC-32 in the directory', async () => {
      const sized: ModuleZipEntry = { ...three[3]!, central: { uncompressedSize: 11 } };
      await expectRefused(moduleZip([...good, sized]).zip, /central directory describes it differently/);
      const crc: ModuleZipEntry = { ...three[3]!, central: { crc32: 7 } };
      await expectRefused(moduleZip([...good, crc]).zip, /central directory describes it differently/);
    });

    it('refuses an entry the directory lists where the stream saw none', async () => {
      const d = moduleZip(three);
      const zip = Buffer.from(d.zip);
      // Point the last record into the middle of another entry's data (a hidden entry).
      zip.writeUInt32LE(d.entries[2]!.dataOffset, d.entries[3]!.centralOffset + 42);
      await expectRefused(zip, /listed in the central directory at offset/);
    });

    it('refuses an entry the stream held but the directory does not list', async () => {
      const d = moduleZip(three);
      const last = d.entries[3]!;
      const record = 46 + Buffer.byteLength(last.name);
      const zip = Buffer.concat([d.zip.subarray(0, last.centralOffset), d.zip.subarray(last.centralOffset + record)]);
      const end = zip.length - 22;
      zip.writeUInt16LE(3, end + 8);
      zip.writeUInt16LE(3, end + 10);
      zip.writeUInt32LE(zip.readUInt32LE(end + 12) - record, end + 12);
      await expectRefused(zip, /not listed in its central directory/);
    });

    it('refuses a missing directory, a truncated archive and data after the end', async () => {
      const d = moduleZip(three);
      await expectRefused(d.zip.subarray(0, d.entries[0]!.centralOffset), /ends before its central directory/);
      await expectRefused(d.zip.subarray(0, d.entries[3]!.dataOffset + 3), /ends inside this entry|ends before/);
      await expectRefused(Buffer.concat([d.zip, Buffer.from('trailing')]), /data after the end/);
      await expectRefused(Buffer.from('not a zip at all, not at all'), /not a zip archive/);
    });
  });

  it('reads a central directory larger than the download queue (the producer is not left waiting)', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({
      name: `go/src/${'d'.repeat(200)}/f${i}.go`,
      method: 'store' as const,
    }));
    const { zip } = moduleZip([...good, ...many]);
    const { err, staging } = await extract(zip, 1 << 20);
    assert.equal(err, undefined, String(err));
    assert.equal((await fs.readdir(path.join(staging, 'src', 'd'.repeat(200)))).length, many.length);
  });

  it('keeps accepting bytes after a refused entry, so the caller can finish hashing', async () => {
    const staging = path.join(tmp, 'staging');
    await fs.mkdir(staging);
    const ex = new ZipStreamExtractor(staging);
    const zip = moduleZip([
      { name: '/abs', data: Buffer.alloc(10) },
      ...good,
      { name: 'go/x', data: randomBytes(300_000) },
    ]).zip;
    for (let i = 0; i < zip.length; i += 100) await ex.write(zip.subarray(i, i + 100));
    await assert.rejects(ex.end(), UnsafeArchiveError);
  });
});
