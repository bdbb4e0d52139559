// Word wrapping by display width. English breaks at spaces; Chinese may break between any two
// characters, except that closing punctuation never starts a line and opening punctuation never
// ends one. A `command` in backticks and any run without spaces (a URL, a path, a flag) is never
// split: when it does not fit, it starts a line of its own, and may overflow it.
import { displayWidth, isWide } from './displayWidth';

const CLOSING = new Set([...'，。、：；！？）」』】〉》”’…％']);
const OPENING = new Set([...'（「『【〈《“‘']);

interface Token {
  text: string;
  /** Whitespace stood before it in the source (a break there drops the space). */
  space: boolean;
}

const wide = (ch: string): boolean => isWide(ch.codePointAt(0) ?? 0);

/** The units a line may break between, with their spacing. */
function tokens(line: string): Token[] {
  const chars = [...line];
  const out: Token[] = [];
  let space = false;
  let glueNext = false;
  for (let i = 0; i < chars.length;) {
    const ch = chars[i]!;
    if (/\s/.test(ch)) {
      space = true;
      i++;
      continue;
    }
    let j = i + 1;
    if (ch === '`') {
      const close = chars.indexOf('`', i + 1);
      if (close !== -1) j = close + 1;
    }
    if (!wide(ch)) while (j < chars.length && !/\s/.test(chars[j]!) && !wide(chars[j]!) && chars[j] !== '`') j++;
    const text = chars.slice(i, j).join('');
    const prev = out[out.length - 1];
    // Two narrow runs with no space between them (`(` and `` `go` ``) are one word.
    const glued = !space && prev && (glueNext || CLOSING.has(ch) || (!wide(ch) && !wide([...prev.text].pop()!)));
    if (glued) prev.text += text;
    else out.push({ text, space });
    glueNext = OPENING.has(chars[j - 1]!);
    space = false;
    i = j;
  }
  return out;
}

/**
 * `text` in lines of at most `width` columns, each starting with `indent` (`firstIndent` for the
 * first). Line breaks in `text` are kept.
 */
export function wrapText(text: string, width: number, indent = '', firstIndent = indent): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let cur = lines.length === 0 ? firstIndent : indent;
    let start = cur;
    let used = displayWidth(cur);
    for (const t of tokens(para)) {
      const w = displayWidth(t.text);
      const gap = cur !== start && t.space ? 1 : 0;
      if (cur !== start && used + gap + w > width) {
        lines.push(cur);
        cur = start = indent;
        used = displayWidth(indent);
      } else if (gap) {
        cur += ' ';
        used += 1;
      }
      cur += t.text;
      used += w;
    }
    lines.push(cur);
  }
  return lines;
}
