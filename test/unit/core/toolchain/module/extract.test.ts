// extractModuleZip on broken and unusual module zips, through its public API only: zips built
// byte by byte (DEFLATE and stored entries, data descriptors, reordered central directories,
// lying headers, corrupt data) go through the real unpacker into a real directory. Every failure
// must reject with the right class, name the entry and the cause, leave nothing outside `root`
// and nothing open inside it; every success must give the exact bytes, modes and dirhash h1.
import * as assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import * as zlib from 'node:zlib';
import { hashZip } from '../../../../../src/core/sumdb/dirhash';
import { CorruptZipError, UnsafeArchiveError } from '../../../../../src/core/toolchain/errors';
import {
  extractModuleZip,
  MAX_MODULE_ZIP_BYTES,
  type ModuleZipExtractOptions,
  type ModuleZipExtractResult,
} from '../../../../../src/core/toolchain/module/extract';
import { moduleZip, type ModuleZipEntry } from '../../../../support/toolchainArchive';

const P = 'golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64/';
const MiB = 1024 * 1024;

/** Deterministic, compressible text (Go-source-like lines). */
function text(bytes: number, seed = 0): Buffer {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const line = `\tx${i} := fmt.Sprintf("%d", ${(i * 7919 + seed) % 10007}) // line ${i}\n`;
    parts.push(line);
    n += line.length;
  }
  return Buffer.from(parts.join('')).subarray(0, bytes);
}

interface OnDisk {
  kind: 'file' | 'dir';
  mode: number;
  size: number;
  sha256?: string;
}

/** Everything below `dir`: relative path (with '/') → type, permission bits, size, content hash. */
async function snapshot(dir: string): Promise<Map<string, OnDisk>> {
  const out = new Map<string, OnDisk>();
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p).split(path.sep).join('/');
      const st = await fs.lstat(p);
      if (e.isDirectory()) {
        out.set(rel, { kind: 'dir', mode: st.mode & 0o777, size: 0 });
        await walk(p);
      } else {
        assert.ok(e.isFile(), `${rel} is neither a file nor a directory`);
        out.set(rel, {
          kind: 'file',
          mode: st.mode & 0o777,
          size: st.size,
          sha256: createHash('sha256')
            .update(await fs.readFile(p))
            .digest('hex'),
        });
      }
    }
  };
  await walk(dir);
  return out;
}

