// Fetching one piece again, for the corruption search: either only its SHA-256 (to compare with
// what another source wrote), or into the partial file at its offsets (to repair it).
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import type { Dispatcher } from 'undici';
import type { ByteRange } from './byteRanges';
import { fetchRange } from './rangeFetch';
import { watchThroughput } from './throughput';
import type { InstallTimeouts } from './timeouts';

export interface PieceFetchOptions {
  size: number;
  dispatcher: Dispatcher;
  timeouts: InstallTimeouts;
  signal: AbortSignal;
}

/** The SHA-256 of `piece` as `url` serves it; with `fh`, the bytes are also written in place. */
export async function fetchPieceHash(
  url: string,
  piece: ByteRange,
  o: PieceFetchOptions,
  fh?: FileHandle,
): Promise<string> {
  const body = await fetchRange(url, piece, o.size, o);
  const hash = createHash('sha256');
  const watch = watchThroughput(o.timeouts, (slow) => body.destroy(slow));
  let pos = piece.start;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      watch.add(chunk.length);
      hash.update(chunk);
      if (fh)
        for (let off = 0; off < chunk.length;)
          off += (await fh.write(chunk, off, chunk.length - off, pos + off)).bytesWritten;
      pos += chunk.length;
    }
  } finally {
    watch.stop();
  }
  if (pos !== piece.end) throw new Error(`the connection ended at byte ${pos}, before byte ${piece.end}`);
  return hash.digest('hex');
}
