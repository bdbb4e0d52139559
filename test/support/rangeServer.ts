// One download source for the segmented-download tests and benchmarks (127.0.0.1 only): serves a
// release index and one file with full Range support (`bytes=a-b`, `bytes=a-`), throttles each
// connection with a token bucket, and can misbehave: stall after a share of the file, corrupt one
// byte range, ignore Range, lie about the length, drop connections, or refuse ranges with 416.
import { createReadStream } from 'node:fs';
import * as http from 'node:http';
import type * as net from 'node:net';

export interface SourceBehaviour {
  /** Bytes per second per connection (token bucket, burst of 64 KB). */
  bytesPerSec?: number;
  /** After this many body bytes in total (all requests), send nothing more; connections stay open. */
  stallAfterTotal?: number;
  /** Bytes [start, end) are served inverted. */
  corrupt?: { start: number; end: number };
  /** Answer every request with the whole file (200). */
  ignoreRange?: boolean;
  /** Claim this total length in Content-Range (the body is still the real file). */
  lieTotal?: number;
  /** The first `count` file requests that ask for more than one byte are cut after `after` bytes. */
  drop?: { count: number; after: number };
  /** Ranges that start after byte 0 are refused with 416. */
  refuseLaterRanges?: boolean;
}

export interface RangeRecord {
  range: string | undefined;
  status: number;
  bytesSent: number;
}

class TokenBucket {
  private tokens: number;
  private last = performance.now();
  constructor(
    private readonly rate: number,
    private readonly burst = 64 * 1024,
  ) {
    this.tokens = burst;
  }
  async take(n: number): Promise<void> {
    for (;;) {
      const t = performance.now();
      this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.rate);
      this.last = t;
      if (this.tokens >= n) {
        this.tokens -= n;
        return;
      }
      await new Promise((r) => setTimeout(r, Math.max(1, ((n - this.tokens) / this.rate) * 1000)));
    }
  }
}

export class RangeServer {
  readonly requests: RangeRecord[] = [];
  behaviour: SourceBehaviour = {};
  private totalSent = 0;
  private dropped = 0;
  private readonly sockets = new Set<net.Socket>();
  private readonly buckets = new WeakMap<net.Socket, TokenBucket>();
  private index: string | undefined;

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
    private readonly file: { data: Buffer } | { path: string; size: number },
    readonly filePath: string,
  ) {}

  static async start(
    filePath: string,
    file: { data: Buffer } | { path: string; size: number },
    behaviour: SourceBehaviour = {},
  ): Promise<RangeServer> {
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const port = (server.address() as net.AddressInfo).port;
    const s = new RangeServer(server, `http://127.0.0.1:${port}`, file, filePath);
    s.behaviour = behaviour;
    server.on('connection', (sock) => {
      s.sockets.add(sock);
      sock.on('close', () => s.sockets.delete(sock));
    });
    server.on('request', (req, res) => void s.handle(req, res).catch(() => res.destroy()));
    return s;
  }

  get size(): number {
    return 'data' in this.file ? this.file.data.length : this.file.size;
  }

  /** The file's URL on this server. */
  get fileUrl(): string {
    return `${this.url}${this.filePath}`;
  }

  /** New behaviour for the next requests; the counters start again from zero. */
  reconfigure(b: SourceBehaviour): void {
    this.behaviour = b;
    this.totalSent = 0;
    this.dropped = 0;
    this.requests.length = 0;
  }

  setIndex(body: object): void {
    this.index = JSON.stringify(body);
  }

  /** Body bytes sent for the file, all requests. */
  get bytesSent(): number {
    return this.totalSent;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', 'http://x');
    if (this.index !== undefined && u.pathname === this.filePath.replace(/[^/]*$/, '')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(this.index);
      return;
    }
    const record: RangeRecord = { range: req.headers.range, status: 404, bytesSent: 0 };
    this.requests.push(record);
    if (u.pathname !== this.filePath) {
      res.writeHead(404).end('not found\n');
      return;
    }
    const b = this.behaviour;
    const size = this.size;
    const claimed = b.lieTotal ?? size;
    const m = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    let start = 0;
    let end = size;
    if (m && !b.ignoreRange) {
      start = Number(m[1]);
      end = m[2] ? Math.min(size, Number(m[2]) + 1) : size;
      if (start >= size || (b.refuseLaterRanges && start > 0)) {
        record.status = 416;
        res.writeHead(416, { 'Content-Range': `bytes */${claimed}` }).end();
        return;
      }
      record.status = 206;
      res.writeHead(206, {
        'Content-Length': String(end - start),
        'Content-Range': `bytes ${start}-${end - 1}/${claimed}`,
        'Accept-Ranges': 'bytes',
      });
    } else {
      record.status = 200;
      res.writeHead(200, { 'Content-Length': String(b.lieTotal ?? size) });
    }
    const cut = b.drop && end - start > 1 && this.dropped < b.drop.count ? (this.dropped++, b.drop.after) : Infinity;
    const sock = req.socket;
    let bucket = this.buckets.get(sock);
    if (!bucket && b.bytesPerSec) this.buckets.set(sock, (bucket = new TokenBucket(b.bytesPerSec)));
    for await (const chunk of this.read(start, end)) {
      let piece = chunk;
      if (bucket) await bucket.take(piece.length);
      if (res.destroyed) return;
      if (b.stallAfterTotal !== undefined && this.totalSent + piece.length > b.stallAfterTotal) {
        piece = piece.subarray(0, Math.max(0, b.stallAfterTotal - this.totalSent));
        this.send(res, record, piece);
        return; // never ends: the client has to notice
      }
      if (record.bytesSent + piece.length >= cut) {
        this.send(res, record, piece.subarray(0, cut - record.bytesSent));
        await new Promise((r) => setTimeout(r, 20));
        sock.destroy();
        return;
      }
      if (!this.send(res, record, piece)) await drained(res);
    }
    res.end();
  }

  private send(res: http.ServerResponse, record: RangeRecord, piece: Buffer): boolean {
    record.bytesSent += piece.length;
    this.totalSent += piece.length;
    return res.write(piece);
  }

  private async *read(start: number, end: number): AsyncGenerator<Buffer> {
    const c = this.behaviour.corrupt;
    const alter = (chunk: Buffer, at: number): Buffer => {
      if (!c || at + chunk.length <= c.start || at >= c.end) return chunk;
      const copy = Buffer.from(chunk);
      for (let k = Math.max(c.start, at); k < Math.min(c.end, at + chunk.length); k++) copy[k - at]! ^= 0xff;
      return copy;
    };
    const piece = 16 * 1024;
    let at = start;
    if ('data' in this.file) {
      for (; at < end; at += piece) yield alter(this.file.data.subarray(at, Math.min(end, at + piece)), at);
      return;
    }
    for await (const chunk of createReadStream(this.file.path, { start, end: end - 1, highWaterMark: 64 * 1024 })) {
      for (let k = 0; k < (chunk as Buffer).length; k += piece) {
        const sub = (chunk as Buffer).subarray(k, k + piece);
        yield alter(sub, at);
        at += sub.length;
      }
    }
  }
}

function drained(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
