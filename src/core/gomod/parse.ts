// Reads the directives of go.mod that decide which Go it needs (`go`, `toolchain`), with their
// 1-based lines. Tolerant: problems are returned as values, never thrown.

export interface Directive {
  value: string;
  line: number;
}

export interface GoModInfo {
  module?: Directive;
  go?: Directive;
  toolchain?: Directive;
  problems: { line: number; message: string }[];
}

function stripComment(line: string): string {
  // `//` starts a comment outside a quoted string (module paths may be quoted).
  let inQuote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (inQuote) {
      if (c === '\\' && inQuote === '"') i++;
      else if (c === inQuote) inQuote = undefined;
    } else if (c === '"' || c === '`') inQuote = c;
    else if (c === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
}

export function parseGoMod(text: string): GoModInfo {
  const info: GoModInfo = { problems: [] };
  const lines = text.split('\n');
  let blockStart: number | undefined;
  lines.forEach((raw, idx) => {
    const lineNo = idx + 1;
    const line = stripComment(raw.replace(/\r$/, '')).trim();
    if (line === '') return;
    if (blockStart !== undefined) {
      if (line === ')') blockStart = undefined;
      return;
    }
    const words = line.split(/\s+/);
    const verb = words[0]!;
    if (words[words.length - 1] === '(') {
      if (['go', 'toolchain', 'module'].includes(verb))
        info.problems.push({ line: lineNo, message: `"${verb}" cannot be a block` });
      blockStart = lineNo;
      return;
    }
    const args = words.slice(1);
    if (verb === 'module' || verb === 'go' || verb === 'toolchain') {
      if (args.length !== 1) {
        info.problems.push({
          line: lineNo,
          message: `usage: ${verb} ${verb === 'module' ? 'path' : verb === 'go' ? '1.23.0' : 'go1.23.0'}`,
        });
        return;
      }
      if (info[verb]) {
        info.problems.push({ line: lineNo, message: `repeated ${verb} statement (first on line ${info[verb]!.line})` });
        return;
      }
      info[verb] = { value: args[0]!.replace(/^"(.*)"$/, '$1'), line: lineNo };
    }
  });
  if (blockStart !== undefined)
    info.problems.push({ line: blockStart, message: 'block opened here is never closed with ")"' });
  return info;
}
