// The `require` and `replace` directives of a go.mod (single lines and blocks), enough to say
// which module versions a build needs from the module cache. Tolerant: unparsable lines are skipped.

export interface Requirement {
  path: string;
  version: string;
  /** 1-based line in go.mod. */
  line: number;
  indirect: boolean;
}

export interface Replacement {
  path: string;
  /** Only this version is replaced; undefined: every version. */
  version?: string;
  /** A module path and version, or a directory (then `dir` is set and nothing is downloaded). */
  newPath: string;
  newVersion?: string;
  dir: boolean;
}

export interface GoModDeps {
  requires: Requirement[];
  replaces: Replacement[];
}

/** Splits a line into tokens: bare words, "quoted" and `raw` strings; stops at `//`. Returns the comment too. */
function tokenize(line: string): { tokens: string[]; comment: string } {
  const tokens: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '/' && line[i + 1] === '/') return { tokens, comment: line.slice(i + 2).trim() };
    if (c === '"') {
      let j = i + 1;
      let s = '';
      while (j < line.length && line[j] !== '"') {
        if (line[j] === '\\' && j + 1 < line.length) j++;
        s += line[j];
        j++;
      }
      tokens.push(s);
      i = j + 1;
      continue;
    }
    if (c === '`') {
      const end = line.indexOf('`', i + 1);
      tokens.push(line.slice(i + 1, end === -1 ? undefined : end));
      i = end === -1 ? line.length : end + 1;
      continue;
    }
    if (c === '(' || c === ')') {
      tokens.push(c);
      i++;
      continue;
    }
    let j = i;
    while (j < line.length && !/[\s()]/.test(line[j]!) && !(line[j] === '/' && line[j + 1] === '/')) j++;
    tokens.push(line.slice(i, j));
    i = j;
  }
  return { tokens, comment: '' };
}

function isLocalPath(p: string): boolean {
  return (
    p.startsWith('./') ||
    p.startsWith('../') ||
    p.startsWith('/') ||
    p === '.' ||
    p === '..' ||
    /^[a-zA-Z]:[\\/]/.test(p) ||
    p.startsWith('.\\') ||
    p.startsWith('..\\')
  );
}

export function parseGoModDeps(text: string): GoModDeps {
  const out: GoModDeps = { requires: [], replaces: [] };
  let block: string | undefined;
  text.split('\n').forEach((raw, idx) => {
    const { tokens, comment } = tokenize(raw);
    if (tokens.length === 0) return;
    let verb: string;
    let args: string[];
    if (block !== undefined) {
      if (tokens[0] === ')') {
        block = undefined;
        return;
      }
      verb = block;
      args = tokens;
    } else {
      verb = tokens[0]!;
      args = tokens.slice(1);
      if (args.length === 1 && args[0] === '(') {
        block = verb;
        return;
      }
    }
    if (verb === 'require' && args.length === 2) {
      out.requires.push({
        path: args[0]!,
        version: args[1]!,
        line: idx + 1,
        indirect: /^indirect\b/.test(comment) || /;\s*indirect\b/.test(comment),
      });
    } else if (verb === 'replace') {
      const arrow = args.indexOf('=>');
      if (arrow !== 1 && arrow !== 2) return;
      const left = args.slice(0, arrow);
      const right = args.slice(arrow + 1);
      if (right.length < 1 || right.length > 2) return;
      const dir = right.length === 1 && isLocalPath(right[0]!);
      if (right.length === 1 && !dir) return; // a module replacement needs a version
      out.replaces.push({
        path: left[0]!,
        ...(left[1] !== undefined ? { version: left[1] } : {}),
        newPath: right[0]!,
        ...(right[1] !== undefined ? { newVersion: right[1] } : {}),
        dir,
      });
    }
  });
  return out;
}

/** What go downloads for a requirement once replacements apply: a module version, or nothing (a directory). */
export function resolveReplacement(
  req: Requirement,
  replaces: readonly Replacement[],
): { path: string; version: string } | { dir: string } {
  // A version-specific replacement beats a general one, as in cmd/go.
  const r =
    replaces.find((x) => x.path === req.path && x.version === req.version) ??
    replaces.find((x) => x.path === req.path && x.version === undefined);
  if (!r) return { path: req.path, version: req.version };
  if (r.dir) return { dir: r.newPath };
  return { path: r.newPath, version: r.newVersion! };
}
