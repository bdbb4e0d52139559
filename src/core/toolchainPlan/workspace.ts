// Reads what toolchain selection needs from a workspace: the go.work (unless GOWORK=off) or else
// the go.mod governing cwd, and for go.work the `go` lines of the modules it uses.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { findGoMod } from '../gomod/find';
import { findGoWork, parseGoWork } from '../gomod/goWork';
import { parseGoMod, type Directive } from '../gomod/parse';
import type { ModeFile } from './select';

export interface WorkModule {
  /** The `use` line in go.work. */
  use: Directive;
  goMod: string;
  go?: Directive | undefined;
}

export interface WorkspaceFiles {
  file?: ModeFile | undefined;
  /** go.work's modules, when go.work decides. */
  modules: WorkModule[];
}

export async function readWorkspace(cwd: string, gowork: string): Promise<WorkspaceFiles> {
  const work = await findGoWork(cwd, gowork);
  const workText = work ? await readText(work) : undefined;
  if (work && workText !== undefined) {
    const info = parseGoWork(workText);
    const modules = await Promise.all(
      info.use.map(async (use): Promise<WorkModule> => {
        const goMod = path.join(path.resolve(path.dirname(work), use.value), 'go.mod');
        const text = await readText(goMod);
        return { use, goMod, go: text === undefined ? undefined : parseGoMod(text).go };
      }),
    );
    return { file: { kind: 'go.work', path: work, go: info.go, toolchain: info.toolchain }, modules };
  }
  const mod = await findGoMod(cwd);
  const modText = mod ? await readText(mod) : undefined;
  if (!mod || modText === undefined) return { modules: [] };
  const info = parseGoMod(modText);
  return { file: { kind: 'go.mod', path: mod, go: info.go, toolchain: info.toolchain }, modules: [] };
}

async function readText(file: string): Promise<string | undefined> {
  return fs.readFile(file, 'utf8').catch(() => undefined);
}
