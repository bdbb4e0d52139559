// Credentials in proxy URLs must never reach output or logs. Each word of the text is read the way
// go reads GOPROXY and HTTP(S)_PROXY: entries split at "," and "|", a missing scheme means https://,
// and the userinfo runs to the LAST "@" of the authority (net/url), so "@" inside a password counts.

/** Words: quotes, backticks, angle brackets and whitespace never occur inside a URL go accepts. */
const WORD = /[^\s"'`<>]+/g;
const SCHEME = /[a-z][a-z0-9+.-]*:\/\//gi;
const HAS_SCHEME = /[a-z][a-z0-9+.-]*:\/\//i;
/** `GOPROXY=`, `HTTPS_PROXY=`, `http.proxy=` and opening brackets before a value. */
const PREFIX = /^(?:[A-Za-z_][A-Za-z0-9_.]*=)?[([{]*/;
/** `host`, `host:port`, `[v6]:port`: where an authority without userinfo ends. */
const HOST_PORT = /^(?:\[[0-9A-Fa-f:.%a-z]*\]|[A-Za-z0-9._~%-]+)(?::\d*)?$/;
/** `mod@v1.2.3`, `mod@latest`: a module query, not `userinfo@host`. */
const MODULE_QUERY = /^(?:v\d+(?:\.\d+){0,2}(?:[-+][0-9A-Za-z.+-]*)?|latest|upgrade|patch|none)(?=$|[^A-Za-z0-9.-])/;

/** Replaces the credentials of every URL inside `text` with `***`. */
export function redact(text: string): string {
  return text.replace(WORD, redactWord);
}

/** Deep copy of a JSON-like value with every string redacted. */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)])) as T;
  return value;
}

function redactWord(word: string): string {
  if (!word.includes('@')) return word;
  return HAS_SCHEME.test(word) ? redactSchemed(word) : redactSchemelessRange(word);
}

/** Every `scheme://authority` in the word; an authority runs past "," while it is no host yet (`u:p,w@h`). */
function redactSchemed(word: string): string {
  let out = '';
  let done = 0;
  SCHEME.lastIndex = 0;
  for (let m = SCHEME.exec(word); m; m = SCHEME.exec(word)) {
    const start = m.index + m[0].length;
    const end = authorityEnd(word, start);
    const at = word.lastIndexOf('@', end - 1);
    out += redactSchemelessRange(word.slice(done, m.index));
    out += word.slice(m.index, start) + (at >= start ? `***${word.slice(at, end)}` : word.slice(start, end));
    done = end;
    SCHEME.lastIndex = end;
  }
  return out + redactSchemelessRange(word.slice(done));
}

function authorityEnd(word: string, start: number): number {
  const stop = /[/?#]/.exec(word.slice(start));
  const limit = stop ? start + stop.index : word.length;
  let end = start;
  for (;;) {
    const sep = /[,|]/.exec(word.slice(end, limit));
    if (!sep) return limit;
    end += sep.index;
    const soFar = word.slice(start, end);
    // A list entry ends at "," or "|" once it names a host; before its "@" they belong to the userinfo.
    if (soFar.includes('@') || HOST_PORT.test(soFar) || !word.slice(end, limit).includes('@')) return end;
    end += 1;
  }
}

function redactSchemelessRange(text: string): string {
  return text
    .split(/([,|])/)
    .map(redactSchemeless)
    .join('');
}

/** A scheme-less entry (`token@proxy:3128`), which go completes with https:// or http://. */
function redactSchemeless(entry: string): string {
  const prefix = PREFIX.exec(entry)![0];
  const value = entry.slice(prefix.length);
  const stop = /[/?#]/.exec(value);
  const authority = stop ? value.slice(0, stop.index) : value;
  const at = authority.lastIndexOf('@');
  if (at <= 0 || MODULE_QUERY.test(authority.slice(at + 1))) return entry;
  return `${prefix}***${value.slice(at)}`;
}
