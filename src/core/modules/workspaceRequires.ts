// The module versions a workspace requires, as the go command will fetch them: every `require`
// of go.mod (and of each module a governing go.work uses), after `replace`, without directory
// replacements or the workspace's own modules, each with the go.mod line that asks for it.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseGoMod } from '../gomod/parse';
import { parseGoModDeps, resolveReplacement } from '../proxyRewrite/goModRequires';
import { findUp, goWorkUses } from './goSum';

export interface RequiredModule {
  module: string;
  version: string;
  /** The go.mod that requires it, and the 1-based line. */
  file: string;
  line: number;
}

export async function workspaceRequires(goModFiles: readonly string[]): Promise<RequiredModule[]> {
  const files = new Set(goModFiles.map((f) => path.resolve(f)));
  for (const goMod of goModFiles) {
    const work = await findUp(path.dirname(goMod), 'go.work');
    if (!work) continue;
    for (const dir of await goWorkUses(work)) files.add(path.resolve(path.dirname(work), dir, 'go.mod'));
  }
  const texts = await Promise.all([...files].map(async (file) => ({ file, text: await readText(file) })));
  const own = new Set(texts.flatMap(({ text }) => parseGoMod(text).module?.value ?? []));
  const seen = new Map<string, RequiredModule>();
  for (const { file, text } of texts) {
    const deps = parseGoModDeps(text);
    for (const req of deps.requires) {
      const target = resolveReplacement(req, deps.replaces);
      if ('dir' in target || own.has(target.path)) continue;
      const key = `${target.path}@${target.version}`;
      if (!seen.has(key)) seen.set(key, { module: target.path, version: target.version, file, line: req.line });
    }
  }
  return [...seen.values()];
}

async function readText(file: string): Promise<string> {
  return fs.readFile(file, 'utf8').catch(() => '');
}
