// go.work: its `go` and `toolchain` lines (which replace go.mod's for toolchain selection) and the
// modules it `use`s, and how cmd/go finds it (GOWORK, `off`, else the nearest go.work above cwd).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseGoMod, type Directive, type GoModInfo } from './parse';

export interface GoWorkInfo extends GoModInfo {
  /** `use` directories as written, with their lines. */
  use: Directive[];
}

export function parseGoWork(text: string): GoWorkInfo {
  const base = parseGoMod(text);
  const use: Directive[] = [];
  let inUse = false;
  text.split('\n').forEach((raw, idx) => {
    const line = raw
      .replace(/\r$/, '')
      .replace(/\/\/.*$/, '')
      .trim();
    if (line === '') return;
    if (inUse) {
      if (line === ')') inUse = false;
      else use.push({ value: unquote(line), line: idx + 1 });
      return;
    }
    const m = /^use\s+(.+)$/.exec(line);
    if (!m) return;
    if (m[1]!.trim() === '(') inUse = true;
    else use.push({ value: unquote(m[1]!.trim()), line: idx + 1 });
  });
  return { ...base, use };
}

function unquote(s: string): string {
  return s.replace(/^"(.*)"$/, '$1').replace(/^`(.*)`$/, '$1');
}

/** modload.FindGoWork: GOWORK (`off` disables it; a path names it), else go.work in cwd or above. */
export async function findGoWork(cwd: string, gowork: string): Promise<string | undefined> {
  if (gowork === 'off') return undefined;
  if (gowork !== '') {
    const file = path.resolve(cwd, gowork);
    return (await isFile(file)) ? file : undefined;
  }
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, 'go.work');
    if (await isFile(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

async function isFile(p: string): Promise<boolean> {
  return fs.stat(p).then(
    (s) => s.isFile(),
    () => false,
  );
}
