// dirhash.HashDir as `go mod verify` computes it for an extracted module: every non-directory
// under dir (symlinks opened, as filepath.Walk + os.Open do), named `<module>@<version>/<rel>`.
// Each file costs three thread-pool round trips (open, read, close; readFile adds an fstat and a
// read to find the end), with a bounded number in flight and one reusable buffer per reader.
import { createHash } from 'node:crypto';
import * as fsCb from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { hash1FromDigests, type FileDigest } from '../sumdb/dirhash';

const PARALLEL_READS = 16;
const CHUNK = 256 << 10;

/** Per-file digests of an extracted module directory, names prefixed like HashDir's. */
export async function dirDigests(dir: string, prefix: string, signal?: AbortSignal): Promise<FileDigest[]> {
  const rels: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await fs.readdir(rel ? path.join(dir, rel) : dir, { withFileTypes: true });
    await Promise.all(
      entries.map(async (e) => {
        const child = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) await walk(child);
        else rels.push(child);
      }),
    );
  };
  await walk('');
  const out: FileDigest[] = new Array<FileDigest>(rels.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    const buf = Buffer.allocUnsafe(CHUNK);
    while (next < rels.length) {
      signal?.throwIfAborted();
      const i = next++;
      const rel = rels[i]!;
      out[i] = { name: Buffer.from(`${prefix}/${rel}`), sha256: await sha256File(path.join(dir, rel), buf) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, rels.length) }, worker));
  return out;
}

export async function hashDir(dir: string, prefix: string, signal?: AbortSignal): Promise<string> {
  return hash1FromDigests(await dirDigests(dir, prefix, signal));
}

/**
 * SHA-256 of a file read into `buf`. A read shorter than asked is the end of a regular file (the
 * kernel fills the buffer otherwise), so no extra read is spent to find it.
 */
export async function sha256File(file: string, buf: Buffer): Promise<Buffer> {
  const fd = await call<number>((cb) => fsCb.open(file, 'r', cb));
  try {
    const h = createHash('sha256');
    for (;;) {
      const n = await call<number>((cb) => fsCb.read(fd, buf, 0, buf.length, null, cb));
      if (n > 0) h.update(buf.subarray(0, n));
      if (n < buf.length) return h.digest();
    }
  } finally {
    await call<void>((cb) => fsCb.close(fd, cb));
  }
}

function call<T>(start: (cb: (err: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((err, value) => (err ? reject(err) : resolve(value))));
}
