// Unpacking into a staging directory. The tar.gz extractor consumes the download as it arrives
// (gunzip runs on libuv's thread pool, parsing and hashing on the main thread, file writes on the
// pool again), so unpacking costs almost no time after the last byte. Zip archives (Windows) need
// their central directory at the end, so they are unpacked from the verified file afterwards.
import * as zlib from 'node:zlib';
import yauzl from 'yauzl';
import { entryName } from './paths';
import { UnsafeArchiveError } from '../errors';
import { TarStreamParser } from './tar';
import { TreeWriter, type FileSink, type TreeLimits, type TreeSummary } from './treeWriter';

/** A consumer of the archive bytes, fed from offset 0 (see download.ts). */
export interface ArchiveConsumer {
  write(chunk: Buffer): Promise<void>;
}

export interface ExtractOptions {
  /** Entries must sit below this prefix, which is stripped: `go/` for release archives. */
  rootPrefix?: string;
  limits?: Partial<TreeLimits>;
}

/**
 * Streams a .tar.gz into `root`. Archive problems (bad gzip, unsafe or malformed entries) are
 * remembered and reported by `end()`, while `write()` keeps accepting bytes so the caller can
 * finish hashing and tell a tampered download from a bad official archive. File-system errors
 * (disk full, permission denied) make `write()` throw at once.
 */
export class TarGzExtractor implements ArchiveConsumer {
  private readonly gunzip: zlib.Gunzip;
  private readonly parser: TarStreamParser;
  private readonly writer: TreeWriter;
  private archiveError: unknown;
  private file: FileSink | undefined;
  private ended: Promise<void>;
  private wake: (() => void) | undefined;

  constructor(
    readonly root: string,
    opts: ExtractOptions = {},
  ) {
    const rootPrefix = opts.rootPrefix ?? 'go/';
    this.writer = new TreeWriter(root, opts.limits);
    this.parser = new TarStreamParser({
      entry: (e) => {
        const name = entryName(e.path, rootPrefix);
        if (e.kind === 'dir') this.writer.dir(name.components);
        else
          this.file = this.writer.file(name.components, {
            mode: e.mode,
            size: e.size,
            ...(e.mtimeSec !== undefined ? { mtimeSec: e.mtimeSec } : {}),
          });
      },
      data: (chunk) => this.file?.write(chunk),
      entryEnd: () => {
        this.file?.end();
        this.file = undefined;
      },
    });
    this.gunzip = zlib.createGunzip({ chunkSize: 64 * 1024 });
    this.gunzip.on('data', (chunk: Buffer) => {
      if (this.failed) return;
      try {
        this.parser.write(chunk);
      } catch (err) {
        this.fail(err);
        return;
      }
      if (this.writer.saturated) {
        this.gunzip.pause();
        void this.writer.drained().then(() => this.gunzip.resume());
      }
    });
    this.ended = new Promise<void>((resolve) => {
      this.gunzip.on('end', () => resolve());
      this.gunzip.on('error', (err) => {
        this.fail(new UnsafeArchiveError(undefined, `not a valid gzip stream (${err.message})`));
        resolve();
      });
      this.gunzip.on('close', () => resolve());
    });
  }

  /** The bytes so far are not a valid archive (a corrupt download shows here before its hash is done). */
  get broken(): boolean {
    return this.archiveError !== undefined;
  }

  private get failed(): boolean {
    return this.archiveError !== undefined || this.writer.error !== undefined;
  }

  async write(chunk: Buffer): Promise<void> {
    this.throwIfIoError();
    if (this.failed) return; // keep the download (and its hash) going; end() reports the problem
    if (!this.gunzip.write(chunk)) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.gunzip.once('drain', resolve);
      });
      this.wake = undefined;
    }
    this.throwIfIoError();
  }

  /** After the last byte: waits for every file, then throws whatever went wrong. */
  async end(): Promise<TreeSummary> {
    this.throwIfIoError();
    if (this.failed) this.gunzip.destroy();
    else this.gunzip.end();
    await this.ended;
    if (!this.failed) {
      try {
        this.parser.end();
      } catch (err) {
        this.fail(err);
      }
    }
    this.throwIfIoError();
    const archiveError = this.archiveError ?? this.writer.error;
    if (archiveError !== undefined) {
      await this.writer.abort();
      throw archiveError;
    }
    return this.writer.finish();
  }

  /** Stops at once and waits for in-flight writes; the caller removes the directory. */
  async abort(): Promise<void> {
    if (this.archiveError === undefined) this.archiveError = new Error('aborted');
    this.gunzip.destroy();
    this.wake?.();
    await this.writer.abort();
  }

  private fail(err: unknown): void {
    if (this.archiveError === undefined && this.writer.error === undefined) this.archiveError = err;
    // Nothing more is unpacked; stop the decompressor so back-pressure cannot stall the download.
    this.gunzip.destroy();
    this.wake?.();
    void this.writer.abort();
  }

  private throwIfIoError(): void {
    const err = this.writer.error;
    if (err !== undefined && !(err instanceof UnsafeArchiveError) && (err as Error).message !== 'aborted') throw err;
  }
}

