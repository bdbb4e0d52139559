// Text this tool does not control (a server's certificate names, a mirror's error page, a child
// process's stderr) ends up in finding titles and details. Control characters could rewrite a
// terminal line, bidi overrides could make the text read differently from what it is, and an
// unbounded line could bury everything else; so each is removed or bounded before it is shown.

/** C0 and C1 controls except tab and newline. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Bidi embeddings, overrides, isolates and marks; zero-width and line/paragraph separators. */
const INVISIBLE = /[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** Controls and invisible characters removed; line breaks normalised to "\n". */
export function inert(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(INVISIBLE, '');
}

/** `inert` on one line: for titles and for names quoted inside a sentence. */
export function flat(text: string): string {
  return inert(text)
    .replace(/[\n\t]+/g, ' ')
    .trim();
}

/** At most `max` characters, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The start of a program's output for a finding: at most `maxLines` lines and `maxBytes` UTF-8
 * bytes, made inert, saying how much was left out. Redact before: a cut can split a credential.
 */
export function outputExcerpt(text: string, maxLines = 6, maxBytes = 1024): string {
  const lines = inert(text).replace(/\n+$/, '').split('\n');
  let kept = lines.slice(0, maxLines).join('\n');
  let cut = lines.length > maxLines;
  if (Buffer.byteLength(kept, 'utf8') > maxBytes) {
    kept = Buffer.from(kept, 'utf8')
      .subarray(0, maxBytes)
      .toString('utf8')
      .replace(/\uFFFD+$/, '');
    cut = true;
  }
  if (!cut) return kept;
  const n = lines.length;
  return `${kept} [output cut: ${n} line${n === 1 ? '' : 's'}, ${Buffer.byteLength(text, 'utf8')} bytes in all]`;
}
