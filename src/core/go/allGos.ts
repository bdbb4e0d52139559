// Every go binary on this machine that a shell, an editor or a user might run: PATH in order,
// then $GOROOT/bin, the usual install locations and ~/sdk/go*. Versions come from
// $GOROOT/VERSION where it exists (a file read); only a go without one is spawned.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Platform } from '../platform';
import { goVersion } from './inspect';
import { absolutePathDirs, commandFileNames, executableRealPath, pathModule } from './locate';

export type GoPlace = 'PATH' | 'GOROOT' | 'well-known' | 'sdk' | 'editor';

export interface FoundGo {
  /** As found (a PATH entry may be a symlink). */
  path: string;
  realPath: string;
  place: GoPlace;
  /** Its position among the go binaries on PATH (0 = what a terminal runs). */
  pathIndex?: number;
  /** `go1.22.5`, or undefined when neither VERSION nor `go version` told. */
  version?: string;
  /** Its own root: the real path's grandparent. */
  goroot: string;
}

/** go, or on Windows each PATHEXT extension (go.exe first, as cmd.exe tries them in order). */
export function goFileNames(p: Pick<Platform, 'env' | 'os'>): string[] {
  return commandFileNames('go', p);
}

/** Directories that commonly hold a go, besides PATH. */
export function installDirs(p: Pick<Platform, 'env' | 'os' | 'homeDir'>): { dir: string; place: GoPlace }[] {
  const pm = pathModule(p);
  const out: { dir: string; place: GoPlace }[] = [];
  const goroot = p.env['GOROOT'];
  if (goroot && pm.isAbsolute(goroot)) out.push({ dir: pm.join(goroot, 'bin'), place: 'GOROOT' });
  const known =
    p.os === 'win32'
      ? [
          p.env['LOCALAPPDATA'] && pm.join(p.env['LOCALAPPDATA'], 'Programs', 'Go', 'bin'),
          pm.join(p.env['ProgramFiles'] ?? 'C:\\Program Files', 'Go', 'bin'),
          'C:\\Go\\bin',
          pm.join(p.env['USERPROFILE'] ?? p.homeDir, 'go', 'bin'),
        ]
      : [
          '/usr/local/go/bin',
          '/usr/lib/go/bin',
          '/opt/homebrew/bin',
          '/usr/local/bin',
          '/usr/bin',
          '/snap/bin',
          pm.join(p.homeDir, 'go', 'bin'),
        ];
  for (const dir of known) if (dir) out.push({ dir, place: 'well-known' });
  return out;
}

async function sdkDirs(p: Pick<Platform, 'env' | 'os' | 'homeDir'>): Promise<string[]> {
  const pm = pathModule(p);
  const sdk = pm.join(p.os === 'win32' ? (p.env['USERPROFILE'] ?? p.homeDir) : p.homeDir, 'sdk');
  const names = await fs.readdir(sdk).catch(() => [] as string[]);
  return names.filter((n) => /^go\d+\.\d+/.test(n)).map((n) => pm.join(sdk, n, 'bin'));
}

/** The first line of $GOROOT/VERSION when it names a release or devel build. */
export async function readGorootVersion(goroot: string): Promise<string | undefined> {
  const text = await fs.readFile(path.join(goroot, 'VERSION'), 'utf8').catch(() => undefined);
  const first = text?.split(/\r?\n/, 1)[0]?.trim();
  return first && /^(go\d|devel )/.test(first) ? first : undefined;
}

export async function listAllGos(p: Platform, timeoutMs: number, signal?: AbortSignal): Promise<FoundGo[]> {
  const pm = pathModule(p);
  const dirs: { dir: string; place: GoPlace }[] = [
    ...absolutePathDirs(p).map((dir) => ({ dir, place: 'PATH' as const })),
    ...installDirs(p),
    ...(await sdkDirs(p)).map((dir) => ({ dir, place: 'sdk' as const })),
  ];
  const candidates = dirs.flatMap(({ dir, place }) => goFileNames(p).map((n) => ({ file: pm.join(dir, n), place })));
  const resolved = await Promise.all(
    candidates.map(async (c) => ({ ...c, real: await executableRealPath(c.file, p) })),
  );
  const seen = new Set<string>();
  const found: Omit<FoundGo, 'version'>[] = [];
  let onPath = 0;
  for (const c of resolved) {
    if (!c.real || seen.has(c.real)) continue;
    seen.add(c.real);
    const goroot = pm.dirname(pm.dirname(c.real));
    found.push({
      path: c.file,
      realPath: c.real,
      place: c.place,
      goroot,
      ...(c.place === 'PATH' ? { pathIndex: onPath++ } : {}),
    });
  }
  return Promise.all(found.map((g) => withVersion(g, p, timeoutMs, signal)));
}

/** The go with its version: from $GOROOT/VERSION, else by running it. */
export async function withVersion(
  g: Omit<FoundGo, 'version'>,
  p: Platform,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<FoundGo> {
  const version =
    (await readGorootVersion(g.goroot)) ??
    (await goVersion(g.realPath, p, timeoutMs, signal).then((v) => ('ok' in v ? v.ok.version : undefined)));
  return { ...g, ...(version ? { version } : {}) };
}
