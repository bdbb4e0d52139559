// One HTTP request through undici with the redirect policy applied at every hop (redirectPolicy.ts)
// and URL credentials handled as the go command does (credentials.ts). Callers read the final URL
// from the answer: that, not the URL they asked for, is where the bytes came from.
import type { Dispatcher } from 'undici';
import { basicAuthorization, checkCredentialsTransport, withoutUserinfo } from './credentials';
import { isRedirect, nextHop } from './redirectPolicy';
import { undici } from './undiciModule';

export interface NetRequestOptions {
  dispatcher?: Dispatcher | undefined;
  signal?: AbortSignal | undefined;
  headers?: Record<string, string>;
  /** Time to the response headers, per hop. */
  headersTimeout: number;
  /** Body idle time: no bytes for this long is a stall. */
  bodyTimeout: number;
}

export interface NetResponse {
  res: Dispatcher.ResponseData;
  /** The URL that answered (after redirects, without credentials). */
  url: URL;
  /** The URLs redirected through, in order, without credentials. */
  redirects: URL[];
}

/**
 * GET `url`, following redirects by the policy; throws RedirectRefusedError for a refused hop and
 * InsecureCredentialsError for credentials in an http:// URL. Basic auth from the URL's userinfo
 * goes to the URL's own origin only: a redirect elsewhere drops it.
 */
export async function netRequest(url: URL | string, o: NetRequestOptions): Promise<NetResponse> {
  const first = new URL(url);
  checkCredentialsTransport(first);
  const authorization = basicAuthorization(first);
  let current = withoutUserinfo(first);
  const visited = [current.href];
  const redirects: URL[] = [];
  for (;;) {
    const headers = { ...o.headers };
    if (authorization && current.origin === first.origin) headers.authorization = authorization;
    const res = await undici().request(current, {
      method: 'GET',
      headers,
      headersTimeout: o.headersTimeout,
      bodyTimeout: o.bodyTimeout,
      ...(o.signal ? { signal: o.signal } : {}),
      ...(o.dispatcher ? { dispatcher: o.dispatcher } : {}),
    });
    const location = res.headers['location'];
    if (!isRedirect(res.statusCode) || typeof location !== 'string') return { res, url: current, redirects };
    await res.body.dump().catch(() => undefined);
    current = nextHop(current, location, visited);
    visited.push(current.href);
    redirects.push(current);
  }
}
