// What the tar.gz and zip extractors share: both take the download's bytes as they arrive and
// write the tree at once, remember an archive problem (reported by `end()`, after the caller has
// finished hashing, so a tampered download is told apart from a bad official archive) and throw a
// file-system error (disk full, permission denied) from `write()` at once.
import { UnsafeArchiveError } from '../errors';
import { TreeWriter, type TreeLimits, type TreeSummary } from './treeWriter';

/** A consumer of the archive bytes, fed from offset 0 (see download.ts). */
export interface ArchiveConsumer {
  write(chunk: Buffer): Promise<void>;
}

export interface ExtractOptions {
  /** Entries must sit below this prefix, which is stripped: `go/` for release archives. */
  rootPrefix?: string;
  limits?: Partial<TreeLimits>;
}

export abstract class StreamingExtractor implements ArchiveConsumer {
  protected readonly writer: TreeWriter;
  protected archiveError: unknown;

  constructor(
    readonly root: string,
    opts: ExtractOptions,
  ) {
    this.writer = new TreeWriter(root, opts.limits);
  }

  abstract write(chunk: Buffer): Promise<void>;

  /** After the last byte: waits for every file, then throws whatever went wrong. */
  abstract end(): Promise<TreeSummary>;

  /** Stops at once and waits for in-flight writes; the caller removes the directory. */
  abstract abort(): Promise<void>;

  /** The bytes so far are not a valid archive (a corrupt download shows here before its hash is done). */
  get broken(): boolean {
    return this.archiveError !== undefined;
  }

  protected get failed(): boolean {
    return this.archiveError !== undefined || this.writer.error !== undefined;
  }

  /** Records the first problem and stops writing; `stopInput` ends the decoding side. */
  protected failWith(err: unknown, stopInput: () => void): void {
    if (this.archiveError === undefined && this.writer.error === undefined) this.archiveError = err;
    // Nothing more is unpacked; stop decoding so back-pressure cannot stall the download.
    stopInput();
    void this.writer.abort();
  }

  /** Once all input is decoded: throws the first problem, or waits for the tree. */
  protected async settle(): Promise<TreeSummary> {
    this.throwIfIoError();
    const archiveError = this.archiveError ?? this.writer.error;
    if (archiveError !== undefined) {
      await this.writer.abort();
      throw archiveError;
    }
    return this.writer.finish();
  }

  protected throwIfIoError(): void {
    const err = this.writer.error;
    if (err !== undefined && !(err instanceof UnsafeArchiveError) && (err as Error).message !== 'aborted') throw err;
  }
}