function sha(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

/** Paths below `dir` this process still holds open (Linux /proc; empty elsewhere). */
async function openFilesUnder(dir: string): Promise<string[]> {
  let fds: string[];
  try {
    fds = await fs.readdir('/proc/self/fd');
  } catch {
    return [];
  }
  const open: string[] = [];
  for (const fd of fds) {
    const target = await fs.readlink(`/proc/self/fd/${fd}`).catch(() => '');
    if (target === dir || target.startsWith(dir + path.sep)) open.push(target);
  }
  return open;
}

describe('extractModuleZip on broken and unusual module zips', function () {
  this.timeout(20_000);
  let work: string;
  let root: string;
  let zipPath: string;

  beforeEach(async () => {
    work = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'ged-modzipx-')));
    root = path.join(work, 'root');
    zipPath = path.join(work, 'm.zip');
    await fs.mkdir(root);
  });
  afterEach(() => fs.rm(work, { recursive: true, force: true }));

  async function extract(zip: Buffer, o: Partial<ModuleZipExtractOptions> = {}): Promise<ModuleZipExtractResult> {
    await fs.writeFile(zipPath, zip);
    return extractModuleZip(zipPath, root, { prefix: P, goos: 'linux', hash: true, ...o });
  }

  async function rejection(p: Promise<unknown>): Promise<Error> {
    try {
      await p;
    } catch (err) {
      assert.ok(err instanceof Error, `expected an Error, got ${String(err)}`);
      return err;
    }
    assert.fail('expected the extraction to fail');
  }

  /** Rejects with `cls`, the message naming `entry` (path below the prefix) and matching `cause`. */
  async function refused(
    zip: Buffer,
    expect: { cls: typeof UnsafeArchiveError; entry?: string; cause: RegExp },
    o: Partial<ModuleZipExtractOptions> = {},
  ): Promise<UnsafeArchiveError> {
    const err = await rejection(extract(zip, o));
    assert.ok(err instanceof expect.cls, `expected ${expect.cls.name}, got ${String(err.stack)}`);
    if (expect.entry !== undefined)
      assert.ok(err.message.includes(expect.entry), `the message should name ${expect.entry}: ${err.message}`);
    assert.match(err.message, expect.cause);
    return err;
  }

  /** After a failure: nothing outside root, nothing open inside it, and it can be removed for good. */
  async function assertCleanFailure(): Promise<void> {
    assert.deepEqual((await fs.readdir(work)).sort(), ['m.zip', 'root'], 'nothing may be written outside root');
    assert.deepEqual(await openFilesUnder(root), [], 'no file below root may be left open');
    await fs.rm(root, { recursive: true });
    await delay(30);
    assert.deepEqual(await fs.readdir(work), ['m.zip'], 'nothing may be written once the promise has settled');
  }

  // -------------------------------------------------------------------------------------------
  describe('well-formed zips', () => {
    const incompressible = randomBytes(3 * MiB);
    const compressible = text(3 * MiB);
    const script = Buffer.from('#!/bin/sh\necho "go version go1.22.5 linux/amd64"\n');
    const gomod = Buffer.from('module std\n\ngo 1.22\n');
    const entries: ModuleZipEntry[] = [
      { name: `${P}VERSION`, data: Buffer.from('go1.22.5\ntime 2024-07-02T15:26:36Z\n'), method: 'store' },
      { name: `${P}bin/go`, data: script, descriptor: true },
      { name: `${P}bin/gofmt`, data: Buffer.from('#!/bin/sh\ncat\n'), method: 'store' },
      { name: `${P}pkg/tool/linux_amd64/compile`, data: incompressible, descriptor: true },
      { name: `${P}pkg/tool/linux_amd64/link`, data: Buffer.alloc(0), method: 'store' },
      { name: `${P}pkg/include/textflag.h`, data: Buffer.from('#define NOSPLIT 4\n') },
      { name: `${P}lib/time/zoneinfo.zip`, data: compressible },
      { name: `${P}lib/wasm/go_js_wasm_exec`, data: Buffer.from('#!/bin/sh\nexec node "$@"\n') },
      { name: `${P}src/` },
      { name: `${P}src/empty/` },
      { name: `${P}src/_go.mod`, data: gomod, descriptor: true },
      { name: `${P}src/cmd/go/testdata/mod/_go.mod`, data: Buffer.from('module example.com/m\n'), method: 'store' },
      { name: `${P}src/cmd/go/main.go`, data: text(20_000, 1) },
      { name: `${P}src/zero/deflated.txt`, data: Buffer.alloc(0), method: 'deflate' },
      { name: `${P}src/zero/stored.txt`, data: Buffer.alloc(0), method: 'store' },
      { name: `${P}src/a/b/c/d/e/deep.go`, data: text(5000, 2) },
    ];
    const executable = new Set([
      'bin/go',
      'bin/gofmt',
      'pkg/tool/linux_amd64/compile',
      'pkg/tool/linux_amd64/link',
      'lib/wasm/go_js_wasm_exec',
    ]);

    /** The files and directories the entries above must produce. */
    function expectedFiles(): Map<string, Buffer> {
      const files = new Map<string, Buffer>();
      for (const e of entries) {
        if (e.name.endsWith('/')) continue;
        const rel = e.name.slice(P.length);
        files.set(rel, e.data ?? Buffer.alloc(0));
        if (rel.endsWith('/_go.mod')) files.set(rel.slice(0, -'_go.mod'.length) + 'go.mod', e.data ?? Buffer.alloc(0));
      }
      return files;
    }

    function assertTree(tree: Map<string, OnDisk>, goos = 'linux'): void {
      const want = expectedFiles();
      const files = [...tree]
        .filter(([, v]) => v.kind === 'file')
        .map(([k]) => k)
        .sort();
      assert.deepEqual(files, [...want.keys()].sort());
      for (const [rel, data] of want) {
        const got = tree.get(rel)!;
        assert.equal(got.size, data.length, rel);
        assert.equal(got.sha256, sha(data), `content of ${rel}`);
        assert.equal(got.mode, goos !== 'windows' && executable.has(rel) ? 0o755 : 0o644, `mode of ${rel}`);
      }
      assert.equal(tree.get('src/empty')?.kind, 'dir', 'an explicit directory entry creates the directory');
    }

    it('unpacks deflated, stored, empty, nested and multi-megabyte entries with modes, go.mod copies and h1', async () => {
      const { zip } = moduleZip(entries);
      const res = await extract(zip);
      const tree = await snapshot(root);
      assertTree(tree);
      const files = [...tree.values()].filter((v) => v.kind === 'file');
      assert.deepEqual(res.summary, {
        files: files.length,
        dirs: tree.size - files.length,
        bytes: files.reduce((n, f) => n + f.size, 0),
      });
      assert.equal(res.h1, await hashZip(zipPath));
      assert.match(res.h1!, /^h1:[A-Za-z0-9+/]{43}=$/);
      assert.deepEqual(await fs.readdir(work).then((n) => n.sort()), ['m.zip', 'root']);
    });

    it('gives identical files and no h1 with hash: false', async () => {
      const { zip } = moduleZip(entries);
      const res = await extract(zip, { hash: false });
      assert.equal(res.h1, undefined);
      const tree = await snapshot(root);
      assertTree(tree);
      assert.equal(res.summary.files, [...tree.values()].filter((v) => v.kind === 'file').length);
    });

    it('sets no execute bits for a windows toolchain', async () => {
      const { zip } = moduleZip(entries);
      await extract(zip, { goos: 'windows' });
      assertTree(await snapshot(root), 'windows');
    });

    it('does not depend on the central directory listing entries in local-header order', async () => {
      const inOrder = moduleZip(entries).zip;
      const reversed = moduleZip(entries, { reverseCentral: true });
      // The builder really reordered: the first central record describes the last local entry.
      assert.ok(reversed.entries[entries.length - 1]!.centralOffset < reversed.entries[0]!.centralOffset);
      const res = await extract(reversed.zip);
      assertTree(await snapshot(root));
      assert.equal(res.h1, await hashZip(zipPath));
      await fs.writeFile(path.join(work, 'in-order.zip'), inOrder);
      assert.equal(res.h1, await hashZip(path.join(work, 'in-order.zip')));
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('corrupt data', () => {
    // 1 MB + 1 MB is inflated in one piece, 3 MB + 3 MB streamed: an unpacker may treat small and
    // large entries differently, so both sizes are covered.
    for (const half of [MiB, 3 * MiB]) {
      it(`refuses deflate data corrupted midway in a ${(2 * half) / MiB} MB entry (CorruptZipError)`, async () => {
        const first = text(half, 3);
        const second = text(half, 4);
        // Two byte-aligned deflate segments; the block header right after the flush is then
        // turned into the reserved block type 3, which no inflater accepts.
        const head = zlib.deflateRawSync(first, { finishFlush: zlib.constants.Z_FULL_FLUSH });
        const body = Buffer.concat([head, zlib.deflateRawSync(second)]);
        assert.ok(zlib.inflateRawSync(body).equals(Buffer.concat([first, second])), 'the intact stream inflates');
        body[head.length] = body[head.length]! | 0x06;
        assert.throws(() => zlib.inflateRawSync(body), 'the corruption is real');
        const zip = moduleZip([
          { name: `${P}VERSION`, data: Buffer.from('go1.22.5\n') },
          { name: `${P}src/runtime/proc.go`, data: Buffer.concat([first, second]), body },
          { name: `${P}src/runtime/extern.go`, data: text(1000) },
        ]).zip;
        await refused(zip, {
          cls: CorruptZipError,
          entry: 'src/runtime/proc.go',
          cause: /corrupt|invalid|inflate|deflate|block/i,
        });
        await assertCleanFailure();
      });
    }

    // The entry's own error names the cause; the writer's size mismatch for it is only a symptom.
    it('reports a corrupt entry among many as CorruptZipError naming it, whatever else is in flight', async () => {
      const entries: ModuleZipEntry[] = [];
      for (let i = 0; i < 40; i++) entries.push({ name: `${P}src/pkg${i}/big.go`, data: text(300_000, i) });
      const bad = text(300_000, 99);
      const body = zlib.deflateRawSync(bad);
      body[0] = body[0]! | 0x06; // reserved block type from the first byte on
      entries.splice(5, 0, { name: `${P}src/bad/bad.go`, data: bad, body });
      await refused(moduleZip(entries).zip, {
        cls: CorruptZipError,
        entry: 'src/bad/bad.go',
        cause: /corrupt|invalid|inflate|deflate|block/i,
      });
      await assertCleanFailure();
    });

    const lies = [
      { where: 'the central directory', both: false, actual: 3 * MiB, declared: 1000 },
      { where: 'both headers', both: true, actual: 3 * MiB, declared: 1000 },
      { where: 'the central directory', both: false, actual: 12 * MiB, declared: 5 * MiB },
    ];
    for (const { where, both, actual, declared } of lies) {
      it(`refuses ${actual} bytes of data declared as ${declared} in ${where}, writing no more than declared`, async () => {
        const data = Buffer.alloc(actual, 'a'); // a few KB of deflate data: a small bomb
        const lie = { uncompressedSize: declared };
        const zip = moduleZip([
          { name: `${P}VERSION`, data: Buffer.from('go1.22.5\n') },
          { name: `${P}lib/bomb.bin`, data, central: lie, ...(both ? { local: lie } : {}) },
        ]).zip;
        await refused(zip, { cls: UnsafeArchiveError, entry: 'lib/bomb.bin', cause: /size|bytes|declare|large|long/i });
        const written = await fs.stat(path.join(root, 'lib', 'bomb.bin')).then(
          (s) => s.size,
          () => 0,
        );
        assert.ok(written <= declared, `wrote ${written} bytes for an entry declared as ${declared}`);
        await assertCleanFailure();
      });

      const short = Math.min(actual, 6 * MiB);
      it(`refuses ${short} bytes of data declared as ${short + 4096} in ${where}`, async () => {
        const data = text(short, 5);
        const lie = { uncompressedSize: data.length + 4096 };
        const zip = moduleZip([
          { name: `${P}src/short.go`, data, central: lie, ...(both ? { local: lie } : {}) },
          { name: `${P}VERSION`, data: Buffer.from('go1.22.5\n') },
        ]).zip;
        await refused(zip, {
          cls: UnsafeArchiveError,
          entry: 'src/short.go',
          cause: /size|bytes|declare|short|unexpected end|EOF/i,
        });
        await assertCleanFailure();
      });
    }

    // Go's archive/zip checks every entry's CRC-32 (zip.ErrChecksum); cmd/go would refuse these.
    it('refuses an entry whose central-directory CRC-32 is wrong though the data is intact', async () => {
      const cases = [
        { method: 'deflate', data: text(50_000, 6) },
        { method: 'store', data: text(50_000, 6) },
        { method: 'deflate', data: text(6 * MiB, 6) }, // large enough to be streamed
      ] as const;
      for (const { method, data } of cases) {
        const zip = moduleZip([
          { name: `${P}VERSION`, data: Buffer.from('go1.22.5\n') },
          { name: `${P}src/crc.go`, data, method, central: { crc32: (zlib.crc32(data) ^ 0x1) >>> 0 } },
        ]).zip;
        await refused(zip, { cls: CorruptZipError, entry: 'src/crc.go', cause: /crc|checksum/i });
        await assertCleanFailure();
        await fs.mkdir(root);
      }
    });

    it('refuses a stored entry whose data was altered in place (only the CRC-32 can tell)', async () => {
      const data = text(50_000, 7);
      const built = moduleZip([
        { name: `${P}src/rot.go`, data, method: 'store' },
        { name: `${P}VERSION`, data: Buffer.from('go1.22.5\n') },
      ]);
      const e = built.entries[0]!;
      built.zip[e.dataOffset + (e.dataLength >> 1)]! ^= 0x20;
      await refused(built.zip, { cls: CorruptZipError, entry: 'src/rot.go', cause: /crc|checksum/i });
      await assertCleanFailure();
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('unreadable structure', () => {
    it('refuses an unsupported compression method, naming it', async () => {
      const zip = moduleZip([
        { name: `${P}VERSION`, data: Buffer.from('go1.22.5\n') },
        { name: `${P}src/bz.go`, data: text(4000), method: 12 }, // bzip2, in both headers
      ]).zip;
      await refused(zip, { cls: UnsafeArchiveError, entry: 'src/bz.go', cause: /compression method\D*12\b/i });
      await assertCleanFailure();
    });

    it('refuses a broken local file header signature (CorruptZipError)', async () => {
      const zip = moduleZip([
        { name: `${P}VERSION`, data: Buffer.from('go1.22.5\n') },
        { name: `${P}src/sig.go`, data: text(4000), local: { signature: 0x04034b51 } },
      ]).zip;
      await refused(zip, { cls: CorruptZipError, entry: 'src/sig.go', cause: /signature|header/i });
      await assertCleanFailure();
    });

    it('refuses a local header whose name length points past the data (CorruptZipError)', async () => {
      const zip = moduleZip([
        { name: `${P}src/long.go`, data: text(4000), local: { nameLength: 0xffff } },
        { name: `${P}VERSION`, data: Buffer.from('go1.22.5\n') },
      ]).zip;
      await refused(zip, {
        cls: CorruptZipError,
        entry: 'src/long.go',
        cause: /bounds|overflow|past|beyond|end of|truncat|header/i,
      });
      await assertCleanFailure();
    });

    it('refuses a truncated zip as not a valid zip (CorruptZipError)', async () => {
      const built = moduleZip([
        { name: `${P}VERSION`, data: Buffer.from('go1.22.5\n') },
        { name: `${P}pkg/tool/linux_amd64/compile`, data: randomBytes(256 * 1024) },
        { name: `${P}src/x.go`, data: text(3000) },
      ]);
      const big = built.entries[1]!;
      const cuts = {
        'inside entry data': big.dataOffset + (big.dataLength >> 1),
        'inside the central directory': built.entries[2]!.centralOffset + 10,
        'inside the end record': built.zip.length - 10,
        'to nothing': 0,
      };
      for (const [label, at] of Object.entries(cuts)) {
        const err = await refused(built.zip.subarray(0, at), { cls: CorruptZipError, cause: /not a valid zip/i });
        assert.ok(err instanceof CorruptZipError, label);
        await assertCleanFailure();
        await fs.mkdir(root);
      }
    });

    it('refuses encrypted entries (stored and deflated)', async () => {
      // Traditional PKWARE encryption: flag bit 0 and a 12-byte encryption header before the data.
      const plain = text(2000, 8);
      const deflated = zlib.deflateRawSync(plain);
      for (const [method, body] of [
        ['store', plain],
        ['deflate', deflated],
      ] as const) {
        const sealed = Buffer.concat([randomBytes(12), randomBytes(body.length)]);
        const zip = moduleZip([
          { name: `${P}VERSION`, data: Buffer.from('go1.22.5\n') },
          { name: `${P}src/secret.go`, data: plain, body: sealed, method, flags: 0x0801 },
        ]).zip;
        await refused(zip, { cls: UnsafeArchiveError, entry: 'src/secret.go', cause: /encrypt/i });
        await assertCleanFailure();
        await fs.mkdir(root);
      }
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('limits', () => {
    const files = Array.from({ length: 6 }, (_, i): ModuleZipEntry => ({
      name: `${P}src/f${i}.go`,
      data: text(600, i),
    }));

    it('refuses more entries than maxEntries (UnsafeArchiveError, not corruption)', async () => {
      const err = await refused(
        moduleZip(files).zip,
        { cls: UnsafeArchiveError, cause: /\b3\b.*entries|entries.*\b3\b/i },
        { limits: { maxEntries: 3 } },
      );
      assert.ok(!(err instanceof CorruptZipError), 'a limit is a rule, not a corrupt zip');
      await assertCleanFailure();
    });

    it('refuses more unpacked bytes than maxTotalBytes (UnsafeArchiveError, not corruption)', async () => {
      const err = await refused(
        moduleZip(files).zip,
        { cls: UnsafeArchiveError, cause: /\b2000\b/ },
        { limits: { maxTotalBytes: 2000 } },
      );
      assert.ok(!(err instanceof CorruptZipError), 'a limit is a rule, not a corrupt zip');
      await assertCleanFailure();
    });

    it('applies MAX_MODULE_ZIP_BYTES by default and writes nothing of an entry declaring more', async () => {
      const data = Buffer.alloc(2 * MiB);
      const zip = moduleZip([
        { name: `${P}VERSION`, data: Buffer.from('go1.22.5\n') },
        {
          name: `${P}lib/huge.bin`,
          data,
          central: { uncompressedSize: MAX_MODULE_ZIP_BYTES + 1 },
          local: { uncompressedSize: MAX_MODULE_ZIP_BYTES + 1 },
        },
      ]).zip;
      await refused(zip, {
        cls: UnsafeArchiveError,
        entry: 'lib/huge.bin',
        cause: new RegExp(`${MAX_MODULE_ZIP_BYTES}|500 ?MiB`),
      });
      const written = await fs.stat(path.join(root, 'lib', 'huge.bin')).then(
        (s) => s.size,
        () => 0,
      );
      assert.equal(written, 0, 'an entry over the limit is refused before any of it is written');
      await assertCleanFailure();
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('cancellation', () => {
    it('rejects with an AbortError when the signal is already aborted, writing no file', async () => {
      const zip = moduleZip([
        { name: `${P}VERSION`, data: Buffer.from('go1.22.5\n') },
        { name: `${P}bin/go`, data: Buffer.from('#!/bin/sh\n') },
      ]).zip;
      const err = await rejection(extract(zip, { signal: AbortSignal.abort() }));
      assert.equal(err.name, 'AbortError', String(err.stack));
      assert.deepEqual(
        [...(await snapshot(root)).values()].filter((v) => v.kind === 'file'),
        [],
      );
      await assertCleanFailure();
    });

    it('stops a large extraction promptly when aborted midway', async () => {
      const count = 64; // 128 MB unpacked: seconds of work, so the abort lands midway even on a busy machine
      const zip = moduleZip(
        Array.from({ length: count }, (_, i): ModuleZipEntry => ({
          name: `${P}pkg/big${i}.a`,
          data: Buffer.alloc(2 * MiB, i),
        })),
      ).zip;
      const ac = new AbortController();
      let settled = false;
      const run = extract(zip, { signal: ac.signal }).finally(() => {
        settled = true;
      });
      run.catch(() => undefined);
      // Abort as soon as the first file shows up below root.
      for (;;) {
        if (settled) break;
        const names = await fs.readdir(path.join(root, 'pkg')).catch(() => []);
        if (names.length > 0) break;
        await delay(1);
      }
      assert.ok(!settled, 'the extraction finished before it could be aborted; make the zip larger');
      const abortedAt = Date.now();
      ac.abort();
      const err = await rejection(run);
      const took = Date.now() - abortedAt;
      assert.equal(err.name, 'AbortError', String(err.stack));
      assert.ok(took < 10_000, `took ${took} ms to stop after the abort`); // finishing would write all 128 MB
      const written = [...(await snapshot(root)).values()].filter((v) => v.kind === 'file').length;
      assert.ok(written < count, `all ${count} files were written despite the abort`);
      await assertCleanFailure();
    });
  });
});
