// Finds the go binary the way users expect: an explicit path, then PATH, then the usual install
// locations, then the newest ~/sdk/go* (golang.org/dl's layout).
import { constants as fsc, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Platform } from '../platform';
import { compareGoVersionText } from '../goVersion';

export type GoSource = 'option' | 'PATH' | 'well-known' | 'sdk';

export interface LocatedGo {
  /** Where it was found (a PATH entry may be a symlink): what the report shows. */
  path: string;
  /** The absolute path with links resolved, checked once: what is spawned. */
  realPath: string;
  source: GoSource;
}

export type LocateResult =
  | { found: true; go: LocatedGo }
  | { found: false; /** every place looked, in order */ searched: string[]; explicit?: string };

export function exeName(p: Pick<Platform, 'os'>): string {
  return p.os === 'win32' ? 'go.exe' : 'go';
}

export function pathModule(p: Pick<Platform, 'os'>): path.PlatformPath {
  return p.os === 'win32' ? path.win32 : path.posix;
}

/**
 * PATH's directories in order, without relative entries: go refuses to run a program found
 * through one (exec.ErrDot), and we spawn go from another directory, where a relative entry
 * would name a file any local user can plant.
 */
export function absolutePathDirs(p: Pick<Platform, 'env' | 'os'>): string[] {
  const raw = p.env['PATH'] ?? p.env['Path'] ?? '';
  const pm = pathModule(p);
  return raw
    .split(p.os === 'win32' ? ';' : ':')
    .map((d) => (p.os === 'win32' ? d.replace(/^"(.*)"$/, '$1') : d))
    .filter((d) => d !== '' && pm.isAbsolute(d));
}

/** The file's real absolute path when it is an executable file, else undefined. */
export async function executableRealPath(file: string, p: Pick<Platform, 'os'>): Promise<string | undefined> {
  if (!(await isExecutable(file, p))) return undefined;
  try {
    return await fs.realpath(file);
  } catch {
    return undefined;
  }
}

async function isExecutable(file: string, p: Pick<Platform, 'os'>): Promise<boolean> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) return false;
    if (p.os === 'win32') return true;
    await fs.access(file, fsc.X_OK);
    return true;
  } catch {
    return false;
  }
}

function wellKnown(p: Platform): string[] {
  if (p.os === 'win32') {
    const pf = p.env['ProgramFiles'] ?? 'C:\\Program Files';
    const local = p.env['LOCALAPPDATA'] || path.win32.join(p.homeDir, 'AppData', 'Local');
    return [
      path.win32.join(pf, 'Go', 'bin', 'go.exe'),
      // Where a per-user install puts Go (no administrator rights needed).
      path.win32.join(local, 'Programs', 'Go', 'bin', 'go.exe'),
      'C:\\Go\\bin\\go.exe',
      path.win32.join(p.homeDir, 'go', 'bin', 'go.exe'),
    ];
  }
  const list = ['/usr/local/go/bin/go', '/usr/lib/go/bin/go', '/usr/local/bin/go', '/usr/bin/go', '/snap/bin/go'];
  if (p.os === 'darwin')
    list.push('/opt/homebrew/bin/go', '/opt/homebrew/opt/go/libexec/bin/go', '/usr/local/opt/go/libexec/bin/go');
  return list;
}

/** `~/sdk/go1.22.5/bin/go` for each complete toolchain there, newest first. */
export async function sdkCandidates(p: Platform): Promise<string[]> {
  const sdk = path.join(p.homeDir, 'sdk');
  let names: string[];
  try {
    names = await fs.readdir(sdk);
  } catch {
    return [];
  }
  return names
    .filter((n) => /^go\d+\.\d+/.test(n))
    .sort((a, b) => compareGoVersionText(b, a))
    .map((n) => path.join(sdk, n, 'bin', exeName(p)));
}

/**
 * The file names a command runs as: on Windows a name without an extension is tried with each
 * PATHEXT extension in order (`go` runs go.exe), as cmd.exe and the Go extension do.
 */
export function commandFileNames(name: string, p: Pick<Platform, 'env' | 'os'>): string[] {
  if (p.os !== 'win32' || path.win32.extname(name) !== '') return [name];
  const exts = (p.env['PATHEXT'] ?? '.COM;.EXE;.BAT;.CMD').split(';').filter((e) => e.startsWith('.'));
  return exts.map((e) => `${name}${e.toLowerCase()}`);
}

/** Whether a go setting names a command to look up on PATH rather than a file. */
export function isBareCommand(value: string, p: Pick<Platform, 'os'>): boolean {
  return p.os === 'win32' ? !/[\\/]/.test(value) : !value.includes('/');
}

/** A bare command name (`go`, `go1.22.5`) is looked up on PATH's absolute entries. */
async function findOnPath(name: string, p: Platform): Promise<{ path: string; realPath: string } | undefined> {
  for (const dir of absolutePathDirs(p)) {
    for (const file of commandFileNames(name, p)) {
      const f = pathModule(p).join(dir, file);
      const realPath = await executableRealPath(f, p);
      if (realPath) return { path: f, realPath };
    }
  }
  return undefined;
}

export async function locateGo(p: Platform, explicit?: string): Promise<LocateResult> {
  if (explicit) {
    const bare = isBareCommand(explicit, p);
    const file = pathModule(p).isAbsolute(explicit) ? explicit : path.resolve(explicit);
    const hit = bare
      ? await findOnPath(explicit, p)
      : await executableRealPath(file, p).then((r) => (r ? { path: file, realPath: r } : undefined));
    if (hit) return { found: true, go: { ...hit, source: 'option' } };
    return { found: false, searched: [bare ? explicit : file], explicit };
  }
  const searched: string[] = [];
  const candidates = async function* (): AsyncGenerator<[string, GoSource]> {
    for (const dir of absolutePathDirs(p)) yield [pathModule(p).join(dir, exeName(p)), 'PATH'];
    for (const f of wellKnown(p)) yield [f, 'well-known'];
    for (const f of await sdkCandidates(p)) yield [f, 'sdk'];
  };
  for await (const [f, source] of candidates()) {
    if (searched.includes(f)) continue;
    searched.push(f);
    const realPath = await executableRealPath(f, p);
    if (realPath) return { found: true, go: { path: f, realPath, source } };
  }
  return { found: false, searched };
}
