// A local release host for installer tests and benchmarks (127.0.0.1 only): serves a release
// index and files under any path, honours Range (unless told not to), and can misbehave per
// request: cut the connection after N bytes, stall, hold until released, answer an error status,
// serve tampered bytes, or throttle. Every request is recorded (path, Range header, bytes sent).
import { createReadStream } from 'node:fs';
import * as http from 'node:http';
import type * as net from 'node:net';

export interface Fault {
  /** Destroy the connection after this many body bytes. */
  cutAfter?: number;
  /** Send this many body bytes, then nothing; the connection stays open. */
  stallAfter?: number;
  /** Send this many body bytes, then wait for `release()` (or for the client to go away). */
  holdAfter?: number;
  /** Answer with this status instead of the file. */
  status?: number;
  /** Serve these bytes instead of the file (a tampering or stale mirror). */
  body?: Buffer;
  /** Wait this long before answering. */
  delayMs?: number;
}

export interface ServedFile {
  data: Buffer | { path: string; size: number };
  /** Answer Range requests with the whole file (200), as some servers do. */
  ignoreRange?: boolean;
  /** Applied to successive requests for this path: the first request gets faults[0], and so on. */
  faults?: Fault[];
  /** Throttle the body to about this rate. */
  bytesPerSec?: number;
}

export interface RequestRecord {
  path: string;
  query: string;
  range: string | undefined;
  status: number;
  bytesSent: number;
  /** The response body was sent completely. */
  complete: boolean;
}

type Route = { kind: 'index'; body: string; status: number } | ({ kind: 'file' } & ServedFile);

export class DownloadServer {
  readonly requests: RequestRecord[] = [];
  private readonly routes = new Map<string, Route>();
  private readonly faultCursor = new Map<string, number>();
  private readonly sockets = new Set<net.Socket>();
  private readonly held = new Set<() => void>();

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(): Promise<DownloadServer> {
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const port = (server.address() as net.AddressInfo).port;
    const s = new DownloadServer(server, `http://127.0.0.1:${port}`);
    server.on('connection', (sock) => {
      s.sockets.add(sock);
      sock.on('close', () => s.sockets.delete(sock));
    });
    server.on('request', (req, res) => void s.handle(req, res));
    return s;
  }

  /** Serves `body` (an object is JSON-encoded) at `path` for any query, e.g. '/dl/'. */
  setIndex(path: string, body: string | object, status = 200): void {
    this.routes.set(path, { kind: 'index', body: typeof body === 'string' ? body : JSON.stringify(body), status });
  }

  serve(path: string, file: ServedFile): void {
    this.routes.set(path, { kind: 'file', ...file });
    this.faultCursor.set(path, 0);
  }

  /** Lets every held transfer continue. */
  release(): void {
    for (const r of this.held) r();
    this.held.clear();
  }

  /** Requests for `path` that fetch it, without the one-byte probes asking whether ranges are served. */
  downloadsFor(path: string): RequestRecord[] {
    return this.requestsFor(path).filter((r) => r.range !== 'bytes=0-0');
  }

  requestsFor(path: string): RequestRecord[] {
    return this.requests.filter((r) => r.path === path);
  }

  /** Body bytes sent so far for `path` (all requests). */
  bytesSent(path: string): number {
    return this.requestsFor(path).reduce((n, r) => n + r.bytesSent, 0);
  }

