// The central directory of a zip unpacked while it streamed: the entries were written from their
// local headers, so the directory at the end must list exactly those entries, at the offsets the
// stream saw them, with the same names, methods, sizes and CRC-32. Any other reader (Windows
// Explorer, go's archive/zip) goes by the directory, so a difference means two readers would see
// two different trees: refused. It also carries what local headers lack, the unix file modes.
import { UnsafeArchiveError } from '../errors';
import { CENTRAL_SIGNATURE, decodeName, type StreamedEntry } from './zipLocal';

const END_SIGNATURE = 0x06054b50;
const ZIP64_END_SIGNATURE = 0x06064b50;
const CENTRAL_SIZE = 46;
const END_SIZE = 22;
const MADE_BY_UNIX = 3;

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;

export interface CentralEntry {
  name: string;
  /** Unix mode bits (type and permissions), or undefined when the zip was made elsewhere. */
  mode: number | undefined;
}

/**
 * Checks `dir` (every byte from the first central record to the end of the archive, which began
 * at `start`) against the entries streamed, in stream order. Returns the directory's entries.
 */
export function checkCentralDirectory(dir: Buffer, start: number, streamed: readonly StreamedEntry[]): CentralEntry[] {
  const byOffset = new Map(streamed.map((e) => [e.offset, e]));
  const listed = new Set<number>();
  const out: CentralEntry[] = [];
  let pos = 0;
  while (pos + 4 <= dir.length && dir.readUInt32LE(pos) === CENTRAL_SIGNATURE) {
    if (pos + CENTRAL_SIZE > dir.length) throw bad('the central directory is cut short');
    const r = dir.subarray(pos, pos + CENTRAL_SIZE);
    const nameLength = r.readUInt16LE(28);
    const end = pos + CENTRAL_SIZE + nameLength + r.readUInt16LE(30) + r.readUInt16LE(32);
    if (end > dir.length) throw bad('the central directory is cut short');
    const name = decodeName(dir.subarray(pos + CENTRAL_SIZE, pos + CENTRAL_SIZE + nameLength), r.readUInt16LE(8));
    const offset = r.readUInt32LE(42);
    const seen = byOffset.get(offset);
    if (!seen || seen.name !== name)
      throw new UnsafeArchiveError(
        name,
        `listed in the central directory at offset ${offset}, where the archive holds ${seen ? JSON.stringify(seen.name) : 'no entry'}`,
      );
    if (listed.has(offset)) throw new UnsafeArchiveError(name, 'listed twice in the central directory');
    listed.add(offset);
    const method = r.readUInt16LE(10);
    const crc = r.readUInt32LE(16);
    const compressed = r.readUInt32LE(20);
    const uncompressed = r.readUInt32LE(24);
    if (
      method !== seen.method ||
      crc >>> 0 !== seen.crc32 >>> 0 ||
      compressed !== seen.compressedSize ||
      uncompressed !== seen.uncompressedSize
    )
      throw new UnsafeArchiveError(
        name,
        `the central directory describes it differently from its data (method ${method}, ${compressed}/${uncompressed} bytes zipped/unpacked, CRC-32 ${crc.toString(16)}; the data: method ${seen.method}, ${seen.compressedSize}/${seen.uncompressedSize}, ${(seen.crc32 >>> 0).toString(16)})`,
      );
    const mode = r.readUInt16LE(4) >> 8 === MADE_BY_UNIX ? r.readUInt32LE(38) >>> 16 : undefined;
    checkType(name, mode);
    out.push({ name, mode });
    pos = end;
  }
  const hidden = streamed.find((e) => !listed.has(e.offset));
  if (hidden) throw new UnsafeArchiveError(hidden.name, 'in the archive but not listed in its central directory');
  checkEnd(dir, pos, start, out.length);
  return out;
}

function checkEnd(dir: Buffer, pos: number, start: number, count: number): void {
  if (pos + 4 <= dir.length && dir.readUInt32LE(pos) === ZIP64_END_SIGNATURE)
    throw bad('zip64 archive (no Go release needs one)');
  if (pos + END_SIZE > dir.length || dir.readUInt32LE(pos) !== END_SIGNATURE)
    throw bad('no end-of-central-directory record after the central directory');
  const e = dir.subarray(pos, pos + END_SIZE);
  if (e.readUInt16LE(4) !== 0 || e.readUInt16LE(6) !== 0) throw bad('multi-disk archive');
  if (e.readUInt16LE(8) !== count || e.readUInt16LE(10) !== count)
    throw bad(`the end record counts ${e.readUInt16LE(10)} entries, the central directory lists ${count}`);
  if (e.readUInt32LE(12) !== pos || e.readUInt32LE(16) !== start)
    throw bad('the end record places the central directory elsewhere than where it is');
  if (pos + END_SIZE + e.readUInt16LE(20) !== dir.length) throw bad('data after the end of the archive');
}

function checkType(name: string, mode: number | undefined): void {
  const isDir = name.endsWith('/');
  const type = (mode ?? 0) & S_IFMT;
  if (type === 0 || type === (isDir ? S_IFDIR : S_IFREG)) return;
  throw new UnsafeArchiveError(
    name,
    type === S_IFLNK ? 'symbolic link entry (official Go archives contain none)' : 'special file entry',
  );
}

function bad(reason: string): UnsafeArchiveError {
  return new UnsafeArchiveError(undefined, `invalid zip archive: ${reason}`);
}
