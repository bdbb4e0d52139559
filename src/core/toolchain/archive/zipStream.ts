// Unpacking a zip (the Windows release archives) while it downloads, as the tar.gz extractor
// does: entries are read from their local headers in file order and written at once; the
// central directory at the end must then list exactly what was streamed (zipCentral.ts). The
// caller commits nothing before the whole archive's SHA-256 verified.
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { UnsafeArchiveError } from '../errors';
import { ByteQueue } from './byteQueue';
import { entryName } from './paths';
import { StreamingExtractor, type ExtractOptions } from './streamingExtractor';
import type { FileSink, TreeSummary } from './treeWriter';
import { checkCentralDirectory } from './zipCentral';
import {
  CENTRAL_SIGNATURE,
  checkDescriptor,
  checkLocalValues,
  DESCRIPTOR_SIGNATURE,
  LOCAL_HEADER_SIZE,
  LOCAL_SIGNATURE,
  parseLocalHeader,
  type StreamedEntry,
} from './zipLocal';
import { unpackEntryData, type EntryOutput } from './zipStreamData';

/** Bytes queued ahead of the parser before the download waits (at least one-call entry size). */
const MAX_QUEUED = 4 << 20;
/** A Go release's central directory is ~1.5 MB (~15,000 entries); more is not a Go release. */
const MAX_CENTRAL_BYTES = 32 << 20;

export class ZipStreamExtractor extends StreamingExtractor {
  private readonly queue = new ByteQueue(MAX_QUEUED);
  private readonly done: Promise<void>;
  private summary: TreeSummary | undefined;

  constructor(root: string, opts: ExtractOptions = {}) {
    super(root, opts);
    this.done = this.run(opts.rootPrefix ?? 'go/').catch((err) => this.fail(err));
  }

  async write(chunk: Buffer): Promise<void> {
    this.throwIfIoError();
    if (this.failed) return; // keep the download (and its hash) going; end() reports the problem
    this.queue.push(chunk);
    await this.queue.roomFor();
    this.throwIfIoError();
  }

  async end(): Promise<TreeSummary> {
    this.queue.end();
    await this.done;
    const summary = await this.settle();
    return this.summary ?? summary;
  }

  async abort(): Promise<void> {
    if (this.archiveError === undefined) this.archiveError = new Error('aborted');
    this.queue.close();
    await this.done;
    await this.writer.abort();
  }

  private fail(err: unknown): void {
    this.failWith(err, () => this.queue.close());
  }

  private async run(rootPrefix: string): Promise<void> {
    const q = this.queue;
    const streamed: StreamedEntry[] = [];
    for (;;) {
      if (!(await q.need(4))) throw bad('archive ends before its central directory');
      const signature = q.peek(4).readUInt32LE(0);
      if (signature === CENTRAL_SIGNATURE) break;
      if (signature !== LOCAL_SIGNATURE)
        throw bad(streamed.length === 0 ? 'not a zip archive' : `no entry header at offset ${q.position}`);
      if (this.failed) return;
      streamed.push(await this.entry(rootPrefix));
      // Small entries are written whole: wait here, or thousands of files would be open at once.
      if (this.writer.saturated) await this.writer.drained();
    }
    const start = q.position;
    // The directory is read whole: let the download queue all of it (up to the cap).
    q.raiseLimit(MAX_CENTRAL_BYTES + 1);
    while (!q.finished || q.length > 0) {
      if (q.length > MAX_CENTRAL_BYTES) throw bad(`central directory larger than ${MAX_CENTRAL_BYTES} bytes`);
      if (!(await q.more(q.length))) break;
    }
    const listed = checkCentralDirectory(q.read(q.length), start, streamed);
    this.summary = await this.writer.finish();
    // Local headers carry no file modes: executable bits come from the directory, once written.
    for (const e of listed) {
      if (e.mode !== undefined && e.mode & 0o111 && !e.name.endsWith('/'))
        await fsp.chmod(path.join(this.root, ...entryName(e.name, rootPrefix).components), 0o755);
    }
  }

  private async entry(rootPrefix: string): Promise<StreamedEntry> {
    const q = this.queue;
    const offset = q.position;
    if (!(await q.need(LOCAL_HEADER_SIZE))) throw bad('archive ends inside an entry header');
    const fixed = q.read(LOCAL_HEADER_SIZE);
    const variable = fixed.readUInt16LE(26) + fixed.readUInt16LE(28);
    if (!(await q.need(variable))) throw bad('archive ends inside an entry header');
    const e = parseLocalHeader(fixed, q.read(variable), offset);
    const name = entryName(e.name, rootPrefix);
    if (name.trailingSlash) this.writer.dir(name.components);
    const writer = this.writer;
    const out: EntryOutput = {
      open: (size) =>
        name.trailingSlash
          ? directorySink(e.name)
          : writer.file(name.components, { mode: 0o644, size, ...(e.mtimeSec ? { mtimeSec: e.mtimeSec } : {}) }),
      saturated: () => writer.saturated,
      drained: () => writer.drained(),
      stopped: () => writer.error !== undefined,
    };
    const got = await unpackEntryData(q, e, out);
    if (e.descriptor) {
      if (!(await q.need(4))) throw new UnsafeArchiveError(e.name, 'archive ends before the data descriptor');
      if (q.peek(4).readUInt32LE(0) === DESCRIPTOR_SIGNATURE) q.skip(4);
      if (!(await q.need(12))) throw new UnsafeArchiveError(e.name, 'archive ends inside the data descriptor');
      checkDescriptor(e, q.read(12), got);
    } else {
      checkLocalValues(e, got);
    }
    return { name: e.name, offset, method: e.method, ...got };
  }
}

function directorySink(name: string): FileSink {
  return {
    write: () => {
      throw new UnsafeArchiveError(name, 'directory entry with content');
    },
    end: () => undefined,
  };
}

function bad(reason: string): UnsafeArchiveError {
  return new UnsafeArchiveError(undefined, `invalid zip archive: ${reason}`);
}
