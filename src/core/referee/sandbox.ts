// A throwaway GOPATH/GOMODCACHE/GOCACHE (and an empty module to run `go mod download` in) so the
// referee never touches the user's caches. go makes module cache directories read-only, so
// cleaning up restores write permission before removing.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Sandbox {
  root: string;
  /** GOPATH, GOMODCACHE and GOCACHE pointing inside root. */
  env: { GOPATH: string; GOMODCACHE: string; GOCACHE: string };
  /** An empty module (`go.mod` only) to run `go mod download` in. */
  moduleDir: string;
}

export async function withSandbox<T>(fn: (s: Sandbox) => Promise<T>): Promise<T> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-referee-'));
  try {
    const gopath = path.join(root, 'gopath');
    const moduleDir = path.join(root, 'mod');
    await fs.mkdir(moduleDir, { recursive: true });
    await fs.writeFile(path.join(moduleDir, 'go.mod'), 'module referee.invalid/m\n');
    return await fn({
      root,
      env: { GOPATH: gopath, GOMODCACHE: path.join(gopath, 'pkg', 'mod'), GOCACHE: path.join(root, 'gocache') },
      moduleDir,
    });
  } finally {
    await removeTree(root);
  }
}

/** rm -rf that first gives back the write permission go took from module cache directories. */
export async function removeTree(root: string): Promise<void> {
  await makeWritable(root);
  await fs.rm(root, { recursive: true, force: true });
}

async function makeWritable(dir: string): Promise<void> {
  await fs.chmod(dir, 0o700).catch(() => undefined);
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  await Promise.all(entries.filter((e) => e.isDirectory()).map((e) => makeWritable(path.join(dir, e.name))));
}
