// Credentials written in a URL (GOPROXY=https://user:password@host/): sent as HTTP basic auth over
// https only. The go command refuses to send them over plain http ("refusing to pass credentials to
// insecure URL", cmd/go/internal/web), loopback included, and so do we.
import { redact } from '../redact';

export function hasUserinfo(url: URL): boolean {
  return url.username !== '' || url.password !== '';
}

/** The URL without user and password (what goes on the wire). */
export function withoutUserinfo(url: URL): URL {
  const c = new URL(url.href);
  c.username = '';
  c.password = '';
  return c;
}

/** `Basic …` for the URL's userinfo, or undefined when it has none. */
export function basicAuthorization(url: URL): string | undefined {
  if (!hasUserinfo(url)) return undefined;
  const pair = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return `Basic ${Buffer.from(pair).toString('base64')}`;
}

/** Credentials in a plain-http URL: the request is not made, as the go command does not make it. */
export class InsecureCredentialsError extends Error {
  constructor(readonly url: URL) {
    super(`refusing to pass credentials to insecure URL ${redact(url.href)}`);
    this.name = 'InsecureCredentialsError';
  }
}

/** Throws InsecureCredentialsError for an http:// URL with userinfo. */
export function checkCredentialsTransport(url: URL): void {
  if (url.protocol === 'http:' && hasUserinfo(url)) throw new InsecureCredentialsError(url);
}
