// Which go.mod applies to a directory, the way the go command finds the main module.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** The go.mod that governs `cwd`: cwd/go.mod, else the nearest one above it. */
export async function findGoMod(cwd: string): Promise<string | undefined> {
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, 'go.mod');
    try {
      if ((await fs.stat(candidate)).isFile()) return candidate;
    } catch {
      /* keep looking */
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
