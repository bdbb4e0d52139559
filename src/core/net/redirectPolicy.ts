// The redirect rules every HTTP request of the doctor follows, the go command's own: at most 10
// hops, never from https down to plain http (cmd/go's securityPreservingHTTPClient), no loops,
// and credentials only ever go to the origin they were written for.
import { redact } from '../redact';
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';

export const MAX_REDIRECTS = 10;
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export type RedirectRefusal = 'insecure' | 'scheme' | 'loop' | 'tooMany';

/** A redirect the policy does not follow; the request fails with it rather than use the answer. */
export class RedirectRefusedError extends Error {
  /** The message as a catalog Message. */
  readonly text: Message;

  constructor(
    readonly refusal: RedirectRefusal,
    readonly from: URL,
    readonly to: string,
  ) {
    const text = refusalText(refusal, from, to);
    super(render(text, 'en'));
    this.text = text;
    this.name = 'RedirectRefusedError';
  }
}

function refusalText(refusal: RedirectRefusal, from: URL, to: string): Message {
  const params = { from: redact(from.href), to: redact(to) };
  switch (refusal) {
    case 'insecure':
      return msg('net.redirect.insecure', params);
    case 'scheme':
      return msg('net.redirect.scheme', params);
    case 'loop':
      return msg('net.redirect.loop', params);
    case 'tooMany':
      return msg('net.redirect.tooMany', { from: params.from, max: MAX_REDIRECTS });
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
