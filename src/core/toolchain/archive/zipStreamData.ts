// One zip entry's data, read from the byte queue as the download delivers it. An entry whose
// sizes follow the data (a data descriptor, as Go's zip writer makes every file) has no known
// end: the deflate stream itself says where it stops, and zlib reports how many input bytes it
// used. Small entries are inflated in one call once their bytes are in; large ones stream
// through an inflater so memory stays bounded.
import * as zlib from 'node:zlib';
import { UnsafeArchiveError } from '../errors';
import type { ByteQueue } from './byteQueue';
import type { FileSink } from './treeWriter';
import { crc32, inflateWhole, STORED } from './zipEntries';
import { DESCRIPTOR_SIGNATURE, type LocalEntry } from './zipLocal';

/** Zipped bytes gathered before an entry is inflated in one call rather than streamed. */
const WHOLE_MAX = 1 << 20;
/** An entry inflated in one call may unpack to this much; a larger one is streamed. */
const WHOLE_OUT_MAX = 8 << 20;
/** Below this, one-call inflation runs inline: cheaper than the trip to the thread pool. */
const INLINE_MAX = 64 << 10;
const PIECE = 64 << 10;
const OUT_CHUNK = 256 << 10;

export interface EntryTotals {
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
}

/** Where an entry's bytes go, with the tree writer's back-pressure. */
export interface EntryOutput {
  /** Opens the file; `size` is undefined when it is only known after the data. */
  open(size: number | undefined): FileSink;
  saturated(): boolean;
  drained(): Promise<void>;
  /** True once writing failed (nothing more is read then). */
  stopped(): boolean;
}

export async function unpackEntryData(q: ByteQueue, e: LocalEntry, out: EntryOutput): Promise<EntryTotals> {
  if (e.method === STORED) {
    if (!e.descriptor) return copyStored(q, e, out);
    // Stored data has no end marker of its own: only an empty entry (a descriptor of zeros right
    // after the header, as zip tools write for directories and empty files) can be read this way.
    if (e.name.endsWith('/') || ((await q.need(16)) && isEmptyDescriptor(q.peek(16))))
      return writeWhole(out, Buffer.alloc(0), 0);
    throw new UnsafeArchiveError(
      e.name,
      'stored entry whose size follows its data (its end cannot be found; Go archives deflate every file)',
    );
  }
  if (!e.descriptor && e.compressedSize <= WHOLE_MAX && e.uncompressedSize <= WHOLE_OUT_MAX) {
    if (!(await q.need(e.compressedSize))) throw truncated(e);
    const data = await inflateWhole(q.read(e.compressedSize), {
      name: e.name,
      localHeaderOffset: e.offset,
      compressedSize: e.compressedSize,
      uncompressedSize: e.uncompressedSize,
      compressionMethod: e.method,
      crc32: e.crc32,
    });
    return writeWhole(out, data, e.compressedSize);
  }
  if (e.descriptor) {
    const whole = await inflateToEnd(q, e);
    if (whole) return writeWhole(out, whole.data, whole.consumed);
  }
  return inflateStream(q, e, out);
}

function writeWhole(out: EntryOutput, data: Buffer, compressedSize: number): EntryTotals {
  const sink = out.open(data.length);
  if (data.length > 0) sink.write(data);
  sink.end();
  return { compressedSize, uncompressedSize: data.length, crc32: crc32?.(data) ?? 0 };
}

async function copyStored(q: ByteQueue, e: LocalEntry, out: EntryOutput): Promise<EntryTotals> {
  const sink = out.open(e.uncompressedSize);
  let left = e.compressedSize;
  let crc = 0;
  try {
    while (left > 0 && !out.stopped()) {
      if (q.length === 0 && !(await q.more(0))) throw truncated(e);
      const piece = q.readSome(left);
      left -= piece.length;
      if (crc32) crc = crc32(piece, crc);
      sink.write(piece);
      if (out.saturated()) await out.drained();
    }
  } finally {
    sink.end();
  }
  return { compressedSize: e.compressedSize, uncompressedSize: e.compressedSize, crc32: crc };
}

/**
 * A descriptor entry inflated in one call from the bytes queued, retried with twice as many
 * while the deflate stream runs past them; undefined when it is too large for one call.
 */
