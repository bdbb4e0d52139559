// How many terminal columns a text takes: East Asian Wide and Fullwidth characters take two,
// combining marks and zero-width characters none, colour escapes none, everything else one.

/** Wide (W) and Fullwidth (F) ranges of Unicode's East Asian Width property that text here meets. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2e80, 0x303e], // CJK radicals, Kangxi, CJK symbols and punctuation (。、「」)
  [0x3041, 0x33ff], // Kana, Bopomofo, Hangul compatibility, CJK compatibility
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth forms (，：；！？（）)
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f], // emoji pictographs and emoticons
  [0x1f680, 0x1f6ff],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd], // CJK Extensions B and beyond
];

const MARK = /^[\p{Mn}\p{Me}]$/u;
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

export function isWide(codePoint: number): boolean {
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = WIDE[mid]!;
    if (codePoint < from) hi = mid - 1;
    else if (codePoint > to) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The columns one character (a code point) takes. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  // Combining marks, zero-width spaces and joiners, variation selectors.
  if (MARK.test(ch) || (cp >= 0x200b && cp <= 0x200f) || cp === 0x2060 || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  return isWide(cp) ? 2 : 1;
}

/** The columns `text` takes on a terminal (one line; colour escapes count nothing). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(ANSI, '')) width += charWidth(ch);
  return width;
}
