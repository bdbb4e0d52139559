// Small bounded GETs (checksum-database lookups, tiles, /supported probes, mirror resources):
// every request has a deadline and an AbortSignal, bodies are capped, redirects follow the policy
// of redirectPolicy.ts, and `file://` URLs are read from disk (GOPROXY=file:// mirrors).
import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Dispatcher } from 'undici';
import { netRequest } from './request';

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

/** An HttpGet over `dispatcher` (undici's global one when absent), redirects by the policy. */
export function undiciGet(dispatcher?: Dispatcher): HttpGet {
  return async (url, opts) => {
    if (url.protocol === 'file:') return readFileUrl(url, opts.maxBytes);
    const signal = opts.signal
      ? AbortSignal.any([opts.signal, AbortSignal.timeout(opts.timeoutMs)])
      : AbortSignal.timeout(opts.timeoutMs);
    const { res, url: answered } = await netRequest(url, {
      dispatcher,
      signal,
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > opts.maxBytes) {
        res.body.destroy();
        throw new BodyTooLargeError(answered, opts.maxBytes);
      }
      chunks.push(chunk);
    }
    return { status: res.statusCode, body: Buffer.concat(chunks), url: answered };
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
