// Unpacks a golang.org/toolchain module zip into a staging directory in one pass, hashing every
// entry on the way (dirhash Hash1, the go.sum `h1:`) on a worker thread, so verification costs no
// second read or inflate and little time. Names and types of all entries are checked first (from
// the central directory), then a few entries are unpacked at once. It strips the `golang.org/toolchain@v0.0.1-goX.Y.Z.GOOS-GOARCH/` prefix, applies the
// toolchain installer's archive-safety rules (archivePath.ts, TreeWriter), and then does what
// cmd/go does to a downloaded toolchain before running it (toolchain/select.go): set the execute
// bits zips do not record, and copy each `_go.mod` back to `go.mod` (the module zip renames them
// because a module cannot contain nested go.mod files).
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import type * as yauzl from 'yauzl';
import { hash1FromDigests, openZipRaw, rawEntryName, type FileDigest } from '../sumdb/dirhash';
import { startHasher, type FileHash, type ParallelHasher } from '../sumdb/hashWorker';
import { entryName } from './archivePath';
import { UnsafeArchiveError } from './errors';
import { TreeWriter, type FileSink, type TreeLimits, type TreeSummary } from './treeWriter';

/**
 * The zip itself is unreadable (bad structure, corrupt deflate data, lying sizes). For a module
 * zip this means the bytes are not the ones the checksum database vouches for, so the installer
 * reports it as a checksum mismatch rather than as an unsafe official archive.
 */
export class CorruptZipError extends UnsafeArchiveError {
  constructor(entry: string | undefined, reason: string) {
    super(entry, reason);
    this.name = 'CorruptZipError';
  }
}

/** x/mod/zip's limit for a module zip and for its unpacked content (MaxZipFile). */
export const MAX_MODULE_ZIP_BYTES = 500 * 1024 * 1024;

export interface ModuleZipExtractOptions {
  /** `golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64/`: every entry must sit below it. */
  prefix: string;
  /** GOOS of the toolchain; decides whether execute bits are set (not on windows). */
  goos: string;
  /** Compute the `h1:` hash while unpacking. Only the benchmark's baseline turns this off. */
  hash: boolean;
  signal?: AbortSignal;
  limits?: Partial<TreeLimits>;
}

export interface ModuleZipExtractResult {
  summary: TreeSummary;
  /** dirhash Hash1 of the zip's entries (undefined when `hash` was false). */
  h1?: string;
}

/**
 * Whether cmd/go makes this GOROOT file executable after download: everything under bin/ and
 * pkg/tool/, and lib/…/go_<os>_<arch>_exec wrappers.
 */
export function isToolchainExecutable(components: readonly string[]): boolean {
  const [top, second] = components;
  if (top === 'bin') return components.length >= 2;
  if (top === 'pkg' && second === 'tool') return components.length >= 3;
  if (top === 'lib') return /^go_.+_.+_exec$/.test(components[components.length - 1] ?? '');
  return false;
}

/**
 * Unpacks `zipPath` into the (new, empty) directory `root`. Throws UnsafeArchiveError for
 * anything the archive rules refuse; the caller removes `root` on any error.
 */
