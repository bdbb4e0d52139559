// JSON.parse with line numbers: the line of every value, by its path (`goproxy.include.0`), so a
// policy error can point at the line that breaks it. A small scanner over the same text that
// JSON.parse accepted, so it only has to track positions, not validate.

export type LineMap = Map<string, number>;

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** Parses `text`; a syntax error carries the line it is on. */
export function parseJsonWithLines(text: string): { value: unknown; lines: LineMap } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(message);
    const line = pos ? lineAt(text, Number(pos[1])) : 1;
    throw new JsonSyntaxError(message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, ''), line);
  }
  return { value, lines: scanLines(text) };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function scanLines(text: string): LineMap {
  const lines: LineMap = new Map();
  let i = 0;
  let line = 1;
  const skipSpace = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) {
      if (text[i] === '\n') line++;
      i++;
    }
  };
  const readString = (): string => {
    const start = i;
    i++; // opening quote
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    skipSpace();
    lines.set(path, line);
    const c = text[i];
    if (c === '{') {
      i++;
      skipSpace();
      while (text[i] !== '}') {
        skipSpace();
        const key = readString();
        skipSpace();
        i++; // colon
        value(path ? `${path}.${key}` : key);
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else if (c === '[') {
      i++;
      skipSpace();
      for (let n = 0; text[i] !== ']'; n++) {
        value(path ? `${path}.${n}` : String(n));
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else if (c === '"') readString();
    else while (i < text.length && /[^\s,\]}]/.test(text[i]!)) i++;
  };
  value('');
  return lines;
}
