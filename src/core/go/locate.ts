// Finds the go binary the way users expect: an explicit path, then PATH, then the usual install
// locations, then the newest ~/sdk/go* (golang.org/dl's layout).
import { constants as fsc, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Platform } from '../platform';
import { compareGoVersionText } from '../goVersion';

export type GoSource = 'option' | 'PATH' | 'well-known' | 'sdk';

export interface LocatedGo {
  path: string;
  source: GoSource;
}

export type LocateResult =
  | { found: true; go: LocatedGo }
  | { found: false; /** every place looked, in order */ searched: string[]; explicit?: string };

function exeName(p: Platform): string {
  return p.os === 'win32' ? 'go.exe' : 'go';
}

async function isExecutable(file: string, p: Platform): Promise<boolean> {
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

export async function locateGo(p: Platform, explicit?: string): Promise<LocateResult> {
  if (explicit) {
    const resolved = explicit.includes(path.sep) || explicit.includes('/') ? path.resolve(explicit) : explicit;
    if (await isExecutable(resolved, p)) return { found: true, go: { path: resolved, source: 'option' } };
    return { found: false, searched: [resolved], explicit };
  }
  const searched: string[] = [];
  const pathDirs = (p.env['PATH'] ?? p.env['Path'] ?? '').split(p.os === 'win32' ? ';' : ':').filter(Boolean);
  for (const dir of pathDirs) {
    const f = path.join(dir, exeName(p));
    searched.push(f);
    if (await isExecutable(f, p)) return { found: true, go: { path: f, source: 'PATH' } };
  }
  for (const f of wellKnown(p)) {
    if (searched.includes(f)) continue;
    searched.push(f);
    if (await isExecutable(f, p)) return { found: true, go: { path: f, source: 'well-known' } };
  }
  for (const f of await sdkCandidates(p)) {
    searched.push(f);
    if (await isExecutable(f, p)) return { found: true, go: { path: f, source: 'sdk' } };
  }
  return { found: false, searched };
}
