// Where the go command fetches one module version from, following GOPROXY as cmd/go does:
// GONOPROXY (else GOPRIVATE) sends it to its origin; otherwise each entry is asked in turn, `,`
// moving on only after 404/410 and `|` after any error, and `direct` means the origin.
import { errorMessage } from '../errors';
import { escapeModulePath, proxyResource, type ProxyEntry } from '../go/goproxy';
import type { HttpGet } from '../net/httpGet';
import { redact } from '../redact';
import { matchPrefixPatterns } from '../sumdb/prefixPatterns';

export type ProxyAnswer = { url: string; status: number } | { url: string; failure: string };

export interface ModuleRoute {
  /** go fetches the module from its origin: GOPROXY says direct first, a private pattern, or the `,direct` fallback. */
  direct?: 'goproxy' | 'private' | 'fallback';
  /** What the first GOPROXY entry answered for the version's .info; undefined when it was not asked. */
  first?: ProxyAnswer;
}

const MAX_INFO_BYTES = 64 << 10;

export interface RouteOptions {
  entries: readonly ProxyEntry[];
  /** GONOPROXY, else GOPRIVATE. */
  noProxy: string;
  get: HttpGet;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

export async function moduleRoute(module: string, version: string, o: RouteOptions): Promise<ModuleRoute> {
  if (matchPrefixPatterns(o.noProxy, module)) return { direct: 'private' };
  const resource = `${escapeModulePath(module)}/@v/${escapeModulePath(version)}.info`;
  let first: ProxyAnswer | undefined;
  for (const [i, entry] of o.entries.entries()) {
    if (entry.kind === 'direct') return { direct: i === 0 ? 'goproxy' : 'fallback', ...(first ? { first } : {}) };
    if (entry.kind !== 'url') break;
    const answer = await ask(proxyResource(entry.url, resource), o);
    first ??= answer;
    const notFound = 'status' in answer && (answer.status === 404 || answer.status === 410);
    if ('status' in answer && answer.status === 200) break;
    if (!(notFound ? entry.next : entry.next === 'anyError')) break;
  }
  return first ? { first } : {};
}

async function ask(url: URL, o: RouteOptions): Promise<ProxyAnswer> {
  const shown = redact(url.href);
  try {
    const res = await o.get(url, { signal: o.signal, timeoutMs: o.timeoutMs, maxBytes: MAX_INFO_BYTES });
    return { url: shown, status: res.status };
  } catch (err) {
    if (o.signal?.aborted) throw err;
    return { url: shown, failure: errorMessage(err) };
  }
}
