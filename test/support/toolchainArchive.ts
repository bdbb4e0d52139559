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
  await fs.writeFile(path.join(go, 'bin', 'go'), `#!/bin/sh\necho "go version ${o.name} ${goos}/${goarch}"\n`, { mode: 0o755 });
  await fs.writeFile(path.join(go, 'bin', 'gofmt'), '#!/bin/sh\ncat\n', { mode: 0o755 });
  await fs.writeFile(path.join(go, 'VERSION'), `${o.name}\ntime 2024-07-02T15:26:36Z\n`);
  await fs.writeFile(path.join(go, 'src', 'runtime', 'extern.go'), '// Package runtime (fake, for tests).\npackage runtime\n');
  await fs.writeFile(path.join(go, 'pkg', 'tool', `${goos}_${goarch}`, 'compile'), randomBytes(o.randomBytes ?? 64 * 1024), { mode: 0o755 });
  const n = o.smallFiles ?? 20;
  if (n > 0) {
    await fs.mkdir(path.join(go, 'src', 'fmt'), { recursive: true });
    for (let i = 0; i < n; i++) await fs.writeFile(path.join(go, 'src', 'fmt', `f${i}.go`), `package fmt\n\n// file ${i}\nconst X${i} = ${i}\n`);
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
    files: r.files.map((f) => ({ filename: f.filename, os: f.os, arch: f.arch, version: r.version, sha256: f.sha256, size: f.size, kind: f.kind ?? 'archive' })),
  }));
}

/** The index entry for a linux/amd64 archive with these bytes. */
export function archiveEntry(name: string, data: Buffer, goos = 'linux', goarch = 'amd64'): IndexFile {
  const ext = goos === 'windows' ? 'zip' : 'tar.gz';
  return { filename: `${name}.${goos}-${goarch}.${ext}`, os: goos, arch: goarch, sha256: sha256(data), size: data.length };
}
