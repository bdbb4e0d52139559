// Unpacking a .tar.gz into a staging directory as the download arrives (gunzip runs on libuv's
// thread pool, parsing and hashing on the main thread, file writes on the pool again), so
// unpacking costs almost no time after the last byte. zipStream.ts does the same for zips.
import * as zlib from 'node:zlib';
import { entryName } from './paths';
import { UnsafeArchiveError } from '../errors';
import { TarStreamParser } from './tar';
import { StreamingExtractor, type ExtractOptions } from './streamingExtractor';
import type { FileSink, TreeSummary } from './treeWriter';

export type { ArchiveConsumer, ExtractOptions } from './streamingExtractor';

/** Streams a .tar.gz into `root` (see StreamingExtractor for how problems are reported). */
export class TarGzExtractor extends StreamingExtractor {
  private readonly gunzip: zlib.Gunzip;
  private readonly parser: TarStreamParser;
  private file: FileSink | undefined;
  private ended: Promise<void>;
  private wake: (() => void) | undefined;

  constructor(root: string, opts: ExtractOptions = {}) {
    super(root, opts);
    const rootPrefix = opts.rootPrefix ?? 'go/';
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
    return this.settle();
  }

  async abort(): Promise<void> {
    if (this.archiveError === undefined) this.archiveError = new Error('aborted');
    this.gunzip.destroy();
    this.wake?.();
    await this.writer.abort();
  }

  private fail(err: unknown): void {
    this.failWith(err, () => {
      this.gunzip.destroy();
      this.wake?.();
    });
  }
}
