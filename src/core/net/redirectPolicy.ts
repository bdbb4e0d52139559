// The redirect rules every HTTP request of the doctor follows, the go command's own: at most 10
// hops, never from https down to plain http (cmd/go's securityPreservingHTTPClient), no loops,
// and credentials only ever go to the origin they were written for.
import { redact } from '../redact';

export const MAX_REDIRECTS = 10;
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export type RedirectRefusal = 'insecure' | 'scheme' | 'loop' | 'tooMany';

/** A redirect the policy does not follow; the request fails with it rather than use the answer. */
export class RedirectRefusedError extends Error {
  constructor(
    readonly refusal: RedirectRefusal,
    readonly from: URL,
    readonly to: string,
  ) {
    super(refusalText(refusal, from, to));
    this.name = 'RedirectRefusedError';
  }
}

function refusalText(refusal: RedirectRefusal, from: URL, to: string): string {
  const a = redact(from.href);
  const b = redact(to);
  switch (refusal) {
    case 'insecure':
      return `${a} redirected to ${b}, which is not https: refused, as the go command does`;
    case 'scheme':
      return `${a} redirected to ${b}, which is not an http(s) URL`;
    case 'loop':
      return `${a} redirected back to ${b}: a redirect loop`;
    case 'tooMany':
      return `${a} redirected more than ${MAX_REDIRECTS} times`;
  }
}

export function isRedirect(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

/** Where a redirect leads, or RedirectRefusedError. `visited` holds every URL requested so far. */
export function nextHop(current: URL, location: string, visited: readonly string[]): URL {
  let next: URL;
  try {
    next = new URL(location, current);
  } catch {
    throw new RedirectRefusedError('scheme', current, location);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:')
    throw new RedirectRefusedError('scheme', current, next.href);
  if (current.protocol === 'https:' && next.protocol !== 'https:')
    throw new RedirectRefusedError('insecure', current, next.href);
  next.hash = '';
  // Userinfo in a Location header is never used: credentials go only where the user wrote them.
  next.username = '';
  next.password = '';
  if (visited.includes(next.href)) throw new RedirectRefusedError('loop', current, next.href);
  if (visited.length > MAX_REDIRECTS) throw new RedirectRefusedError('tooMany', current, next.href);
  return next;
}
