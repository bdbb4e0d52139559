// One resumable GET for both install routes (the release archive and the toolchain module zip):
// ask for the bytes from `from` on and classify the answer the same way, so the resume rules of
// the two routes cannot drift apart.
import type { Dispatcher } from 'undici';
import { netRequest, type NetResponse } from '../net/request';
import type { InstallTimeouts } from './timeouts';

export type RangedAnswer =
  /** 206 continuing at `from` to the end of a file of `total` bytes. */
  | { kind: 'resumed'; res: Dispatcher.ResponseData; total: number; contentRange: string }
  /** 200: the whole file; `length` when declared. A Range it ignored means starting over. */
  | { kind: 'whole'; res: Dispatcher.ResponseData; length: number | undefined }
  /** 206 whose Content-Range does not continue where the partial file ends (body drained). */
  | { kind: 'badRange'; contentRange: string }
  /** Any other status (body drained); 416 refuses the range itself. */
  | { kind: 'status'; status: number };

export interface RangedGetResult extends Omit<NetResponse, 'res'> {
  answer: RangedAnswer;
}

export async function rangedGet(
  url: URL | string,
  from: number,
  o: {
    dispatcher: Dispatcher;
    signal?: AbortSignal | undefined;
    timeouts: Pick<InstallTimeouts, 'headersMs' | 'stallMs'>;
  },
): Promise<RangedGetResult> {
  const headers: Record<string, string> = { 'accept-encoding': 'identity' };
  if (from > 0) headers['range'] = `bytes=${from}-`;
  const {
    res,
    url: answeredBy,
    redirects,
  } = await netRequest(url, {
    dispatcher: o.dispatcher,
    headers,
    signal: o.signal,
    headersTimeout: o.timeouts.headersMs,
    bodyTimeout: o.timeouts.stallMs,
  });
  return { url: answeredBy, redirects, answer: await classify(res, from) };
}

async function classify(res: Dispatcher.ResponseData, from: number): Promise<RangedAnswer> {
  const status = res.statusCode;
  if (status === 200) {
    const len = header(res.headers, 'content-length');
    return { kind: 'whole', res, length: len === undefined ? undefined : Number(len) };
  }
  if (status === 206) {
    const contentRange = header(res.headers, 'content-range') ?? '';
    const cr = parseContentRange(contentRange);
    if (cr && cr.start === from && cr.end === cr.total - 1)
      return { kind: 'resumed', res, total: cr.total, contentRange };
    await res.body.dump().catch(() => undefined);
    return { kind: 'badRange', contentRange };
  }
  await res.body.dump().catch(() => undefined);
  return { kind: 'status', status };
}

function header(h: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

export function parseContentRange(v: string | undefined): { start: number; end: number; total: number } | undefined {
  const m = v && /^bytes (\d+)-(\d+)\/(\d+)$/.exec(v.trim());
  if (!m) return undefined;
  return { start: Number(m[1]), end: Number(m[2]), total: Number(m[3]) };
}
