// Unpacks a golang.org/toolchain module zip into a staging directory in one pass, hashing every
// entry on the way (dirhash Hash1, the go.sum `h1:`) on a worker thread, so verification costs no
// second read or inflate and little time. Names and types of all entries are checked first (from
// the central directory); then the data is read in file order (zipEntryData.ts) and several
// entries are inflated and written at once. It strips the
// `golang.org/toolchain@v0.0.1-goX.Y.Z.GOOS-GOARCH/` prefix, applies the toolchain installer's
// archive-safety rules (archivePath.ts, TreeWriter), and then does what cmd/go does to a
// downloaded toolchain before running it (toolchain/select.go): set the execute bits zips do not
// record, and copy each `_go.mod` back to `go.mod` (the module zip renames them because a module
// cannot contain nested go.mod files).
import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import * as fsp from 'node:fs/promises';
import type * as yauzl from 'yauzl';
import { hash1FromDigests, openZipRaw, rawEntryName, type FileDigest } from '../../sumdb/dirhash';
import { startHasher } from '../../sumdb/hashWorker';
import { entryName } from '../archive/paths';
import { CorruptZipError, UnsafeArchiveError } from '../errors';
import { TreeWriter, type FileSink, type TreeLimits, type TreeSummary } from '../archive/treeWriter';
import { ZipEntryData, type ZipEntryInfo } from '../archive/zipEntries';

/** x/mod/zip's limit for a module zip and for its unpacked content (MaxZipFile). */
export const MAX_MODULE_ZIP_BYTES = 500 * 1024 * 1024;

export interface ModuleZipExtractOptions {
  /** `golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64/`: every entry must sit below it. */
  prefix: string;
  /** GOOS of the toolchain; decides whether execute bits are set (not on windows). */
  goos: string;
  /** Compute the `h1:` hash while unpacking. Only the benchmark's baseline turns this off. */
  hash: boolean;
  signal?: AbortSignal | undefined;
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
 * anything the archive rules refuse (CorruptZipError when the zip itself is unreadable); the
 * caller removes `root` on any error.
 */
export async function extractModuleZip(
  zipPath: string,
  root: string,
  opts: ModuleZipExtractOptions,
): Promise<ModuleZipExtractResult> {
  opts.signal?.throwIfAborted();
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
  let fh: fsp.FileHandle | undefined;
  // Entries being inflated and written, and the first error one of them met: that error names
  // the cause (a short entry's size mismatch, which the writer also records, is only a symptom).
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  try {
    // 1. The central directory: every name and type is checked before anything is written.
    const jobs: FileJob[] = [];
    for await (const entry of zip.eachEntry()) {
      opts.signal?.throwIfAborted();
      const raw = rawEntryName(entry);
      if (!isUtf8(raw))
        throw new UnsafeArchiveError(raw.toString('latin1'), 'entry name is not valid UTF-8 (module zips require it)');
      const rawName = raw.toString('utf8');
      const name = entryName(rawName, opts.prefix);
      if (entry.isEncrypted()) throw new UnsafeArchiveError(rawName, 'encrypted entry');
      const unixMode = (entry.externalFileAttributes >>> 16) & 0xffff;
      const type = unixMode & 0o170000;
      if (type !== 0 && type !== (name.trailingSlash ? 0o040000 : 0o100000)) {
        throw new UnsafeArchiveError(
          rawName,
          type === 0o120000 ? 'symbolic link entry (toolchain zips contain none)' : 'special file entry',
        );
      }
      if (name.trailingSlash) {
        if (entry.uncompressedSize !== 0) throw new UnsafeArchiveError(rawName, 'directory entry with content');
        writer.dir(name.components);
        if (hasher) digests.push(Promise.resolve({ name: raw, sha256: EMPTY_SHA256 }));
        continue;
      }
      const info: ZipEntryInfo = {
        name: rawName,
        localHeaderOffset: entry.relativeOffsetOfLocalHeader,
        compressedSize: entry.compressedSize,
        uncompressedSize: entry.uncompressedSize,
        compressionMethod: entry.compressionMethod,
        crc32: entry.crc32,
      };
      jobs.push({ info, raw, components: name.components, index: digests.length });
      if (hasher) digests.push(Promise.resolve({ name: raw, sha256: EMPTY_SHA256 })); // replaced below
    }

    // 2. The data, in file order: one large read serves many small entries. Small entries are
    // inflated whole on the thread pool, several at once; large ones are streamed one at a time.
    jobs.sort((a, b) => a.info.localHeaderOffset - b.info.localHeaderOffset);
    fh = await fsp.open(zipPath, 'r');
    const data = new ZipEntryData(fh, zip.fileSize);
    for (const job of jobs) {
      opts.signal?.throwIfAborted();
      if (failure !== undefined) break;
      if (writer.error !== undefined) throw writer.error;
      while (inFlight.size >= ENTRY_CONCURRENCY) await Promise.race(inFlight);
      if (writer.saturated) await writer.drained();
      if (hasher?.saturated) await hasher.drained();
      const exec = opts.goos !== 'windows' && isToolchainExecutable(job.components);
      const fileOpts = { mode: exec ? 0o755 : 0o644, size: job.info.uncompressedSize };
      const sinks: FileSink[] = [writer.file(job.components, fileOpts)];
      if (job.components[job.components.length - 1] === '_go.mod') {
        sinks.push(writer.file([...job.components.slice(0, -1), 'go.mod'], fileOpts));
      }
      const hash = hasher?.file();
      const deliver = (chunk: Buffer): void => {
        for (const s of sinks) s.write(chunk);
        hash?.update(chunk);
      };
      const finish = (): void => {
        for (const s of sinks) s.end();
        if (hash) {
          const digest = hash.digest().then((sha256) => ({ name: job.raw, sha256 }));
          digest.catch(() => undefined); // observed below
          digests[job.index] = digest;
        }
      };
      if (ZipEntryData.fitsWhole(job.info)) {
        const task = data
          .whole(job.info)
          .then(deliver, (err: unknown) => void (failure ??= err))
          .finally(finish)
          .finally(() => inFlight.delete(task));
        inFlight.add(task);
      } else {
        try {
          await data.stream(
            job.info,
            async (chunk) => {
              deliver(chunk);
              if (writer.error !== undefined) throw writer.error;
              if (writer.saturated) await writer.drained();
              if (hasher?.saturated) await hasher.drained();
            },
            opts.signal,
          );
        } catch (err) {
          failure ??= err;
          throw err;
        } finally {
          finish();
        }
      }
    }
    await Promise.all(inFlight);
    if (failure !== undefined) throw failure;
    opts.signal?.throwIfAborted();
    hasher?.flush();
    const summary = await writer.finish();
    return hasher ? { summary, h1: hash1FromDigests(await Promise.all(digests)) } : { summary };
  } catch (err) {
    await Promise.allSettled(inFlight); // nothing may still read the zip once it is closed
    await writer.abort();
    throw asZipError(failure ?? err, opts.signal);
  } finally {
    zip.close();
    await fh?.close();
    await hasher?.close();
  }
}

/** Entries inflated and written at once; more buys nothing on a 2-core machine and costs memory. */
const ENTRY_CONCURRENCY = 8;

interface FileJob {
  info: ZipEntryInfo;
  raw: Buffer;
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
