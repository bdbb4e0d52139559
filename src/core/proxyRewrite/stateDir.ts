// Where go-env-doctor keeps what it must remember between runs: the saved proxy settings and (in
// `sumdb/`) the newest verified checksum-database tree heads. $XDG_STATE_HOME (absolute) or
// ~/.local/state on Linux; ~/Library/Application Support on macOS; %LOCALAPPDATA% on Windows.
// Taken from the Platform so tests point it at a temp dir. Same layout as
// toolchain/module/install.ts defaultSumdbStateDir, so both features share one tree head per database.
import * as path from 'node:path';
import type { Platform } from '../platform';

export function stateDir(p: Pick<Platform, 'env' | 'homeDir' | 'os'>): string {
  if (p.os === 'win32')
    return path.win32.join(p.env['LOCALAPPDATA'] || path.win32.join(p.homeDir, 'AppData', 'Local'), 'go-env-doctor');
  if (p.os === 'darwin') return path.join(p.homeDir, 'Library', 'Application Support', 'go-env-doctor');
  const xdg = p.env['XDG_STATE_HOME'];
  // The XDG spec says relative values are invalid and must be ignored.
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(p.homeDir, '.local', 'state'), 'go-env-doctor');
}

/** The checksum-database tree heads (sumdb/client.ts keeps `<this>/<name>/latest`). */
export function sumdbStateDir(p: Pick<Platform, 'env' | 'homeDir' | 'os'>): string {
  return path.join(stateDir(p), 'sumdb');
}
