// When GOPROXY is set in the OS environment, `go env -w` cannot win: find where it is probably
// set, so the message can name the file and line instead of a list of guesses.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Platform } from '../platform';
import { joined } from '../i18n/join';
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';

export interface OverrideSource {
  file: string;
  /** 1-based. */
  line: number;
  text: string;
}

/** Shell startup files under the home directory that commonly export variables. */
const HOME_FILES = [
  '.bashrc',
  '.bash_profile',
  '.bash_login',
  '.profile',
  '.zshrc',
  '.zshenv',
  '.zprofile',
  '.config/fish/config.fish',
  '.pam_environment',
];
/** System-wide places (Linux/macOS). */
export const SYSTEM_FILES = ['/etc/environment', '/etc/profile', '/etc/bash.bashrc', '/etc/zsh/zshenv', '/etc/zshenv'];
const SYSTEM_DIRS = ['/etc/profile.d', '/etc/environment.d'];

/** Lines that set `name` in the files a login shell or session reads (fish `set -x` included). */
export async function findOverrideSources(
  name: string,
  p: Pick<Platform, 'homeDir' | 'os'>,
  systemFiles: readonly string[] = SYSTEM_FILES,
  systemDirs: readonly string[] = SYSTEM_DIRS,
): Promise<OverrideSource[]> {
  if (p.os === 'win32') return [];
  const files = [...HOME_FILES.map((f) => path.join(p.homeDir, f)), ...systemFiles];
  for (const dir of systemDirs) {
    try {
      for (const e of (await fs.readdir(dir)).sort()) files.push(path.join(dir, e));
    } catch {
      /* absent */
    }
  }
  const re = new RegExp(`(^|[\\s;])(export\\s+|setenv\\s+|set\\s+(-[a-zA-Z]+\\s+)*)?${name}(\\s*=|\\s+\\S)`);
  const found = await Promise.all(
    files.map(async (file) => {
      let text: string;
      try {
        const st = await fs.stat(file);
        if (!st.isFile() || st.size > 1 << 20) return [];
        text = await fs.readFile(file, 'utf8');
      } catch {
        return [];
      }
      const hits: OverrideSource[] = [];
      text.split('\n').forEach((l, i) => {
        const t = l.trim();
        if (t.startsWith('#') || !t.includes(name)) return;
        if (re.test(t)) hits.push({ file, line: i + 1, text: t.length > 160 ? `${t.slice(0, 157)}...` : t });
      });
      return hits;
    }),
  );
  return found.flat();
}

/** Where an OS variable usually comes from, in one sentence, naming the files found. */
export function describeOverrideSources(
  name: string,
  found: readonly OverrideSource[],
  p: Pick<Platform, 'env' | 'os'>,
): string {
  return render(describeOverrideSourcesText(name, found, p), 'en');
}

/** describeOverrideSources as a catalog Message. */
export function describeOverrideSourcesText(
  name: string,
  found: readonly OverrideSource[],
  p: Pick<Platform, 'env' | 'os'>,
): Message {
  const inVsCode = Boolean(
    p.env['VSCODE_PID'] || p.env['VSCODE_IPC_HOOK'] || p.env['VSCODE_CWD'] || p.env['TERM_PROGRAM'] === 'vscode',
  );
  const places: Message[] = [];
  if (found.length > 0)
    places.push(msg('setting.override.found', { lines: found.map((f) => `${f.file}:${f.line}`).join(', ') }));
  const guesses = msg(p.os === 'win32' ? 'setting.override.win32' : 'setting.override.posix');
  const vscode = inVsCode ? msg('setting.override.vscode') : '';
  places.push(msg(found.length > 0 ? 'setting.override.otherwise' : 'setting.override.probably', { guesses, vscode }));
  return msg('setting.override', { name, places: joined(places, msg('common.list.clauses')) });
}
