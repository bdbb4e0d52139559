// Reads the data of zip entries straight from the file, without a stream per entry: a toolchain
// module zip holds ~15,000 mostly small files, and per-entry read and inflate streams cost more
// main-thread time than inflating the bytes. Entries are read in file order through a large
// window (one read serves many small entries); a small entry is inflated in one call on the
// thread pool, bounded by its declared size; a large one is streamed so memory stays bounded.
// Every entry's size and CRC-32 are checked as Go's archive/zip does.
import type { FileHandle } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { CorruptZipError } from '../errors';

export const STORED = 0;
export const DEFLATED = 8;

/** Entries up to this size (compressed and unpacked) are held whole in memory. */
export const WHOLE_ENTRY_MAX = 4 << 20;
const WINDOW = 4 << 20;
const PIECE = 1 << 20;
// Output chunks of a streamed entry: fewer, larger writes than zlib's 16 KB default.
const STREAM_CHUNK = 256 << 10;
const LOCAL_HEADER = 30;
const MIN_CHUNK = 64;
const INFLATE_INLINE_MAX = 64 << 10;
const LOCAL_SIGNATURE = 0x04034b50;

export interface ZipEntryInfo {
  name: string;
  localHeaderOffset: number;
  compressedSize: number;
  uncompressedSize: number;
  compressionMethod: number;
  crc32: number;
}

// zlib.crc32 arrived in Node 20.15; older runtimes skip the CRC (the h1: check still holds).
export const crc32: ((data: Buffer, value?: number) => number) | undefined = (
  zlib as { crc32?: (d: Buffer, v?: number) => number }
).crc32;

export class ZipEntryData {
  private window = Buffer.alloc(0);
  private windowStart = 0;

  constructor(
    private readonly fh: FileHandle,
    private readonly fileSize: number,
  ) {}

  /** True when the entry is read whole by `whole()`, false when it must go through `stream()`. */
  static fitsWhole(e: ZipEntryInfo): boolean {
    return e.compressedSize <= WHOLE_ENTRY_MAX && e.uncompressedSize <= WHOLE_ENTRY_MAX;
  }

  /** The entry's unpacked bytes, checked against its declared size and CRC-32. */
  async whole(e: ZipEntryInfo): Promise<Buffer> {
    checkMethod(e);
    const start = await this.dataStart(e);
    return inflateWhole(await this.read(start, e.compressedSize, e.name), e);
  }

  /** Streams the entry's unpacked bytes to `onChunk` (which may wait), checking size and CRC-32. */
  async stream(e: ZipEntryInfo, onChunk: (chunk: Buffer) => Promise<void> | void, signal?: AbortSignal): Promise<void> {
    checkMethod(e);
    const start = await this.dataStart(e);
    if (start + e.compressedSize > this.fileSize)
      throw new CorruptZipError(e.name, 'entry data runs past the end of the file');
    const source = Readable.from(this.pieces(start, e.compressedSize, e.name, signal));
    const out: Readable =
      e.compressionMethod === STORED
        ? source
        : pipeline(source, zlib.createInflateRaw({ chunkSize: STREAM_CHUNK }), () => undefined);
    let size = 0;
    let crc = 0;
    let sinkError: unknown;
    try {
      for await (const chunk of out as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > e.uncompressedSize)
          throw new CorruptZipError(
            e.name,
            `entry holds more than the ${e.uncompressedSize} bytes its header declares`,
          );
        if (crc32) crc = crc32(chunk, crc);
        try {
          await onChunk(chunk);
        } catch (err) {
          sinkError = err;
          break;
        }
      }
    } catch (err) {
      // Ours, a cancellation or a file-system error pass through; the rest came from inflating.
      if (
        err instanceof CorruptZipError ||
        (err as Error).name === 'AbortError' ||
        (err as NodeJS.ErrnoException).syscall !== undefined
      )
        throw err;
      throw inflateError(e, err as Error);
    } finally {
      out.destroy();
    }
    if (sinkError !== undefined) throw sinkError;
    checkSize(e, size);
    checkCrc(e, crc32 ? crc : undefined);
  }

  /** Where the entry's data begins: after its local header, whose lengths may differ from the central one. */
  private async dataStart(e: ZipEntryInfo): Promise<number> {
    const h = await this.read(e.localHeaderOffset, LOCAL_HEADER, e.name);
    if (h.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new CorruptZipError(e.name, 'bad local file header signature');
    return e.localHeaderOffset + LOCAL_HEADER + h.readUInt16LE(26) + h.readUInt16LE(28);
  }

  /** `len` bytes at `pos`, from the window when they are in it, else from a new window there. */
  private async read(pos: number, len: number, name: string): Promise<Buffer> {
    if (pos + len > this.fileSize) throw new CorruptZipError(name, 'entry data runs past the end of the file');
    const off = pos - this.windowStart;
    if (off >= 0 && off + len <= this.window.length) return this.window.subarray(off, off + len);
    // A fresh buffer each time: slices of the old window may still be waiting to be written.
    const buf = Buffer.allocUnsafeSlow(Math.min(Math.max(len, WINDOW), this.fileSize - pos));
    await readFully(this.fh, buf, pos, name);
    this.window = buf;
    this.windowStart = pos;
    return buf.subarray(0, len);
  }

  private async *pieces(start: number, len: number, name: string, signal?: AbortSignal): AsyncGenerator<Buffer> {
    for (let pos = start; pos < start + len; pos += PIECE) {
      signal?.throwIfAborted();
      const buf = Buffer.allocUnsafe(Math.min(PIECE, start + len - pos));
      await readFully(this.fh, buf, pos, name);
      yield buf;
    }
  }
}

