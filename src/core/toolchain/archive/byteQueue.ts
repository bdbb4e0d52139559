// The bytes of a download waiting to be parsed: the network side pushes chunks as they arrive,
// the parser pulls exactly what it needs. It never copies a chunk unless a read spans two, and it
// tells the producer to wait while more than a bounded amount is queued.

export class ByteQueue {
  private chunks: Buffer[] = [];
  private queued = 0;
  private consumed = 0;
  private ended = false;
  private dataWaiters: Array<() => void> = [];
  private spaceWaiters: Array<() => void> = [];

  constructor(private maxQueued: number) {}

  /** Lets more bytes queue up (to hold a whole trailing record), waking a waiting producer. */
  raiseLimit(maxQueued: number): void {
    this.maxQueued = Math.max(this.maxQueued, maxQueued);
    this.wakeSpace();
  }

  /** Bytes waiting to be read. */
  get length(): number {
    return this.queued;
  }

  /** Archive offset of the next byte `read` returns. */
  get position(): number {
    return this.consumed;
  }

  /** True once `end()` was called: what is queued is all there will be. */
  get finished(): boolean {
    return this.ended;
  }

  push(chunk: Buffer): void {
    if (this.ended || chunk.length === 0) return;
    this.chunks.push(chunk);
    this.queued += chunk.length;
    this.wakeData();
  }

  end(): void {
    this.ended = true;
    this.wakeData();
  }

  /** Drops everything queued, now and later, and releases every waiter (on failure or abort). */
  close(): void {
    this.chunks = [];
    this.queued = 0;
    this.ended = true;
    this.wakeData();
    this.wakeSpace();
  }

  /** For the producer: resolves once the queue is below its bound. */
  roomFor(): Promise<void> {
    if (this.queued <= this.maxQueued || this.ended) return Promise.resolve();
    return new Promise((resolve) => this.spaceWaiters.push(resolve));
  }

  /** Waits until `n` bytes are queued; false when the input ended first. */
  async need(n: number): Promise<boolean> {
    while (this.queued < n) {
      if (this.ended) return false;
      await new Promise<void>((resolve) => this.dataWaiters.push(resolve));
    }
    return true;
  }

  /** Waits until more than `than` bytes are queued; false when the input ended first. */
  more(than: number): Promise<boolean> {
    return this.need(than + 1);
  }

  /** The next `n` bytes (they must be queued), consumed. */
  read(n: number): Buffer {
    const out = this.peek(n);
    this.skip(n);
    return out;
  }

  /** The next `n` bytes (they must be queued), not consumed. */
  peek(n: number): Buffer {
    if (n > this.queued) throw new RangeError(`peek(${n}) with ${this.queued} bytes queued`);
    const first = this.chunks[0];
    if (first && first.length >= n) return first.subarray(0, n);
    const parts: Buffer[] = [];
    let left = n;
    for (const c of this.chunks) {
      if (left === 0) break;
      const part = c.length <= left ? c : c.subarray(0, left);
      parts.push(part);
      left -= part.length;
    }
    return Buffer.concat(parts, n);
  }

  /** The queued bytes up to `max`, without copying: at most the first chunk. Consumed. */
  readSome(max: number): Buffer {
    const first = this.chunks[0];
    if (!first) return Buffer.alloc(0);
    const n = Math.min(max, first.length);
    const out = first.subarray(0, n);
    this.skip(n);
    return out;
  }

  skip(n: number): void {
    let left = n;
    while (left > 0) {
      const first = this.chunks[0]!;
      if (first.length <= left) {
        this.chunks.shift();
        left -= first.length;
      } else {
        this.chunks[0] = first.subarray(left);
        left = 0;
      }
    }
    this.queued -= n;
    this.consumed += n;
    if (this.queued <= this.maxQueued) this.wakeSpace();
  }

  /** Puts bytes read too far back at the front (the tail of a deflate stream's last input). */
  unread(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.chunks.unshift(bytes);
    this.queued += bytes.length;
    this.consumed -= bytes.length;
  }

  private wakeData(): void {
    const w = this.dataWaiters;
    this.dataWaiters = [];
    for (const f of w) f();
  }

  private wakeSpace(): void {
    const w = this.spaceWaiters;
    this.spaceWaiters = [];
    for (const f of w) f();
  }
}
