// How the toolchain tests start the CLI as a real child process: `node dist/cli.js install ...`,
// bundled fresh by esbuild.mjs.
import { spawn, type ChildProcess } from 'node:child_process';
import { buildCli, CLI, REPO } from './cli';

/** The argv (after `node`) that runs `go-env-doctor install`; `cli` replaces dist/cli.js (a copy). */
export async function installArgv(cli = CLI): Promise<string[]> {
  await buildCli();
  return [cli, 'install'];
}

export interface InstallRunOptions {
  env?: NodeJS.ProcessEnv;
  wrapper?: string[];
  timeoutMs?: number;
  /** A copy of dist/cli.js to run, for a user who cannot read the checkout. */
  cli?: string;
  /** Working directory (default: the checkout). */
  cwd?: string;
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
export async function spawnInstall(args: readonly string[], opts: InstallRunOptions = {}): Promise<SpawnedInstall> {
  const argv = [...(await installArgv(opts.cli)), ...args];
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...opts.env };
  const [file, ...rest] = opts.wrapper ? [...opts.wrapper, process.execPath, ...argv] : [process.execPath, ...argv];
  const t0 = performance.now();
  const child = spawn(file!, rest, { env, cwd: opts.cwd ?? REPO, stdio: ['ignore', 'pipe', 'pipe'] });
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

export async function runInstall(args: readonly string[], opts: InstallRunOptions = {}): Promise<InstallRun> {
  return (await spawnInstall(args, opts)).done;
}
