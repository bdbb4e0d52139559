// dirhash.HashDir as `go mod verify` computes it for an extracted module: every non-directory
// under dir (symlinks opened, as filepath.Walk + os.Open do), named `<module>@<version>/<rel>`.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { hash1FromDigests, type FileDigest } from '../sumdb/dirhash';

const PARALLEL_READS = 16;

/** Per-file digests of an extracted module directory, names prefixed like HashDir's. */
export async function dirDigests(dir: string, prefix: string, signal?: AbortSignal): Promise<FileDigest[]> {
  const rels: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
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
    while (next < rels.length) {
      signal?.throwIfAborted();
      const i = next++;
      const rel = rels[i]!;
      const data = await fs.readFile(path.join(dir, ...rel.split('/')));
      out[i] = { name: Buffer.from(`${prefix}/${rel}`), sha256: createHash('sha256').update(data).digest() };
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, rels.length) }, worker));
  return out;
}

export async function hashDir(dir: string, prefix: string, signal?: AbortSignal): Promise<string> {
  return hash1FromDigests(await dirDigests(dir, prefix, signal));
}
