// Writes a file tree into a fresh staging directory, safely and fast. Callers hand it entry
// components already stripped of the archive root (see archivePath.ts); it refuses duplicates and
// case-insensitive collisions, creates every file with O_EXCL (so it never follows or overwrites
// anything), checks that each file gets exactly the bytes it declared, and caps totals. Files are
// written concurrently (bounded), so thousands of small files do not serialise on fs round trips.
import { constants as fsc } from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { collisionKey } from './paths';
import { UnsafeArchiveError } from '../errors';

export interface TreeLimits {
  /** Entries (files + directories). */
  maxEntries: number;
  /** Sum of declared file sizes. */
  maxTotalBytes: number;
  /** Back-pressure: bytes queued for writing before `saturated` turns true. */
  maxPendingBytes: number;
  /** Back-pressure: files open or waiting to open before `saturated` turns true. */
  maxPendingFiles: number;
}

/**
 * A Go release unpacks to ~250-300 MB in ~15,000 entries. Bytes are unpacked into staging before
 * the hash verdict, so the byte cap is what the largest release needs with ~3x margin, not more.
 */
export const DEFAULT_TREE_LIMITS: TreeLimits = {
  maxEntries: 200_000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxPendingBytes: 1024 * 1024,
  maxPendingFiles: 16,
};

export interface FileOptions {
  /** Unix permission bits from the archive; only the executable bits are kept. */
  mode: number;
  /**
   * The size the archive declares; writing more or fewer bytes is an error. Undefined when the
   * size only follows the data (a zip data descriptor): the caller checks it then.
   */
  size: number | undefined;
  mtimeSec?: number;
}

export interface FileSink {
  write(chunk: Buffer): void;
  end(): void;
}

export interface TreeSummary {
  files: number;
  dirs: number;
  bytes: number;
}

export class TreeWriter {
  private readonly limits: TreeLimits;
  private readonly kinds = new Map<string, { kind: 'file' | 'dir'; exact: string }>();
  private readonly dirs = new Map<string, Promise<void>>();
  private readonly pending = new Set<Promise<void>>();
  private pendingBytes = 0;
  private pendingFiles = 0;
  private entries = 0;
  private totalBytes = 0;
  private fileCount = 0;
  private failure: unknown;
  private stopped = false;
  private waiters: Array<() => void> = [];
  /** Files started but not ended: closed by `abort()` so no descriptor leaks. */
  private readonly unfinished = new Set<() => Promise<void>>();

  constructor(
    readonly root: string,
    limits: Partial<TreeLimits> = {},
  ) {
    this.limits = { ...DEFAULT_TREE_LIMITS, ...limits };
  }

  /** The first error (an UnsafeArchiveError or a file-system error), once one happened. */
  get error(): unknown {
    return this.failure;
  }

  /** True while the caller should wait (`drained()`) before handing over more data. */
  get saturated(): boolean {
    return (
      this.failure === undefined &&
      (this.pendingBytes > this.limits.maxPendingBytes || this.pendingFiles > this.limits.maxPendingFiles)
    );
  }

