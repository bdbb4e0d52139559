// Reads the directives of go.mod that decide which Go it needs (`go`, `toolchain`), with their
// 1-based lines. Tolerant: problems are returned as values, never thrown.
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';

export interface Directive {
  value: string;
  line: number;
}

export interface GoModInfo {
  module?: Directive;
  go?: Directive;
  toolchain?: Directive;
  /** `message` is the English of `text`. */
  problems: GoModProblem[];
}

export interface GoModProblem {
  line: number;
  message: string;
  text: Message;
}

function problem(line: number, text: Message): GoModProblem {
  return { line, message: render(text, 'en'), text };
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
        info.problems.push(problem(lineNo, msg('gomod.parse.block', { verb })));
      blockStart = lineNo;
      return;
    }
    const args = words.slice(1);
    if (verb === 'module' || verb === 'go' || verb === 'toolchain') {
      if (args.length !== 1) {
        const example = verb === 'module' ? 'path' : verb === 'go' ? '1.23.0' : 'go1.23.0';
        info.problems.push(problem(lineNo, msg('gomod.parse.usage', { verb, example })));
        return;
      }
      if (info[verb]) {
        info.problems.push(problem(lineNo, msg('gomod.parse.repeated', { verb, line: info[verb]!.line })));
        return;
      }
      info[verb] = { value: args[0]!.replace(/^"(.*)"$/, '$1'), line: lineNo };
    }
  });
  if (blockStart !== undefined) info.problems.push(problem(blockStart, msg('gomod.parse.unclosed')));
  return info;
}
