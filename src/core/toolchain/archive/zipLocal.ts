// The parts of a zip that arrive before and after each entry's data: the local file header and
// the optional data descriptor. Only what a Go release zip uses is accepted (store and deflate,
// no encryption, no zip64); names are checked later by paths.ts like tar names.
import { UnsafeArchiveError } from '../errors';
import { DEFLATED, STORED } from './zipEntries';

export const LOCAL_SIGNATURE = 0x04034b50;
export const CENTRAL_SIGNATURE = 0x02014b50;
export const DESCRIPTOR_SIGNATURE = 0x08074b50;
export const LOCAL_HEADER_SIZE = 30;

const FLAG_ENCRYPTED = 0x0001;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const EXTRA_ZIP64 = 0x0001;
const EXTRA_TIMESTAMP = 0x5455;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface LocalEntry {
  /** The name as stored, not yet checked. */
  name: string;
  /** Archive offset of the local header. */
  offset: number;
  method: number;
  /** Sizes and CRC-32 come after the data (flag bit 3); the header's values are then zero. */
  descriptor: boolean;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  mtimeSec?: number;
}

/** What the stream showed of an entry once its data was read: checked against the central directory. */
export interface StreamedEntry {
  name: string;
  offset: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
}

/** The fixed header (30 bytes) plus its name and extra field. */
export function parseLocalHeader(fixed: Buffer, nameAndExtra: Buffer, offset: number): LocalEntry {
  const flags = fixed.readUInt16LE(6);
  const method = fixed.readUInt16LE(8);
  const nameLength = fixed.readUInt16LE(26);
  const name = decodeName(nameAndExtra.subarray(0, nameLength), flags);
  if (flags & FLAG_ENCRYPTED) throw new UnsafeArchiveError(name, 'encrypted entry');
  if (method !== STORED && method !== DEFLATED)
    throw new UnsafeArchiveError(name, `unsupported compression method ${method} (Go archives use store and deflate)`);
  const entry: LocalEntry = {
    name,
    offset,
    method,
    descriptor: (flags & FLAG_DESCRIPTOR) !== 0,
    crc32: fixed.readUInt32LE(14),
    compressedSize: fixed.readUInt32LE(18),
    uncompressedSize: fixed.readUInt32LE(22),
  };
  const mtime = readExtra(nameAndExtra.subarray(nameLength), name);
  const mtimeSec = mtime ?? dosTimeSec(fixed.readUInt16LE(12), fixed.readUInt16LE(10));
  if (mtimeSec !== undefined) entry.mtimeSec = mtimeSec;
  if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff)
    throw new UnsafeArchiveError(name, 'zip64 entry (no Go release needs one)');
  if (entry.method === STORED && !entry.descriptor && entry.compressedSize !== entry.uncompressedSize)
    throw new UnsafeArchiveError(
      name,
      `stored entry declares ${entry.compressedSize} bytes in the zip but ${entry.uncompressedSize} unpacked`,
    );
  return entry;
}

/** Names are UTF-8 when flagged so, else they must be plain ASCII (CP437 names are refused, not guessed). */
export function decodeName(bytes: Buffer, flags: number): string {
  let name: string;
  try {
    name = utf8.decode(bytes);
  } catch {
    throw new UnsafeArchiveError(bytes.toString('latin1'), 'entry name is not valid UTF-8');
  }
  if (!(flags & FLAG_UTF8) && /[^\x00-\x7f]/.test(name))
    throw new UnsafeArchiveError(name, 'non-ASCII entry name without the UTF-8 flag');
  return name;
}

/** The modification time from the extended-timestamp field (Go's writer adds it); refuses zip64. */
function readExtra(extra: Buffer, name: string): number | undefined {
  let mtime: number | undefined;
  for (let pos = 0; pos + 4 <= extra.length;) {
    const id = extra.readUInt16LE(pos);
    const size = extra.readUInt16LE(pos + 2);
    const body = extra.subarray(pos + 4, pos + 4 + size);
    if (id === EXTRA_ZIP64) throw new UnsafeArchiveError(name, 'zip64 entry (no Go release needs one)');
    if (id === EXTRA_TIMESTAMP && body.length >= 5 && body[0]! & 1) mtime = body.readInt32LE(1);
    pos += 4 + size;
  }
  return mtime !== undefined && mtime > 0 ? mtime : undefined;
}

/** MS-DOS date and time, read as local time (as unzip tools do). */
function dosTimeSec(date: number, time: number): number | undefined {
  if (date === 0) return undefined;
  const d = new Date(
    1980 + (date >> 9),
    ((date >> 5) & 0xf) - 1,
    date & 0x1f,
    time >> 11,
    (time >> 5) & 0x3f,
    (time & 0x1f) * 2,
  );
  return Math.floor(d.getTime() / 1000);
}

/** The data descriptor's values, checked against what the data really held. */
export function checkDescriptor(
  e: LocalEntry,
  d: Buffer,
  got: Omit<StreamedEntry, 'name' | 'offset' | 'method'>,
): void {
  const crc = d.readUInt32LE(0);
  const compressed = d.readUInt32LE(4);
  const uncompressed = d.readUInt32LE(8);
  if (compressed !== got.compressedSize || uncompressed !== got.uncompressedSize)
    throw new UnsafeArchiveError(
      e.name,
      `data descriptor declares ${compressed}/${uncompressed} bytes (zipped/unpacked) but the entry held ${got.compressedSize}/${got.uncompressedSize}`,
    );
  if (crc >>> 0 !== got.crc32 >>> 0)
    throw new UnsafeArchiveError(e.name, 'CRC-32 of the content does not match the data descriptor');
}

/** Without a descriptor, the local header's values must be the data's. */
export function checkLocalValues(e: LocalEntry, got: Omit<StreamedEntry, 'name' | 'offset' | 'method'>): void {
  if (e.compressedSize !== got.compressedSize || e.uncompressedSize !== got.uncompressedSize)
    throw new UnsafeArchiveError(
      e.name,
      `entry holds ${got.uncompressedSize} bytes but its header declares ${e.uncompressedSize}`,
    );
  if (e.crc32 >>> 0 !== got.crc32 >>> 0)
    throw new UnsafeArchiveError(e.name, 'CRC-32 of the content does not match the header');
}
