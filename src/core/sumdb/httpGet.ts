// Small bounded GETs for checksum-database traffic (lookups, tiles, /supported probes): every
// request has a deadline and an AbortSignal, bodies are capped, redirects followed like Go's
// http.Client (at most 10), and `file://` URLs are read from disk (GOPROXY=file:// mirrors).
import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { request, type Dispatcher } from 'undici';

export interface HttpResult {
  status: number;
  body: Buffer;
  /** The URL that answered, after redirects. */
  url: URL;
}

export interface HttpGetOptions {
  signal?: AbortSignal | undefined;
  /** Deadline for the whole request, body included. */
  timeoutMs: number;
  /** Larger bodies are an error (a database never sends megabytes for a lookup or a tile). */
  maxBytes: number;
}

/** Resolves with any HTTP status; rejects only when no response arrived (network, timeout, abort). */
export type HttpGet = (url: URL, opts: HttpGetOptions) => Promise<HttpResult>;

export class BodyTooLargeError extends Error {
  constructor(url: URL, max: number) {
    super(`the response from ${url.origin} is larger than ${max} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

const MAX_REDIRECTS = 10;

/** An HttpGet using undici; pass a dispatcher to go through a proxy or trust extra CAs. */
export function undiciGet(dispatcher?: Dispatcher): HttpGet {
  return async (url, opts) => {
    const signal = opts.signal
      ? AbortSignal.any([opts.signal, AbortSignal.timeout(opts.timeoutMs)])
      : AbortSignal.timeout(opts.timeoutMs);
    let current = url;
    for (let hop = 0; ; hop++) {
      if (current.protocol === 'file:') return readFileUrl(current, opts.maxBytes);
      const res = await request(current, {
        method: 'GET',
        signal,
        headersTimeout: opts.timeoutMs,
        bodyTimeout: opts.timeoutMs,
        ...(dispatcher ? { dispatcher } : {}),
      });
      const location = res.headers['location'];
      if ([301, 302, 303, 307, 308].includes(res.statusCode) && typeof location === 'string' && hop < MAX_REDIRECTS) {
        await res.body.dump();
        const next = new URL(location, current);
        // Never follow a redirect from https down to plain http.
        if (current.protocol === 'https:' && next.protocol !== 'https:')
          return { status: res.statusCode, body: Buffer.alloc(0), url: current };
        current = next;
        continue;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > opts.maxBytes) {
          res.body.destroy();
          throw new BodyTooLargeError(current, opts.maxBytes);
        }
        chunks.push(chunk as Buffer);
      }
      return { status: res.statusCode, body: Buffer.concat(chunks), url: current };
    }
  };
}

async function readFileUrl(url: URL, maxBytes: number): Promise<HttpResult> {
  try {
    const file = fileURLToPath(url);
    const st = await fs.stat(file);
    if (st.size > maxBytes) throw new BodyTooLargeError(url, maxBytes);
    if (!st.isFile()) return { status: 404, body: Buffer.alloc(0), url };
    return { status: 200, body: await fs.readFile(file), url };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 404, body: Buffer.alloc(0), url };
    throw err;
  }
}
