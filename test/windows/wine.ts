// Runs Windows programs (Node for Windows, go.exe) under Debian's wine64 for the Windows lane.
// test/windows/setup.sh prepares everything under .cache/windows/. Quirks handled here: node.exe
// writes to files, never pipes (a pipe gives EBADF), stdin is /dev/null, and wine decides
// APPDATA/USERPROFILE itself, so tests reset the prefix's user folders instead of pointing them
// elsewhere.
import { execFile, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { REPO } from '../support/cli';

export const CACHE = path.join(REPO, '.cache', 'windows');
export const PREFIX = path.join(CACHE, 'prefix');
export const NODE_EXE = path.join(CACHE, 'node', 'node.exe');
export const GOROOT = path.join(CACHE, 'goroot');
export const GO_EXE = path.join(GOROOT, 'bin', 'go.exe');
export const FAKE_GO_EXE = path.join(CACHE, 'fakego', 'go.exe');

/** The Windows user's folders inside the prefix (wine names the user after the Linux one). */
export const USER_DIR = path.join(PREFIX, 'drive_c', 'users', os.userInfo().username);
export const APPDATA = path.join(USER_DIR, 'AppData', 'Roaming');
export const LOCALAPPDATA = path.join(USER_DIR, 'AppData', 'Local');
export const GO_ENV_FILE = path.join(APPDATA, 'go', 'env');
export const SDK_DIR = path.join(USER_DIR, 'sdk');

/** A Linux path as Windows programs under wine see it. */
export function winPath(p: string): string {
  return 'Z:' + p.replace(/\//g, '\\');
}

let loader: Promise<string> | undefined;
function wine64(): Promise<string> {
  loader ??= promisify(execFile)('dpkg', ['-L', 'wine64']).then(({ stdout }) => {
    const found = stdout.split('\n').find((l) => l.endsWith('/wine64'));
    if (!found) throw new Error('wine64 is not installed: run test/windows/setup.sh');
    return found;
  });
  return loader;
}

export interface WinRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface WinRunOptions {
  /** Windows environment variables on top of the lane's base (no host Go settings leak in). */
  env?: Record<string, string>;
  /** Windows directories put on PATH (WINEPATH), Linux paths. */
  path?: string[];
  cwd?: string;
  timeoutMs?: number;
}

/** Runs a Windows program under wine; stdout and stderr go through files. */
export async function runWindows(exe: string, args: string[], o: WinRunOptions = {}): Promise<WinRun> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-win-'));
  const out = await fs.open(path.join(dir, 'stdout'), 'w');
  const err = await fs.open(path.join(dir, 'stderr'), 'w');
  try {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      WINEPREFIX: PREFIX,
      WINEDEBUG: '-all',
      WINEDLLOVERRIDES: 'mscoree,mshtml=',
      NODE_SKIP_PLATFORM_CHECK: '1',
      WINEPATH: (o.path ?? []).map(winPath).join(';'),
      // No built-in public mirror is offered (or asked) when a proxy fails.
      GO_ENV_DOCTOR_MIRRORS: '',
      ...o.env,
    };
    const code = await new Promise<number | null>((resolve, reject) => {
      void wine64().then((w) => {
        const child = spawn(w, [exe, ...args], { env, cwd: o.cwd ?? REPO, stdio: ['ignore', out.fd, err.fd] });
        const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 90_000);
        child.on('error', reject);
        child.on('close', (c) => {
          clearTimeout(timer);
          resolve(c);
        });
      }, reject);
    });
    await Promise.all([out.close(), err.close()]);
    const [stdout, stderr] = await Promise.all([
      fs.readFile(path.join(dir, 'stdout'), 'utf8'),
      fs.readFile(path.join(dir, 'stderr'), 'utf8'),
    ]);
    return { code, stdout, stderr };
  } finally {
    await Promise.allSettled([out.close(), err.close()]);
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The built CLI (dist/cli.js) run by Node for Windows. */
export function runWindowsCli(args: string[], o: WinRunOptions = {}): Promise<WinRun> {
  return runWindows(NODE_EXE, [winPath(path.join(REPO, 'dist', 'cli.js')), ...args], o);
}

/** Forgets what earlier tests left in the Windows user's folders: the go env file, ~/sdk, Go's install dirs. */
export async function resetWindowsUser(): Promise<void> {
  await Promise.all(
    [
      path.join(APPDATA, 'go'),
      SDK_DIR,
      path.join(LOCALAPPDATA, 'Programs', 'Go'),
      path.join(LOCALAPPDATA, 'go-env-doctor'),
      path.join(USER_DIR, 'go'),
    ].map((d) => fs.rm(d, { recursive: true, force: true })),
  );
}
