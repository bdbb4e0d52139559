// The repository's TypeScript sources, for tests that check rules across them.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** The repository root (tests run from out/test/...). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Every .ts file under `dir`, recursively. */
export async function tsFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await tsFiles(p)));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}
