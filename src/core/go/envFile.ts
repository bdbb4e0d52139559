// The go env file that `go env -w` writes, read the way cmd/go reads it, so we can say where
// each setting comes from and predict GOPROXY/GOSUMDB before `go env` has even answered.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Platform } from '../platform';

/** `go env GOENV` without running go: $GOENV, else os.UserConfigDir()/go/env; undefined for `off`. */
export function goEnvFilePath(p: Platform): string | undefined {
  const explicit = p.env['GOENV'];
  if (explicit === 'off') return undefined;
  if (explicit) return explicit;
  let config: string | undefined;
  if (p.os === 'win32') config = p.env['AppData'] ?? p.env['APPDATA'];
  else if (p.os === 'darwin') config = path.join(p.homeDir, 'Library', 'Application Support');
  else config = p.env['XDG_CONFIG_HOME'] || path.join(p.homeDir, '.config');
  return config ? path.join(config, 'go', 'env') : undefined;
}

/** KEY=VALUE lines; like cmd/go, a line counts only if it has `=` and starts with A-Z; values are raw. */
export function parseGoEnvFile(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const l = line.replace(/\r$/, '');
    const i = l.indexOf('=');
    if (i <= 0 || l[0]! < 'A' || l[0]! > 'Z') continue;
    out.set(l.slice(0, i), l.slice(i + 1));
  }
  return out;
}

export type EnvFileRead =
  | { kind: 'read'; path: string; values: Map<string, string> }
  | { kind: 'absent'; path?: string }
  | { kind: 'unreadable'; path: string; message: string };

export async function readGoEnvFile(file: string | undefined): Promise<EnvFileRead> {
  if (!file) return { kind: 'absent' };
  try {
    return { kind: 'read', path: file, values: parseGoEnvFile(await fs.readFile(file, 'utf8')) };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return { kind: 'absent', path: file };
    return { kind: 'unreadable', path: file, message: e.message };
  }
}

/** Defaults a Go 1.21+ GOROOT ships in $GOROOT/go.env (GOPROXY, GOSUMDB, GOTOOLCHAIN). */
export async function readGorootGoEnv(goroot: string | undefined): Promise<Map<string, string>> {
  if (!goroot) return new Map();
  try {
    return parseGoEnvFile(await fs.readFile(path.join(goroot, 'go.env'), 'utf8'));
  } catch {
    return new Map();
  }
}

/** cmd/go's built-in defaults for the settings that decide network behaviour. */
export const BUILTIN_DEFAULTS: Readonly<Record<string, string>> = {
  GOPROXY: 'https://proxy.golang.org,direct',
  GOSUMDB: 'sum.golang.org',
  GOTOOLCHAIN: 'auto',
};

export interface SettingLayers {
  os: NodeJS.ProcessEnv;
  file: Map<string, string>;
  goroot: Map<string, string>;
}

/** The value cmd/go uses: a non-empty OS variable, else the go env file, else $GOROOT/go.env, else built in. */
export function effectiveSetting(
  name: string,
  layers: SettingLayers,
): { value: string; source: 'environment' | 'goenv' | 'default' } {
  const fromOs = layers.os[name];
  if (fromOs) return { value: fromOs, source: 'environment' };
  const fromFile = layers.file.get(name);
  if (fromFile !== undefined && fromFile !== '') return { value: fromFile, source: 'goenv' };
  return { value: layers.goroot.get(name) ?? BUILTIN_DEFAULTS[name] ?? '', source: 'default' };
}
