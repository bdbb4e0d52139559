// GOPROXY list syntax, as cmd/go reads it: entries separated by `,` (fall through only on
// 404/410) or `|` (fall through on any error); `direct` and `off` are keywords; a scheme-less
// entry means https://; `file://` serves a module cache download directory.
import { verbatim } from '../i18n/findingText';
import { joined } from '../i18n/join';
import { msg, type Message, type Param } from '../i18n/message';
import { render } from '../i18n/render';

export type Fallthrough = 'notFound' | 'anyError';

export type ProxyEntry =
  | { kind: 'url'; text: string; url: URL; /** how to reach the next entry when this one fails */ next?: Fallthrough }
  | { kind: 'direct'; text: string; next?: Fallthrough }
  | { kind: 'off'; text: string; next?: Fallthrough }
  | { kind: 'invalid'; text: string; reason: string; reasonText: Message; next?: Fallthrough };

export const DEFAULT_GOPROXY = 'https://proxy.golang.org,direct';

/** Parses a GOPROXY value; never throws. An empty value means the default. */
export function parseGoproxy(value: string): ProxyEntry[] {
  const entries: ProxyEntry[] = [];
  const raw = value.trim() === '' ? DEFAULT_GOPROXY : value;
  const re = /([^,|]*)([,|]?)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw)) !== null && m[0] !== '') {
    const text = m[1]!.trim();
    const sep = m[2];
    const next: Fallthrough | undefined = sep === ',' ? 'notFound' : sep === '|' ? 'anyError' : undefined;
    if (text === '') continue; // cmd/go skips empty elements
    entries.push(withNext(parseEntry(text), next));
  }
  return entries;
}

function withNext(e: ProxyEntry, next: Fallthrough | undefined): ProxyEntry {
  return next ? { ...e, next } : e;
}

function parseEntry(text: string): ProxyEntry {
  if (text === 'direct') return { kind: 'direct', text };
  if (text === 'off') return { kind: 'off', text };
  if (text === 'noproxy') return { kind: 'direct', text }; // old spelling cmd/go still accepts
  // cmd/go adds https:// to anything that looks like a host ("goproxy.cn", "host:8080") but is
  // neither a full URL nor an absolute path.
  const looksLikeHost =
    /[.:/]/.test(text) && !text.includes(':/') && !text.startsWith('/') && !/^[a-zA-Z]:\\/.test(text);
  if (!looksLikeHost && !text.includes(':/')) {
    return invalidEntry(text, msg('go.goproxy.notKeywordOrUrl'));
  }
  let url: URL;
  try {
    url = new URL(looksLikeHost ? `https://${text}` : text);
  } catch {
    return invalidEntry(text, msg('go.goproxy.badUrl'));
  }
  if (!['https:', 'http:', 'file:'].includes(url.protocol)) {
    return invalidEntry(text, msg('go.goproxy.scheme', { scheme: url.protocol.slice(0, -1) }));
  }
  if (url.protocol !== 'file:' && url.hostname === '') return invalidEntry(text, msg('go.goproxy.noHost'));
  return { kind: 'url', text, url };
}

function invalidEntry(text: string, reasonText: Message): ProxyEntry {
  return { kind: 'invalid', text, reason: render(reasonText, 'en'), reasonText };
}

/** `https://goproxy.cn,direct` in words, for reports: what the go command will do in order. */
export function describeGoproxy(entries: readonly ProxyEntry[]): string {
  return render(describeGoproxyText(entries), 'en');
}

/** describeGoproxy as a catalog Message. */
export function describeGoproxyText(entries: readonly ProxyEntry[]): Message {
  if (entries.length === 0) return msg('setting.goproxy.none');
  const steps = entries.map((e, i): Param => {
    const what: Param =
      e.kind === 'direct' ? msg('setting.goproxy.direct') : e.kind === 'off' ? msg('setting.goproxy.off') : e.text;
    if (i === 0) return msg('setting.goproxy.first', { what });
    return msg(entries[i - 1]?.next === 'anyError' ? 'setting.goproxy.anyError' : 'setting.goproxy.notFound', { what });
  });
  return verbatim(joined(steps, msg('common.list.clauses')));
}

/** The URL of a module path's proxy resource, escaping capitals as the protocol requires (`!a`). */
export function escapeModulePath(path: string): string {
  return path.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}

export function proxyResource(base: URL, resource: string): URL {
  const b = base.href.endsWith('/') ? base.href : `${base.href}/`;
  return new URL(resource.replace(/^\//, ''), b);
}