/**
 * Unpacks a verified zip file into `root` (Windows release archives; also usable for the
 * golang.org/toolchain module zip with `rootPrefix: 'golang.org/toolchain@v0.0.1-go1.22.5.windows-amd64/'`).
 * Refuses links, encrypted entries and everything archivePath.ts refuses; entry sizes are checked
 * against the bytes actually inflated.
 */
export async function extractZipFile(
  zipPath: string,
  root: string,
  opts: ExtractOptions & { signal?: AbortSignal } = {},
): Promise<TreeSummary> {
  const rootPrefix = opts.rootPrefix ?? 'go/';
  const writer = new TreeWriter(root, opts.limits);
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(
        zipPath,
        { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true, decodeStrings: true },
        (err, z) => (err ? reject(err) : resolve(z)),
      ),
    );
  } catch (err) {
    throw asArchiveError(err);
  }
  try {
    for (;;) {
      opts.signal?.throwIfAborted();
      const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
        const onEntry = (e: yauzl.Entry) => {
          cleanup();
          resolve(e);
        };
        const onEnd = () => {
          cleanup();
          resolve(undefined);
        };
        const onError = (err: unknown) => {
          cleanup();
          reject(err);
        };
        const cleanup = () => {
          zip.off('entry', onEntry);
          zip.off('end', onEnd);
          zip.off('error', onError);
        };
        zip.on('entry', onEntry);
        zip.on('end', onEnd);
        zip.on('error', onError);
        zip.readEntry();
      }).catch((err) => {
        throw asArchiveError(err);
      });
      if (!entry) break;
      const name = entryName(entry.fileName, rootPrefix);
      if (entry.isEncrypted()) throw new UnsafeArchiveError(entry.fileName, 'encrypted entry');
      const unixMode = (entry.externalFileAttributes >>> 16) & 0xffff;
      const type = unixMode & 0o170000;
      const isDir = name.trailingSlash;
      if (type !== 0 && type !== (isDir ? 0o040000 : 0o100000)) {
        throw new UnsafeArchiveError(
          entry.fileName,
          type === 0o120000 ? 'symbolic link entry (official Go archives contain none)' : 'special file entry',
        );
      }
      if (isDir) {
        if (entry.uncompressedSize !== 0) throw new UnsafeArchiveError(entry.fileName, 'directory entry with content');
        writer.dir(name.components);
        continue;
      }
      const sink = writer.file(name.components, {
        mode: unixMode,
        size: entry.uncompressedSize,
        mtimeSec: Math.floor(entry.getLastModDate().getTime() / 1000),
      });
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zip.openReadStream(entry, (err, s) => (err ? reject(asArchiveError(err)) : resolve(s))),
      );
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          sink.write(chunk);
          if (writer.error !== undefined) break;
          if (writer.saturated) await writer.drained();
        }
      } catch (err) {
        throw asArchiveError(err);
      } finally {
        sink.end();
      }
      if (writer.error !== undefined) break;
    }
    return await writer.finish();
  } catch (err) {
    await writer.abort();
    throw err;
  } finally {
    zip.close();
  }
}

/** yauzl's format errors (bad names, lying sizes, corrupt data) are archive problems. */
function asArchiveError(err: unknown): unknown {
  if (err instanceof UnsafeArchiveError) return err;
  if (err instanceof Error && (err as NodeJS.ErrnoException).code === undefined)
    return new UnsafeArchiveError(undefined, `invalid zip archive: ${err.message}`);
  return err;
}
