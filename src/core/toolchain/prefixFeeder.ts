// Follows the part of a segmented download that is complete from byte 0 and passes it, in order,
// to the SHA-256 and to the consumer (the streaming tar.gz extractor), reading it back from the
// partial file. Pieces arrive out of order; the hash and the unpacking only ever see the prefix.
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import type { ByteConsumer } from './release/download';

const READ = 256 * 1024;

export interface FeederSource {
  /** Bytes from 0 on that are written. */
  prefix(): number;
  /** Resolves on the next change (or after `ms`). */
  changed(ms: number): Promise<void>;
}

export interface Fed {
  /** SHA-256 (hex) of the file's bytes. */
  digest: string;
  /** How far the consumer had been fed when it first found the bytes unreadable. */
  brokenAt?: number;
}

/** Resolves once all `size` bytes were fed. */
export async function feedPrefix(
  fh: FileHandle,
  size: number,
  consumer: ByteConsumer,
  src: FeederSource,
  signal: AbortSignal,
  /** After each chunk fed (memory reclaim counts these bytes too). */
  onFed?: (n: number) => void,
): Promise<Fed> {
  let brokenAt: number | undefined;
  const hash = createHash('sha256');
  await consumer.reset();
  let fed = 0;
  while (fed < size) {
    signal.throwIfAborted();
    const ready = Math.min(size, src.prefix());
    if (ready <= fed) {
      await src.changed(250);
      continue;
    }
    // A fresh buffer per read: the consumer may keep slices of it.
    const buf = Buffer.allocUnsafe(Math.min(READ, ready - fed));
    const { bytesRead } = await fh.read(buf, 0, buf.length, fed);
    if (bytesRead === 0) throw new Error(`the partial file ends at byte ${fed}, before the recorded ranges`);
    const chunk = buf.subarray(0, bytesRead);
    hash.update(chunk);
    await consumer.write(chunk);
    fed += bytesRead;
    onFed?.(bytesRead);
    if (brokenAt === undefined && consumer.broken?.()) brokenAt = fed;
  }
  return { digest: hash.digest('hex'), ...(brokenAt === undefined ? {} : { brokenAt }) };
}

/** SHA-256 of bytes [start, end) of the file. */
export async function hashFileRange(fh: FileHandle, start: number, end: number): Promise<string> {
  const hash = createHash('sha256');
  // One buffer for the whole range: the hash consumes each read before the next.
  const buf = Buffer.allocUnsafe(Math.min(READ, Math.max(1, end - start)));
  for (let pos = start; pos < end;) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, end - pos), pos);
    if (bytesRead === 0) break;
    hash.update(buf.subarray(0, bytesRead));
    pos += bytesRead;
  }
  return hash.digest('hex');
}
