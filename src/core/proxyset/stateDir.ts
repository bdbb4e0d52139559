// Where go-env-doctor keeps what it must remember between runs (the saved proxy settings, the
// newest verified checksum-database tree head): XDG_STATE_HOME, else ~/.local/state; on Windows
// %LOCALAPPDATA%. Taken from the Platform so tests point it at a temp dir.
import * as path from 'node:path';
import type { Platform } from '../platform';

export function stateDir(p: Pick<Platform, 'env' | 'homeDir' | 'os'>): string {
  const xdg = p.env['XDG_STATE_HOME'];
  // The XDG spec says relative values are invalid and must be ignored.
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'go-env-doctor');
  if (p.os === 'win32') {
    const local = p.env['LOCALAPPDATA'] ?? p.env['LocalAppData'];
    if (local) return path.win32.join(local, 'go-env-doctor', 'state');
  }
  return path.join(p.homeDir, '.local', 'state', 'go-env-doctor');
}
