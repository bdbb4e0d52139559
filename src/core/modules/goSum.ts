// go.sum files of a workspace: each line `<module> <version>[/go.mod] h1:<hash>` with where it is,
// and the go.sum files go reads for a go.mod (its own) or a go.work (every used module's, and
// go.work.sum).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface GoSumLine {
  file: string;
  /** 1-based. */
  line: number;
  module: string;
  version: string;
  /** The `/go.mod` line (hash of go.mod alone) rather than the module zip's. */
  goMod: boolean;
  hash: string;
}

/** Parses go.sum text; lines that are not three fields are skipped, as cmd/go does. */
export function parseGoSum(file: string, text: string): GoSumLine[] {
  const out: GoSumLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const f = raw.trim().split(/\s+/);
    if (f.length !== 3) return;
    const [module, ver, hash] = f as [string, string, string];
    const goMod = ver.endsWith('/go.mod');
    out.push({ file, line: i + 1, module, version: goMod ? ver.slice(0, -'/go.mod'.length) : ver, goMod, hash });
  });
  return out;
}

export async function readGoSum(file: string): Promise<GoSumLine[]> {
  try {
    return parseGoSum(file, await fs.readFile(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** The go.sum files behind these go.mod files, plus those of a go.work governing them. */
export async function workspaceGoSums(goModFiles: readonly string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const goMod of goModFiles) {
    files.add(path.join(path.dirname(goMod), 'go.sum'));
    const work = await findUp(path.dirname(goMod), 'go.work');
    if (!work) continue;
    files.add(path.join(path.dirname(work), 'go.work.sum'));
    for (const dir of await goWorkUses(work)) files.add(path.join(path.dirname(work), dir, 'go.sum'));
  }
  return [...files];
}

/** The `use` directories of a go.work (single and block form). */
export async function goWorkUses(file: string): Promise<string[]> {
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  const dirs: string[] = [];
  let inBlock = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (inBlock) {
      if (line === ')') inBlock = false;
      else if (line) dirs.push(unquote(line));
    } else if (/^use\s*\($/.test(line)) inBlock = true;
    else if (line.startsWith('use ')) dirs.push(unquote(line.slice(4).trim()));
  }
  return dirs;
}

function unquote(s: string): string {
  return /^".*"$|^`.*`$/.test(s) ? s.slice(1, -1) : s;
}

export async function findUp(dir: string, name: string): Promise<string | undefined> {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const candidate = path.join(d, name);
    if (
      await fs.stat(candidate).then(
        (s) => s.isFile(),
        () => false,
      )
    )
      return candidate;
    if (path.dirname(d) === d) return undefined;
  }
}
