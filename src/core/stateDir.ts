// Where go-env-doctor keeps what it must remember between runs: the saved proxy settings and (in
// `sumdb/`) the newest verified checksum-database tree heads. $XDG_STATE_HOME (absolute) or
// ~/.local/state on Linux; ~/Library/Application Support on macOS; %LOCALAPPDATA% on Windows.
// Taken from the Platform so tests point it at a temp dir. The only definition: the proxy
// features and the toolchain installer must share one tree head per checksum database.
import * as path from 'node:path';
import type { Platform } from './platform';

export function stateDir(p: Pick<Platform, 'env' | 'homeDir' | 'os'>): string {
  if (p.os === 'win32')
    return path.win32.join(p.env['LOCALAPPDATA'] || path.win32.join(p.homeDir, 'AppData', 'Local'), 'go-env-doctor');
  if (p.os === 'darwin') return path.posix.join(p.homeDir, 'Library', 'Application Support', 'go-env-doctor');
  const xdg = p.env['XDG_STATE_HOME'];
  // The XDG spec says relative values are invalid and must be ignored.
  const base = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(p.homeDir, '.local', 'state');
  return path.posix.join(base, 'go-env-doctor');
}

/** The checksum-database tree heads (sumdb/client.ts keeps `<this>/<name>/latest`). */
export function sumdbStateDir(p: Pick<Platform, 'env' | 'homeDir' | 'os'>): string {
  return (p.os === 'win32' ? path.win32 : path.posix).join(stateDir(p), 'sumdb');
}
