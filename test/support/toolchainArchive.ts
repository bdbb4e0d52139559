// Real archives for installer tests: a small fake Go toolchain tree packed with the `tar`
// package, hand-written tar headers for what tar libraries refuse to produce (links, `..`,
// absolute names, lying sizes), a minimal zip writer (stored entries, unix modes), and a release
// index in the go.dev/dl JSON format.
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as tar from 'tar';

export function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

export interface FakeToolchainOptions {
  /** `go1.22.5` */
  name: string;
  goos?: string;
  goarch?: string;
  /** Size of an incompressible file inside, so the archive has a useful size for cut/resume tests. */
  randomBytes?: number;
  /** Number of extra small source files. */
  smallFiles?: number;
}

/** Writes `<root>/go/...`: bin/go (prints its version), VERSION, some sources, a random blob. */
export async function writeToolchainTree(root: string, o: FakeToolchainOptions): Promise<void> {
  const goos = o.goos ?? 'linux';
  const goarch = o.goarch ?? 'amd64';
  const go = path.join(root, 'go');
  await fs.mkdir(path.join(go, 'bin'), { recursive: true });
  await fs.mkdir(path.join(go, 'src', 'runtime'), { recursive: true });
  await fs.mkdir(path.join(go, 'pkg', 'tool', `${goos}_${goarch}`), { recursive: true });
  await fs.writeFile(path.join(go, 'bin', 'go'), `#!/bin/sh\necho "go version ${o.name} ${goos}/${goarch}"\n`, {
    mode: 0o755,
  });
  await fs.writeFile(path.join(go, 'bin', 'gofmt'), '#!/bin/sh\ncat\n', { mode: 0o755 });
  await fs.writeFile(path.join(go, 'VERSION'), `${o.name}\ntime 2024-07-02T15:26:36Z\n`);
  await fs.writeFile(
    path.join(go, 'src', 'runtime', 'extern.go'),
    '// Package runtime (fake, for tests).\npackage runtime\n',
  );
  await fs.writeFile(
    path.join(go, 'pkg', 'tool', `${goos}_${goarch}`, 'compile'),
    randomBytes(o.randomBytes ?? 64 * 1024),
    { mode: 0o755 },
  );
  // The rest of the tools a GOROOT must have (a diagnosis reports a tree without them as incomplete).
  for (const tool of ['link', 'asm'])
    await fs.writeFile(path.join(go, 'pkg', 'tool', `${goos}_${goarch}`, tool), `fake ${tool}\n`, { mode: 0o755 });
  const n = o.smallFiles ?? 20;
  if (n > 0) {
    await fs.mkdir(path.join(go, 'src', 'fmt'), { recursive: true });
    for (let i = 0; i < n; i++)
      await fs.writeFile(path.join(go, 'src', 'fmt', `f${i}.go`), `package fmt\n\n// file ${i}\nconst X${i} = ${i}\n`);
  }
}

/** Packs `<cwd>/go` into a .tar.gz with the tar package (plain files and directories only). */
export async function packTarGz(cwd: string): Promise<Buffer> {
  const out: Buffer[] = [];
  const stream = tar.c({ gzip: true, cwd, portable: true }, ['go']);
  for await (const chunk of stream as AsyncIterable<Buffer>) out.push(chunk);
  return Buffer.concat(out);
}

export async function fakeToolchainTarGz(scratch: string, o: FakeToolchainOptions): Promise<Buffer> {
  const root = await fs.mkdtemp(path.join(scratch, 'tree-'));
  await writeToolchainTree(root, o);
  return packTarGz(root);
}

