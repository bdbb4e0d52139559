// Runs the built CLI (dist/cli.js) as a real process, the way users and CI run it.
import { execFile, spawn } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { MIRRORS_ENV } from '../../src/core/proxyRewrite/builtinMirrors';

export const REPO = path.resolve(__dirname, '../../..');
export const CLI = path.join(REPO, 'dist', 'cli.js');

let built: Promise<void> | undefined;
/** Bundles src/cli.ts once per test run. */
export function buildCli(): Promise<void> {
  built ??= promisify(execFile)(process.execPath, [path.join(REPO, 'esbuild.mjs')], { cwd: REPO }).then(
    () => undefined,
  );
  return built;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runCli(
  args: string[],
  opts: { env: NodeJS.ProcessEnv; cwd?: string | undefined; timeoutMs?: number },
): Promise<CliRun> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      // Mirrors offered when a proxy fails stay on loopback: none unless the test names its own.
      env: { [MIRRORS_ENV]: '', ...opts.env },
      cwd: opts.cwd ?? REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Math.round(performance.now() - t0) });
    });
  });
}

/**
 * An environment for the built CLI whose GOPROXY and GOSUMDB are one loopback server (it answers
 * `/latest` as a checksum database), with a fresh HOME and go env file: nothing leaves the machine.
 */
export async function loopbackCliEnv(proxyUrl: string, home: string): Promise<NodeJS.ProcessEnv> {
  return {
    PATH: '/usr/bin:/bin',
    HOME: home,
    GOENV: path.join(home, 'goenv'),
    GOPROXY: proxyUrl,
    GOSUMDB: `sum.golang.org ${proxyUrl}`,
    GOFLAGS: '',
  };
}
