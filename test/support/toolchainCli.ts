// How the toolchain tests start the CLI as a real child process: `node dist/cli.js install ...`
// once src/cli.ts has the install subcommand (built fresh with esbuild.mjs), otherwise the
// compiled stand-in test/support/toolchainCliEntry.ts, which runs the same installCommand.
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildCli, CLI, REPO } from './cli';

let resolved: Promise<string[]> | undefined;

/** The argv (after `node`) that runs `go-env-doctor install`. */
export function installArgv(): Promise<string[]> {
  resolved ??= (async () => {
    try {
      await buildCli();
      const text = await fs.readFile(CLI, 'utf8');
      if (text.includes('install needs a version')) return [CLI, 'install'];
    } catch {
      // The bundle does not build right now (another module in progress): use the stand-in.
    }
    return [path.join(REPO, 'out', 'test', 'support', 'toolchainCliEntry.js'), 'install'];
  })();
  return resolved;
}

export interface InstallRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface SpawnedInstall {
  child: ChildProcess;
  done: Promise<InstallRun>;
}

/**
 * Starts `[wrapper...] node <cli> install <args>`; `wrapper` runs it through e.g. setpriv or unshare.
 * The child gets only `env` (plus PATH and HOME defaults), never the test's own environment.
 */
export async function spawnInstall(args: readonly string[], opts: { env?: NodeJS.ProcessEnv; wrapper?: string[]; timeoutMs?: number } = {}): Promise<SpawnedInstall> {
  const argv = [...(await installArgv()), ...args];
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...opts.env };
  const [file, ...rest] = opts.wrapper ? [...opts.wrapper, process.execPath, ...argv] : [process.execPath, ...argv];
  const t0 = performance.now();
  const child = spawn(file!, rest, { env, cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (b) => (stdout += b));
  child.stderr!.on('data', (b) => (stderr += b));
  const done = new Promise<InstallRun>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Math.round(performance.now() - t0) });
    });
  });
  return { child, done };
}

export async function runInstall(args: readonly string[], opts: { env?: NodeJS.ProcessEnv; wrapper?: string[]; timeoutMs?: number } = {}): Promise<InstallRun> {
  return (await spawnInstall(args, opts)).done;
}
