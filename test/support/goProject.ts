// A Go project whose dependencies come from a moduleWorld, built by the real go command
// (/usr/bin/go) in a throwaway GOPATH/GOMODCACHE: go.sum and the module cache are exactly what go
// writes. The cache is read-only as go leaves it; cleanup() makes it writable first.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { runProcess } from '../../src/core/process/run';
import { tempDir } from './fakeGo';
import type { ModuleWorld, WorldModule } from './moduleWorld';

export const REAL_GO = '/usr/bin/go';

export interface GoProject {
  dir: string;
  goMod: string;
  goSum: string;
  gomodcache: string;
  /** The environment go runs with (GOPROXY and GOSUMDB pointing at the world). */
  env: NodeJS.ProcessEnv;
  /** Runs the real go in the project; resolves with its exit code and output. */
  go(...args: string[]): Promise<{ code: number | null; out: string }>;
  cleanup(): Promise<void>;
}

/** A project importing one package of each module; `go mod tidy` has filled go.sum and the cache. */
export async function makeGoProject(world: ModuleWorld, mods: readonly WorldModule[]): Promise<GoProject> {
  const root = await tempDir('ged-goproject-');
  const dir = path.join(root, 'app');
  await fs.mkdir(dir);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: root,
    GOPATH: path.join(root, 'gopath'),
    GOMODCACHE: path.join(root, 'modcache'),
    GOCACHE: path.join(root, 'gocache'),
    GOENV: path.join(root, 'goenv'),
    GOPROXY: world.url,
    GOSUMDB: world.gosumdb,
    GONOSUMDB: '',
    GOPRIVATE: '',
    GOFLAGS: '-mod=mod',
    GOTOOLCHAIN: 'local',
  };
  const requires = mods.map((m) => `\t${m.path} ${m.version}\n`).join('');
  await fs.writeFile(path.join(dir, 'go.mod'), `module example.test/app\n\ngo 1.19\n\nrequire (\n${requires})\n`);
  const imports = mods.map((m, i) => `\t_${i} "${m.path}"\n`).join('');
  await fs.writeFile(path.join(dir, 'main.go'), `package main\n\nimport (\n${imports})\n\nfunc main() {}\n`);
  const go = async (...args: string[]) => {
    const r = await runProcess(REAL_GO, { args, cwd: dir, env, timeoutMs: 120_000 });
    if (r.kind !== 'exited') throw new Error(`go ${args.join(' ')}: ${r.kind}`);
    return { code: r.code, out: r.stdout + r.stderr };
  };
  const p: GoProject = {
    dir,
    goMod: path.join(dir, 'go.mod'),
    goSum: path.join(dir, 'go.sum'),
    gomodcache: env['GOMODCACHE']!,
    env,
    go,
    cleanup: async () => {
      await makeWritable(root);
      await fs.rm(root, { recursive: true, force: true });
    },
  };
  const tidy = await go('mod', 'tidy');
  if (tidy.code !== 0) throw new Error(`go mod tidy failed: ${tidy.out}`);
  return p;
}

/** Source files for a module: one package file, so it can be imported. */
export function pkg(modPath: string, version: string, extra: Record<string, string> = {}): WorldModule {
  const name =
    modPath
      .split('/')
      .pop()!
      .replace(/[^a-zA-Z]/g, '')
      .toLowerCase() || 'm';
  return { path: modPath, version, files: { [`${name}.go`]: `package ${name}\n`, ...extra } };
}

export async function makeWritable(dir: string): Promise<void> {
  const st = await fs.lstat(dir).catch(() => undefined);
  if (!st?.isDirectory()) return;
  await fs.chmod(dir, 0o755);
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) await makeWritable(path.join(dir, e.name));
    else if (e.isFile()) await fs.chmod(path.join(dir, e.name), 0o644);
  }
}