/** An entry's unpacked bytes from all of its zipped bytes, checked against its declared size and CRC-32. */
export async function inflateWhole(raw: Buffer, e: ZipEntryInfo): Promise<Buffer> {
  let data: Buffer;
  if (e.compressionMethod === STORED) {
    data = raw;
  } else {
    // One output chunk the declared size (plus one byte to see the end): one trip to the thread
    // pool instead of one per 16 KB. maxOutputLength stops a lying size (a zip bomb) there too.
    const opts = {
      chunkSize: Math.max(MIN_CHUNK, e.uncompressedSize + 1),
      maxOutputLength: Math.max(1, e.uncompressedSize),
    };
    if (e.uncompressedSize <= INFLATE_INLINE_MAX) {
      // Small files inflate faster here than the round trip to the thread pool costs.
      try {
        data = zlib.inflateRawSync(raw, opts);
      } catch (err) {
        throw inflateError(e, err as Error);
      }
    } else {
      data = await new Promise<Buffer>((resolve, reject) =>
        zlib.inflateRaw(raw, opts, (err, out) => (err ? reject(inflateError(e, err)) : resolve(out))),
      );
    }
  }
  checkSize(e, data.length);
  checkCrc(e, crc32?.(data));
  return data;
}

async function readFully(fh: FileHandle, buf: Buffer, pos: number, name: string): Promise<void> {
  let done = 0;
  while (done < buf.length) {
    const { bytesRead } = await fh.read(buf, done, buf.length - done, pos + done);
    if (bytesRead === 0) throw new CorruptZipError(name, 'the file ends inside this entry');
    done += bytesRead;
  }
}

function checkMethod(e: ZipEntryInfo): void {
  if (e.compressionMethod !== STORED && e.compressionMethod !== DEFLATED) {
    throw new CorruptZipError(
      e.name,
      `unsupported compression method ${e.compressionMethod} (module zips use only store and deflate)`,
    );
  }
  if (e.compressionMethod === STORED && e.compressedSize !== e.uncompressedSize) {
    throw new CorruptZipError(
      e.name,
      `stored entry declares ${e.compressedSize} bytes in the zip but ${e.uncompressedSize} unpacked`,
    );
  }
}

function checkSize(e: ZipEntryInfo, got: number): void {
  if (got !== e.uncompressedSize)
    throw new CorruptZipError(e.name, `entry holds ${got} bytes but its header declares ${e.uncompressedSize}`);
}

function checkCrc(e: ZipEntryInfo, got: number | undefined): void {
  if (got !== undefined && got >>> 0 !== e.crc32 >>> 0)
    throw new CorruptZipError(e.name, 'CRC-32 of the content does not match the header');
}

function inflateError(e: ZipEntryInfo, err: Error): CorruptZipError {
  if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
    return new CorruptZipError(e.name, `entry holds more than the ${e.uncompressedSize} bytes its header declares`);
  }
  return new CorruptZipError(e.name, `corrupt entry data (${err.message})`);
}
