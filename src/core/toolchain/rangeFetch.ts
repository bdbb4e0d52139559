// One request for bytes [start, end) of a file of `size` bytes. Only a 206 whose Content-Range is
// exactly that range is accepted; anything else (a 200 for the whole file, another range or total,
// 416, an error status) is a RangeRefused with the reason, the body drained.
import type { Dispatcher } from 'undici';
import { netRequest } from '../net/request';
import type { ByteRange } from './byteRanges';
import { parseContentRange } from './rangedGet';
import type { InstallTimeouts } from './timeouts';

export class RangeRefused extends Error {
  constructor(
    reason: string,
    /** Worth asking the same source again later (a 5xx, 429, 408). */
    readonly retryable: boolean,
    /** The source does not serve ranges of this file (ignores Range, another length, 416). */
    readonly noRanges = false,
  ) {
    super(reason);
    this.name = 'RangeRefused';
  }
}

export interface RangeRequestOptions {
  dispatcher: Dispatcher;
  signal?: AbortSignal | undefined;
  timeouts: Pick<InstallTimeouts, 'headersMs' | 'stallMs'>;
}

/** Resolves to the body of exactly `range`; the caller reads (or destroys) it. */
export async function fetchRange(
  url: string,
  range: ByteRange,
  size: number,
  o: RangeRequestOptions,
): Promise<Dispatcher.ResponseData['body']> {
  const { res } = await netRequest(url, {
    dispatcher: o.dispatcher,
    headers: { 'accept-encoding': 'identity', range: `bytes=${range.start}-${range.end - 1}` },
    signal: o.signal,
    headersTimeout: o.timeouts.headersMs,
    bodyTimeout: o.timeouts.stallMs,
  });
  const status = res.statusCode;
  if (status === 206) {
    const v = res.headers['content-range'];
    const text = Array.isArray(v) ? v[0] : v;
    const cr = parseContentRange(text);
    if (cr && cr.start === range.start && cr.end === range.end - 1 && cr.total === size) return res.body;
    await res.body.dump().catch(() => undefined);
    throw new RangeRefused(
      `answered "Range: bytes=${range.start}-${range.end - 1}" with Content-Range "${text ?? ''}"`,
      false,
      true,
    );
  }
  await res.body.dump().catch(() => undefined);
  if (status === 200) throw new RangeRefused('ignores Range requests (answered 200 with the whole file)', false, true);
  if (status === 416) throw new RangeRefused('refused the range request (HTTP 416)', false, true);
  const retryable = status === 408 || status === 429 || status >= 500;
  throw new RangeRefused(`HTTP ${status}${status === 404 ? ' (file not found)' : ''}`, retryable);
}
