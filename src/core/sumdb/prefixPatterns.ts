// GONOSUMDB / GOPRIVATE / GONOPROXY matching, as golang.org/x/mod/module.MatchPrefixPatterns:
// comma-separated path.Match globs, each matched against the leading path elements of the
// module path (a glob with N slashes is matched against the first N+1 elements).

/** Whether any glob in the comma-separated list matches a prefix of `target`. Bad globs never match. */
export function matchPrefixPatterns(globs: string, target: string): boolean {
  for (let raw of globs.split(',')) {
    raw = raw.replace(/\/$/, '');
    if (raw === '') continue;
    let n = count(raw, '/');
    let prefix = target;
    for (let i = 0; i < target.length; i++) {
      if (target[i] === '/') {
        if (n === 0) {
          prefix = target.slice(0, i);
          break;
        }
        n--;
      }
    }
    if (n > 0) continue;
    if (pathMatch(raw, prefix)) return true;
  }
  return false;
}

function count(s: string, c: string): number {
  let n = 0;
  for (const ch of s) if (ch === c) n++;
  return n;
}

/** Go's path.Match: `*` and `?` never match `/`; `[...]` classes with ranges and `^`; `\` escapes. */
export function pathMatch(pattern: string, name: string): boolean {
  const re = globToRegExp(pattern);
  return re !== undefined && re.test(name);
}

function lit(ch: string): string {
  return `\\u{${ch.codePointAt(0)!.toString(16)}}`;
}

function globToRegExp(pattern: string): RegExp | undefined {
  const chars = Array.from(pattern);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\') {
      if (++i >= chars.length) return undefined;
      out += lit(chars[i]!);
    } else if (c === '[') {
      i++;
      let cls = '';
      if (chars[i] === '^') {
        cls += '^';
        i++;
      }
      let nrange = 0;
      for (;;) {
        if (i >= chars.length) return undefined;
        if (chars[i] === ']' && nrange > 0) break;
        const lo = classChar(chars, i);
        if (!lo) return undefined;
        i = lo.next;
        let item = lit(lo.ch);
        if (chars[i] === '-') {
          const hi = classChar(chars, i + 1);
          if (!hi) return undefined;
          i = hi.next;
          if (hi.ch.codePointAt(0)! < lo.ch.codePointAt(0)!) return undefined;
          item += `-${lit(hi.ch)}`;
        }
        cls += item;
        nrange++;
      }
      out += `[${cls}]`;
    } else out += lit(c);
  }
  return new RegExp(`^${out}$`, 'u');
}

/** One class character (Go's getEsc): `-` and `]` must be escaped, `\` escapes. */
function classChar(chars: string[], i: number): { ch: string; next: number } | undefined {
  let c = chars[i];
  if (c === undefined || c === '-' || c === ']') return undefined;
  if (c === '\\') {
    i++;
    c = chars[i];
    if (c === undefined) return undefined;
  }
  return { ch: c, next: i + 1 };
}