  async waitUntil(pred: () => boolean, timeoutMs = 10_000): Promise<void> {
    const t0 = Date.now();
    while (!pred()) {
      if (Date.now() - t0 > timeoutMs) throw new Error('timed out waiting for the download server');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async close(): Promise<void> {
    this.release();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', 'http://x');
    const record: RequestRecord = {
      path: u.pathname,
      query: u.search,
      range: req.headers.range,
      status: 0,
      bytesSent: 0,
      complete: false,
    };
    this.requests.push(record);
    const route = this.routes.get(u.pathname);
    if (!route) return this.finish(res, record, 404, 'not found\n');
    if (route.kind === 'index') return this.finish(res, record, route.status, route.body, 'application/json');

    const cursor = this.faultCursor.get(u.pathname) ?? 0;
    this.faultCursor.set(u.pathname, cursor + 1);
    const fault: Fault = route.faults?.[cursor] ?? {};
    if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault.status) return this.finish(res, record, fault.status, `status ${fault.status}\n`);

    const data = fault.body ?? route.data;
    const size = Buffer.isBuffer(data) ? data.length : data.size;
    let start = 0;
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (m && !route.ignoreRange) {
      start = Number(m[1]);
      if (start >= size) {
        res.writeHead(416, { 'Content-Range': `bytes */${size}` });
        record.status = 416;
        res.end();
        return;
      }
      record.status = 206;
      res.writeHead(206, {
        'Content-Length': String(size - start),
        'Content-Range': `bytes ${start}-${size - 1}/${size}`,
        'Content-Type': 'application/octet-stream',
        'Accept-Ranges': 'bytes',
      });
    } else {
      record.status = 200;
      res.writeHead(200, {
        'Content-Length': String(size),
        'Content-Type': 'application/octet-stream',
        ...(route.ignoreRange ? {} : { 'Accept-Ranges': 'bytes' }),
      });
    }
    const limit = fault.cutAfter ?? fault.stallAfter ?? fault.holdAfter ?? Infinity;
    try {
      for await (const chunk of chunks(data, start, route.bytesPerSec)) {
        if (res.destroyed) return;
        const room = limit - record.bytesSent;
        const piece = chunk.length > room ? chunk.subarray(0, room) : chunk;
        if (piece.length > 0) {
          record.bytesSent += piece.length;
          const flushed = new Promise<void>((resolve) => res.write(piece, () => resolve()));
          if (record.bytesSent >= limit) await flushed;
          else if (res.writableNeedDrain) await drainOrClose(res);
        }
        if (record.bytesSent >= limit) {
          if (fault.cutAfter !== undefined) {
            res.socket?.destroy();
            return;
          }
          if (fault.stallAfter !== undefined) return; // never ends; the client times out
          await new Promise<void>((resolve) => {
            this.held.add(resolve);
            res.once('close', resolve);
          });
          if (res.destroyed) return;
          // Released: send the rest without the fault.
          const rest = Buffer.isBuffer(data) ? data.subarray(start + record.bytesSent) : undefined;
          if (rest) {
            record.bytesSent += rest.length;
            res.write(rest);
          } else {
            for await (const c of chunks(data, start + record.bytesSent, route.bytesPerSec)) {
              record.bytesSent += c.length;
              if (!res.write(c)) await drainOrClose(res);
            }
          }
          break;
        }
      }
      res.end(() => {
        record.complete = true;
      });
    } catch {
      res.destroy();
    }
  }

  private finish(
    res: http.ServerResponse,
    record: RequestRecord,
    status: number,
    body: string,
    type = 'text/plain',
  ): void {
    record.status = status;
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)) });
    res.end(body, () => {
      record.bytesSent = Buffer.byteLength(body);
      record.complete = true;
    });
  }
}

function drainOrClose(res: http.ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

async function* chunks(data: Buffer | { path: string }, start: number, bytesPerSec?: number): AsyncGenerator<Buffer> {
  const piece = bytesPerSec ? Math.max(1024, Math.min(64 * 1024, Math.floor(bytesPerSec / 20))) : 64 * 1024;
  const pace = async (n: number) => {
    if (bytesPerSec) await new Promise((r) => setTimeout(r, (n / bytesPerSec) * 1000));
  };
  if (Buffer.isBuffer(data)) {
    for (let pos = start; pos < data.length; pos += piece) {
      const c = data.subarray(pos, Math.min(data.length, pos + piece));
      await pace(c.length);
      yield c;
    }
    return;
  }
  for await (const c of createReadStream(data.path, { start, highWaterMark: piece }) as AsyncIterable<Buffer>) {
    await pace(c.length);
    yield c;
  }
}