/** The same archive, built in a scratch directory that is removed afterwards. */
export async function fakeToolchainTarGzBuffer(o: FakeToolchainOptions): Promise<Buffer> {
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-tgz-'));
  try {
    return await fakeToolchainTarGz(scratch, o);
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Hand-made tar, for archives a tar library refuses to write.

export interface RawEntry {
  name: string;
  /** Type flag: '0' file (default), '5' dir, '1' hard link, '2' symlink, '3' char dev, '6' FIFO, 'x' PAX... */
  type?: string;
  data?: Buffer;
  /** The size written in the header; defaults to data.length (set it to lie). */
  size?: number;
  linkname?: string;
  mode?: number;
  /** ustar prefix field. */
  prefix?: string;
}

export function rawTar(entries: readonly RawEntry[], opts: { end?: boolean } = {}): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const data = e.data ?? Buffer.alloc(0);
    blocks.push(tarHeader(e, e.size ?? data.length));
    blocks.push(data);
    const pad = (512 - (data.length % 512)) % 512;
    if (pad) blocks.push(Buffer.alloc(pad));
  }
  if (opts.end !== false) blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/** A PAX extended header entry followed by nothing (combine with the entry it describes). */
export function paxEntry(records: Record<string, string>): RawEntry {
  let body = '';
  for (const [k, v] of Object.entries(records)) {
    const rest = ` ${k}=${v}\n`;
    let len = rest.length + 1;
    while (String(len).length + rest.length !== len) len = String(len).length + rest.length;
    body += `${len}${rest}`;
  }
  return { name: 'PaxHeader', type: 'x', data: Buffer.from(body) };
}

function tarHeader(e: RawEntry, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(e.name, 0, 100, 'utf8');
  const type = e.type ?? '0';
  h.write(octal(e.mode ?? (type === '5' ? 0o755 : 0o644), 8), 100, 'latin1');
  h.write(octal(0, 8), 108, 'latin1');
  h.write(octal(0, 8), 116, 'latin1');
  h.write(octal(size, 12), 124, 'latin1');
  h.write(octal(1720000000, 12), 136, 'latin1');
  h.write('        ', 148, 'latin1');
  h.write(type, 156, 'latin1');
  if (e.linkname) h.write(e.linkname, 157, 100, 'utf8');
  h.write('ustar\u000000', 257, 'latin1');
  if (e.prefix) h.write(e.prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'latin1');
  return h;
}

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\u0000`;
}

export function gzip(b: Buffer): Buffer {
  return zlib.gzipSync(b);
}

/** A minimal valid tree as raw entries, to which a test adds one bad entry. */
export function goodRawEntries(name = 'go1.22.5'): RawEntry[] {
  return [
    { name: 'go/', type: '5' },
    { name: 'go/bin/', type: '5' },
    { name: 'go/bin/go', data: Buffer.from(`#!/bin/sh\necho "go version ${name} linux/amd64"\n`), mode: 0o755 },
    { name: 'go/VERSION', data: Buffer.from(`${name}\n`) },
  ];
}

// ---------------------------------------------------------------------------------------------
// Zip (stored entries), enough for yauzl and for crafting links and bad names.

export interface ZipEntry {
  name: string;
  data?: Buffer;
  /** Full unix mode including the type bits (0o100644 file, 0o040755 dir, 0o120777 symlink). */
  mode?: number;
}