async function inflateToEnd(q: ByteQueue, e: LocalEntry): Promise<{ data: Buffer; consumed: number } | undefined> {
  // Most files of a release are small: try the first 64 KB inline, then twice as much each time.
  let want = INLINE_MAX;
  for (;;) {
    await q.need(want);
    const have = Math.min(q.length, want);
    if (have === 0) throw truncated(e);
    const input = q.peek(have);
    // Output buffers sized to the input's likely yield: a large one per small file is garbage.
    const opts = { info: true as const, maxOutputLength: WHOLE_OUT_MAX, chunkSize: Math.min(OUT_CHUNK, have * 4) };
    try {
      const r =
        have <= INLINE_MAX
          ? (zlib.inflateRawSync(input, opts) as unknown as { buffer: Buffer; engine: zlib.InflateRaw })
          : await new Promise<{ buffer: Buffer; engine: zlib.InflateRaw }>((resolve, reject) =>
              zlib.inflateRaw(input, opts, (err, res) =>
                err ? reject(err) : resolve(res as unknown as { buffer: Buffer; engine: zlib.InflateRaw }),
              ),
            );
      const consumed = r.engine.bytesWritten;
      q.skip(consumed);
      return { data: r.buffer, consumed };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') return undefined;
      if (code !== 'Z_BUF_ERROR') throw corrupt(e, err as Error);
      // The stream goes on past these bytes: try twice as many, or stream it.
      if (have >= WHOLE_MAX || (q.finished && have === q.length)) return undefined;
      want = Math.min(WHOLE_MAX, have * 2);
    }
  }
}

/** Streams the entry through an inflater; without a known size, until the deflate stream ends. */
async function inflateStream(q: ByteQueue, e: LocalEntry, out: EntryOutput): Promise<EntryTotals> {
  const known = e.descriptor ? undefined : e.compressedSize;
  const declared = e.descriptor ? undefined : e.uncompressedSize;
  const inflater = zlib.createInflateRaw({ chunkSize: OUT_CHUNK });
  const sink = out.open(declared);
  let size = 0;
  let crc = 0;
  let failure: unknown;
  const stop = (err: unknown) => {
    failure ??= err;
    inflater.destroy();
  };
  inflater.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (declared !== undefined && size > declared)
      return stop(new UnsafeArchiveError(e.name, `entry holds more than the ${declared} bytes its header declares`));
    if (crc32) crc = crc32(chunk, crc);
    try {
      sink.write(chunk);
    } catch (err) {
      return stop(err);
    }
    if (out.stopped()) return stop(new Error('aborted'));
    if (out.saturated()) {
      inflater.pause();
      void out.drained().then(() => inflater.resume());
    }
  });
  const ended = new Promise<void>((resolve) => {
    inflater.on('end', resolve);
    inflater.on('close', resolve);
    inflater.on('error', (err) => {
      failure ??= corrupt(e, err);
      resolve();
    });
  });
  let fed = 0;
  try {
    while (failure === undefined) {
      if (known !== undefined && fed === known) {
        inflater.end();
        break;
      }
      if (q.length === 0 && !(await q.more(0))) throw truncated(e);
      const piece = q.readSome(known === undefined ? PIECE : Math.min(PIECE, known - fed));
      fed += piece.length;
      await new Promise<void>((resolve) => inflater.write(piece, () => resolve()));
      const unused = fed - inflater.bytesWritten;
      if (unused > 0 && failure === undefined) {
        // The deflate stream ended inside this piece: what follows is the descriptor.
        if (known !== undefined) throw corrupt(e, new Error('deflate data ends before the size its header declares'));
        q.unread(piece.subarray(piece.length - unused));
        fed -= unused;
        break;
      }
    }
    await ended;
    if (failure !== undefined) throw failure;
  } finally {
    inflater.destroy();
    sink.end();
  }
  return { compressedSize: fed, uncompressedSize: size, crc32: crc };
}

function isEmptyDescriptor(d: Buffer): boolean {
  return d.readUInt32LE(0) === DESCRIPTOR_SIGNATURE && d.readUInt32LE(4) === 0 && d.readBigUInt64LE(8) === 0n;
}

function truncated(e: LocalEntry): UnsafeArchiveError {
  return new UnsafeArchiveError(e.name, 'archive ends inside this entry');
}

function corrupt(e: LocalEntry, err: Error): UnsafeArchiveError {
  return new UnsafeArchiveError(e.name, `corrupt entry data (${err.message})`);
}
