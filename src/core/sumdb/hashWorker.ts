// SHA-256 of many files on a worker thread, so hashing a toolchain's ~250 MB of unpacked content
// overlaps with inflating and writing it instead of adding to the main thread's work. Bytes of
// consecutive files are packed into one fresh ~1 MiB buffer per message (a toolchain has ~15,000
// mostly small files; one message per file would cost more than the hashing), transferred rather
// than cloned, and the bytes in flight are bounded (`saturated` / `drained()`). Where a worker
// cannot start, hashing falls back to the calling thread behind the same interface.
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

export interface FileHash {
  update(chunk: Buffer): void;
  /** The SHA-256 of everything passed to update(). Call once; see ParallelHasher.flush(). */
  digest(): Promise<Buffer>;
}

export interface ParallelHasher {
  /** Starts a file; its chunks must be given in order (files may interleave). */
  file(): FileHash;
  /** Sends what is batched; call after the last digest() so every digest can resolve. */
  flush(): void;
  /** True while the caller should wait (drained()) before handing over more bytes. */
  readonly saturated: boolean;
  drained(): Promise<void>;
  close(): Promise<void>;
}

const BATCH_BYTES = 1 << 20;
const BATCH_SEGMENTS = 1024;
const MAX_IN_FLIGHT = 32 << 20;

// Plain JavaScript run with `eval: true`, so bundling the extension needs no extra entry point.
// A message is { buf, segs: [id, length, end, ...] }; the reply lists finished ids and digests.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const open = new Map();
parentPort.on('message', ({ buf, segs }) => {
  const bytes = new Uint8Array(buf);
  const ids = [];
  const out = Buffer.allocUnsafeSlow(32 * (segs.length / 3));
  let off = 0;
  for (let i = 0; i < segs.length; i += 3) {
    const id = segs[i], len = segs[i + 1], end = segs[i + 2];
    let h = open.get(id);
    if (!h) { h = createHash('sha256'); open.set(id, h); }
    if (len > 0) h.update(bytes.subarray(off, off + len));
    off += len;
    if (end) { open.delete(id); h.digest().copy(out, 32 * ids.length); ids.push(id); }
  }
  const digests = out.buffer.slice(0, 32 * ids.length);
  parentPort.postMessage({ bytes: bytes.byteLength, ids, digests }, [digests]);
});
`;

export function startHasher(): ParallelHasher {
  try {
    return new WorkerHasher(new Worker(WORKER_SOURCE, { eval: true }));
  } catch {
    return new LocalHasher();
  }
}

class WorkerHasher implements ParallelHasher {
  private nextId = 0;
  private inFlight = 0;
  private readonly pending = new Map<number, { resolve: (b: Buffer) => void; reject: (e: unknown) => void }>();
  private waiters: Array<() => void> = [];
  private failure: unknown;
  // The batch being filled: chunks in order and [id, length, end] per segment.
  private chunks: Buffer[] = [];
  private size = 0;
  private segs: number[] = [];

  constructor(private readonly worker: Worker) {
    worker.unref();
    worker.on('message', (m: { bytes: number; ids: number[]; digests: ArrayBuffer }) => {
      this.inFlight -= m.bytes;
      const all = Buffer.from(m.digests);
      m.ids.forEach((id, i) => {
        this.pending.get(id)?.resolve(Buffer.from(all.subarray(32 * i, 32 * (i + 1))));
        this.pending.delete(id);
      });
      if (!this.saturated) this.wake();
    });
    const fail = (err: unknown) => {
      this.failure ??= err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      this.wake();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.pending.size > 0) fail(new Error(`the hashing worker exited (${code})`));
    });
  }

  get saturated(): boolean {
    return this.failure === undefined && this.inFlight > MAX_IN_FLIGHT;
  }

  drained(): Promise<void> {
    if (!this.saturated) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  file(): FileHash {
    const id = this.nextId++;
    return {
      update: (chunk) => {
        if (chunk.length === 0) return;
        this.chunks.push(chunk);
        this.size += chunk.length;
        const n = this.segs.length;
        if (n > 0 && this.segs[n - 3] === id) this.segs[n - 2]! += chunk.length;
        else this.segs.push(id, chunk.length, 0);
        if (this.size >= BATCH_BYTES) this.flush();
      },
      digest: () => {
        if (this.failure !== undefined) return Promise.reject(this.failure);
        const p = new Promise<Buffer>((resolve, reject) => this.pending.set(id, { resolve, reject }));
        const n = this.segs.length;
        if (n > 0 && this.segs[n - 3] === id) this.segs[n - 1] = 1;
        else this.segs.push(id, 0, 1);
        if (this.segs.length >= 3 * BATCH_SEGMENTS) this.flush();
        return p;
      },
    };
  }

  flush(): void {
    if (this.segs.length === 0 || this.failure !== undefined) return;
    // A fresh, unpooled buffer that can be transferred; the chunks stay with their other users.
    const buf = Buffer.allocUnsafeSlow(this.size);
    let off = 0;
    for (const c of this.chunks) off += c.copy(buf, off);
    const data = buf.buffer as ArrayBuffer;
    this.inFlight += this.size;
    this.worker.postMessage({ buf: data, segs: this.segs }, [data]);
    this.chunks = [];
    this.size = 0;
    this.segs = [];
  }

  async close(): Promise<void> {
    this.wake();
    await this.worker.terminate();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

/** Same interface, hashing on the calling thread. */
class LocalHasher implements ParallelHasher {
  readonly saturated = false;
  file(): FileHash {
    const h = createHash('sha256');
    return { update: (c) => void h.update(c), digest: async () => h.digest() };
  }
  flush(): void {}
  async drained(): Promise<void> {}
  async close(): Promise<void> {}
}