export async function extractModuleZip(zipPath: string, root: string, opts: ModuleZipExtractOptions): Promise<ModuleZipExtractResult> {
  const writer = new TreeWriter(root, { maxTotalBytes: MAX_MODULE_ZIP_BYTES, ...opts.limits });
  // Digests by entry index, so a repeated name resolves like dirhash.HashZip (last one wins).
  const digests: Array<Promise<FileDigest>> = [];
  // SHA-256 runs on a worker thread, overlapping with inflate (thread pool) and writes.
  const hasher = opts.hash ? startHasher() : undefined;
  let zip: yauzl.ZipFile;
  try {
    zip = await openZipRaw(zipPath, { autoClose: false });
  } catch (err) {
    await hasher?.close();
    throw new CorruptZipError(undefined, `not a valid zip file (${(err as Error).message})`);
  }
  try {
    // 1. The central directory: every name and type is checked before anything is written.
    const jobs: FileJob[] = [];
    for await (const entry of zip.eachEntry()) {
      opts.signal?.throwIfAborted();
      const raw = rawEntryName(entry);
      if (!isUtf8(raw)) throw new UnsafeArchiveError(raw.toString('latin1'), 'entry name is not valid UTF-8 (module zips require it)');
      const rawName = raw.toString('utf8');
      const name = entryName(rawName, opts.prefix);
      if (entry.isEncrypted()) throw new UnsafeArchiveError(rawName, 'encrypted entry');
      const unixMode = (entry.externalFileAttributes >>> 16) & 0xffff;
      const type = unixMode & 0o170000;
      if (type !== 0 && type !== (name.trailingSlash ? 0o040000 : 0o100000)) {
        throw new UnsafeArchiveError(rawName, type === 0o120000 ? 'symbolic link entry (toolchain zips contain none)' : 'special file entry');
      }
      if (name.trailingSlash) {
        if (entry.uncompressedSize !== 0) throw new UnsafeArchiveError(rawName, 'directory entry with content');
        writer.dir(name.components);
        if (hasher) digests.push(Promise.resolve({ name: raw, sha256: EMPTY_SHA256 }));
        continue;
      }
      jobs.push({ entry, raw, rawName, components: name.components, index: digests.length });
      if (hasher) digests.push(Promise.resolve({ name: raw, sha256: EMPTY_SHA256 })); // replaced below
    }

    // 2. The data: a few entries at a time, so reads, inflates and writes of different files
    // overlap on the thread pool instead of waiting on each other.
    let next = 0;
    const work = async (): Promise<void> => {
      while (next < jobs.length && writer.error === undefined) {
        opts.signal?.throwIfAborted();
        const job = jobs[next++]!;
        const exec = opts.goos !== 'windows' && isToolchainExecutable(job.components);
        const fileOpts = { mode: exec ? 0o755 : 0o644, size: job.entry.uncompressedSize };
        const sinks: FileSink[] = [writer.file(job.components, fileOpts)];
        if (job.components[job.components.length - 1] === '_go.mod') {
          sinks.push(writer.file([...job.components.slice(0, -1), 'go.mod'], fileOpts));
        }
        const hash = hasher?.file();
        const stream = await zip.openReadStreamPromise(job.entry).catch((err: Error) => {
          throw new CorruptZipError(job.rawName, `cannot read entry (${err.message})`);
        });
        try {
          await pump(stream, sinks, hash, hasher, writer, job.rawName);
        } finally {
          for (const s of sinks) s.end();
        }
        if (hash) {
          const digest = hash.digest().then((sha256) => ({ name: job.raw, sha256 }));
          digest.catch(() => undefined); // observed below
          digests[job.index] = digest;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(ENTRY_CONCURRENCY, jobs.length) }, work));
    hasher?.flush();
    const summary = await writer.finish();
    return hasher ? { summary, h1: hash1FromDigests(await Promise.all(digests)) } : { summary };
  } catch (err) {
    await writer.abort();
    throw asZipError(err, opts.signal);
  } finally {
    zip.close();
    await hasher?.close();
  }
}

/** Entries unpacked at once; more buys nothing on a 2-core machine and costs memory. */
const ENTRY_CONCURRENCY = 4;

interface FileJob {
  entry: yauzl.Entry;
  raw: Buffer;
  rawName: string;
  components: string[];
  index: number;
}

/** yauzl's format errors carry no errno code; file-system errors and aborts pass through. */
function asZipError(err: unknown, signal: AbortSignal | undefined): unknown {
  if (err instanceof UnsafeArchiveError || signal?.aborted) return err;
  if (err instanceof Error && (err as NodeJS.ErrnoException).code === undefined && err.name !== 'AbortError') {
    return new CorruptZipError(undefined, `invalid zip archive: ${err.message}`);
  }
  return err;
}

const EMPTY_SHA256 = createHash('sha256').digest();

async function pump(stream: Readable, sinks: FileSink[], hash: FileHash | undefined, hasher: ParallelHasher | undefined, writer: TreeWriter, name: string): Promise<void> {
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (const s of sinks) s.write(chunk);
      hash?.update(chunk);
      if (writer.error !== undefined) {
        stream.destroy();
        return;
      }
      if (writer.saturated) await writer.drained();
      if (hasher?.saturated) await hasher.drained();
    }
  } catch (err) {
    if (err instanceof UnsafeArchiveError) throw err;
    // yauzl reports lying sizes and corrupt deflate data as stream errors.
    throw new CorruptZipError(name, `corrupt entry data (${(err as Error).message})`);
  }
}