export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = e.data ?? Buffer.alloc(0);
    const crc = zlib.crc32(data);
    const mode = e.mode ?? (e.name.endsWith('/') ? 0o040755 : 0o100644);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((mode << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

// ---------------------------------------------------------------------------------------------
// Release index.

export interface IndexFile {
  filename: string;
  os: string;
  arch: string;
  sha256: string;
  size: number;
  kind?: string;
}

export interface IndexRelease {
  version: string;
  stable?: boolean;
  files: IndexFile[];
}

export function releaseIndex(releases: readonly IndexRelease[]): object[] {
  return releases.map((r) => ({
    version: r.version,
    stable: r.stable ?? true,
    files: r.files.map((f) => ({
      filename: f.filename,
      os: f.os,
      arch: f.arch,
      version: r.version,
      sha256: f.sha256,
      size: f.size,
      kind: f.kind ?? 'archive',
    })),
  }));
}

/** The index entry for a linux/amd64 archive with these bytes. */
export function archiveEntry(name: string, data: Buffer, goos = 'linux', goarch = 'amd64'): IndexFile {
  const ext = goos === 'windows' ? 'zip' : 'tar.gz';
  return {
    filename: `${name}.${goos}-${goarch}.${ext}`,
    os: goos,
    arch: goarch,
    sha256: sha256(data),
    size: data.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Module zips with DEFLATE entries, data descriptors and hand-corrupted fields, for testing how
// an unpacker treats broken and unusual zips. The layout of every entry is returned so a test can
// flip bytes at a precise place (inside the compressed data, in a header field).

/** Raw header fields to write instead of the consistent ones (to make a header lie). */
export interface ZipHeaderOverrides {
  signature?: number;
  flags?: number;
  method?: number;
  crc32?: number;
  compressedSize?: number;
  uncompressedSize?: number;
  nameLength?: number;
}

export interface ModuleZipEntry {
  name: string;
  data?: Buffer;
  /** Full unix mode including the type bits; defaults to 0o100644, or 0o040755 for `name/`. */
  mode?: number;
  /**
   * 'deflate' (default for files, as Go's zip.Writer does), 'store' (default for `name/`), or a
   * raw method number written in both headers with the data stored as-is (e.g. 12, bzip2).
   */
  method?: 'store' | 'deflate' | number;
  /**
   * The bytes written as the entry's data instead of `data` compressed by `method` (e.g. a
   * deflate stream corrupted on purpose); the CRC-32 and uncompressed size still describe `data`.
   */
  body?: Buffer;
  /** General-purpose flags for both headers (0x0800, UTF-8 names, by default). */
  flags?: number;
  /**
   * Streamed like Go's zip.Writer.Create: flag bit 3, zero CRC and sizes in the local header, and
   * a data descriptor (with its optional signature) after the data.
   */
  descriptor?: boolean;
  local?: ZipHeaderOverrides;
  central?: ZipHeaderOverrides;
}

export interface ModuleZipLayout {
  name: string;
  /** Offset of the local file header. */
  localOffset: number;
  /** Offset and length of the (compressed) data as written. */
  dataOffset: number;
  dataLength: number;
  /** Offset of the entry's central directory record. */
  centralOffset: number;
}

export interface ModuleZipOptions {
  /** Write the central directory records in reverse order of the local entries. */
  reverseCentral?: boolean;
}

export interface BuiltModuleZip {
  zip: Buffer;
  entries: ModuleZipLayout[];
}

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const DESCRIPTOR_SIG = 0x08074b50;
const END_SIG = 0x06054b50;
const ZIP_TIME = 0x0000;
const ZIP_DATE = 0x0021; // 1980-01-01

export function moduleZip(entries: readonly ModuleZipEntry[], opts: ModuleZipOptions = {}): BuiltModuleZip {
  const parts: Buffer[] = [];
  const centrals: Array<{ record: Buffer; index: number }> = [];
  const layout: ModuleZipLayout[] = [];
  let offset = 0;
  entries.forEach((e, index) => {
    const isDir = e.name.endsWith('/');
    const name = Buffer.from(e.name, 'utf8');
    const data = e.data ?? Buffer.alloc(0);
    const kind = e.method ?? (isDir ? 'store' : 'deflate');
    const method = kind === 'store' ? 0 : kind === 'deflate' ? 8 : kind;
    const body = e.body ?? (kind === 'deflate' ? zlib.deflateRawSync(data) : data);
    const crc = zlib.crc32(data);
    const flags = (e.flags ?? 0x0800) | (e.descriptor ? 0x0008 : 0);
    const mode = e.mode ?? (isDir ? 0o040755 : 0o100644);

    const lo = e.local ?? {};
    const local = Buffer.alloc(30);
    local.writeUInt32LE(lo.signature ?? LOCAL_SIG, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(lo.flags ?? flags, 6);
    local.writeUInt16LE(lo.method ?? method, 8);
    local.writeUInt16LE(ZIP_TIME, 10);
    local.writeUInt16LE(ZIP_DATE, 12);
    local.writeUInt32LE((lo.crc32 ?? (e.descriptor ? 0 : crc)) >>> 0, 14);
    local.writeUInt32LE(lo.compressedSize ?? (e.descriptor ? 0 : body.length), 18);
    local.writeUInt32LE(lo.uncompressedSize ?? (e.descriptor ? 0 : data.length), 22);
    local.writeUInt16LE(lo.nameLength ?? name.length, 26);
    local.writeUInt16LE(0, 28);

    const ce = e.central ?? {};
    const central = Buffer.alloc(46);
    central.writeUInt32LE(ce.signature ?? CENTRAL_SIG, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by unix, so the external attributes hold a mode
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(ce.flags ?? flags, 8);
    central.writeUInt16LE(ce.method ?? method, 10);
    central.writeUInt16LE(ZIP_TIME, 12);
    central.writeUInt16LE(ZIP_DATE, 14);
    central.writeUInt32LE((ce.crc32 ?? crc) >>> 0, 16);
    central.writeUInt32LE(ce.compressedSize ?? body.length, 20);
    central.writeUInt32LE(ce.uncompressedSize ?? data.length, 24);
    central.writeUInt16LE(ce.nameLength ?? name.length, 28);
    central.writeUInt32LE((mode << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);

    const dataOffset = offset + local.length + name.length;
    parts.push(local, name, body);
    let size = local.length + name.length + body.length;
    if (e.descriptor) {
      const dd = Buffer.alloc(16);
      dd.writeUInt32LE(DESCRIPTOR_SIG, 0);
      dd.writeUInt32LE(crc >>> 0, 4);
      dd.writeUInt32LE(body.length, 8);
      dd.writeUInt32LE(data.length, 12);
      parts.push(dd);
      size += dd.length;
    }
    layout.push({ name: e.name, localOffset: offset, dataOffset, dataLength: body.length, centralOffset: 0 });
    centrals.push({ record: Buffer.concat([central, name]), index });
    offset += size;
  });
  const cdStart = offset;
  if (opts.reverseCentral) centrals.reverse();
  for (const c of centrals) {
    layout[c.index]!.centralOffset = offset;
    parts.push(c.record);
    offset += c.record.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_SIG, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - cdStart, 12);
  end.writeUInt32LE(cdStart, 16);
  parts.push(end);
  return { zip: Buffer.concat(parts), entries: layout };
}