  /** Resolves once below the back-pressure limits, or at once after a failure. */
  drained(): Promise<void> {
    if (!this.saturated) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  dir(components: readonly string[]): void {
    this.check(components);
    if (components.length === 0) return;
    this.claim(components, 'dir');
    this.track(this.ensureDir(components));
  }

  file(components: readonly string[], opts: FileOptions): FileSink {
    this.check(components);
    if (components.length === 0) throw new UnsafeArchiveError('', 'file entry at the archive root');
    this.claim(components, 'file');
    this.fileCount++;
    this.totalBytes += opts.size ?? 0;
    if (this.totalBytes > this.limits.maxTotalBytes) throw this.tooLarge(components.join('/'));
    const rel = components.join('/');
    const abs = path.join(this.root, ...components);
    const mode = opts.mode & 0o111 ? 0o755 : 0o644;
    let written = 0;
    let fh: fsp.FileHandle | undefined;
    this.pendingFiles++;
    // Every link of the chain catches its own error (recorded once in `failure`), so later links
    // still run their bookkeeping and back-pressure never waits on a file that failed to open.
    let chain: Promise<void> = this.ensureDir(components.slice(0, -1))
      .then(async () => {
        // O_EXCL: never reuse or follow anything that already exists at this name.
        if (!this.stopped) fh = await fsp.open(abs, fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL, mode);
      })
      .catch((err) => this.fail(err));
    const closeUnfinished = () => chain.then(() => fh?.close());
    this.unfinished.add(closeUnfinished);
    return {
      write: (chunk) => {
        if (this.stopped) return;
        written += chunk.length;
        if (opts.size === undefined) {
          this.totalBytes += chunk.length;
          if (this.totalBytes > this.limits.maxTotalBytes) return this.fail(this.tooLarge(rel));
        } else if (written > opts.size) {
          this.fail(new UnsafeArchiveError(rel, `entry holds more than the ${opts.size} bytes its header declares`));
          return;
        }
        this.pendingBytes += chunk.length;
        chain = chain.then(async () => {
          try {
            if (!this.stopped && fh) await writeAll(fh, chunk);
          } catch (err) {
            this.fail(err);
          } finally {
            this.pendingBytes -= chunk.length;
            this.wake();
          }
        });
      },
      end: () => {
        this.unfinished.delete(closeUnfinished);
        if (opts.size !== undefined && written !== opts.size && !this.stopped) {
          this.fail(new UnsafeArchiveError(rel, `entry holds ${written} bytes but its header declares ${opts.size}`));
        }
        const done = chain
          .then(async () => {
            if (opts.mtimeSec !== undefined && !this.stopped && fh) await fh.utimes(opts.mtimeSec, opts.mtimeSec);
          })
          .finally(async () => {
            this.pendingFiles--;
            this.wake();
            await fh?.close();
          });
        this.track(done);
      },
    };
  }

  /** Waits for every write; throws the first error. */
  async finish(): Promise<TreeSummary> {
    if (this.unfinished.size > 0 && this.failure === undefined)
      this.fail(new UnsafeArchiveError(undefined, 'archive ended inside an entry'));
    for (const close of this.unfinished) this.track(close());
    this.unfinished.clear();
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    if (this.failure !== undefined) throw this.failure;
    return { files: this.fileCount, dirs: this.kinds.size - this.fileCount, bytes: this.totalBytes };
  }

  /** Stops writing and waits for in-flight operations, ignoring their errors. The caller removes the tree. */
  async abort(): Promise<void> {
    this.stopped = true;
    if (this.failure === undefined) this.failure = new Error('aborted');
    this.wake();
    for (const close of this.unfinished) this.track(close());
    this.unfinished.clear();
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private tooLarge(name: string): UnsafeArchiveError {
    return new UnsafeArchiveError(name, `unpacked size exceeds ${this.limits.maxTotalBytes} bytes`);
  }

  private check(components: readonly string[]): void {
    if (this.failure !== undefined) throw this.failure;
    for (const c of components) {
      // Defence in depth: archivePath.ts already refused these.
      if (c === '' || c === '.' || c === '..' || c.includes('/') || c.includes('\\') || c.includes('\u0000')) {
        throw new UnsafeArchiveError(components.join('/'), 'unsafe path component');
      }
    }
    if (++this.entries > this.limits.maxEntries)
      throw new UnsafeArchiveError(undefined, `more than ${this.limits.maxEntries} entries`);
  }

  /** Records a name; parents become directories. Any clash with an earlier entry is refused. */
  private claim(components: readonly string[], kind: 'file' | 'dir'): void {
    for (let i = 1; i <= components.length; i++) {
      const parts = components.slice(0, i);
      const exact = parts.join('/');
      const key = collisionKey(parts);
      const want = i === components.length ? kind : 'dir';
      const seen = this.kinds.get(key);
      if (!seen) {
        this.kinds.set(key, { kind: want, exact });
        continue;
      }
      if (seen.exact !== exact)
        throw new UnsafeArchiveError(exact, `collides with "${seen.exact}" on case-insensitive file systems`);
      if (seen.kind === 'file' || want === 'file') throw new UnsafeArchiveError(exact, 'duplicate entry');
    }
  }

  private ensureDir(components: readonly string[]): Promise<void> {
    let prev: Promise<void> = Promise.resolve();
    for (let i = 1; i <= components.length; i++) {
      const key = components.slice(0, i).join('/');
      let p = this.dirs.get(key);
      if (!p) {
        const abs = path.join(this.root, ...components.slice(0, i));
        p = prev.then(() => fsp.mkdir(abs, { mode: 0o755 }));
        // Observed through `track` or the file chain; mark handled so a failure is reported once.
        p.catch(() => undefined);
        this.dirs.set(key, p);
      }
      prev = p;
    }
    return prev;
  }

  private track(p: Promise<void>): void {
    const tracked = p.catch((err) => this.fail(err)).finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  private fail(err: unknown): void {
    if (this.failure === undefined) this.failure = err;
    this.stopped = true;
    this.wake();
  }

  private wake(): void {
    if (this.saturated) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

async function writeAll(fh: fsp.FileHandle, chunk: Buffer): Promise<void> {
  let off = 0;
  while (off < chunk.length) {
    const { bytesWritten } = await fh.write(chunk, off, chunk.length - off);
    off += bytesWritten;
  }
}
