// Shell lines that change PATH or unset a variable for good, in the user's own shell: bash and
// zsh read their rc file, fish has fish_add_path, Windows keeps the User variable in the registry.
import type { Fix } from '../findings';
import type { Platform } from '../platform';
import { powershellClearLine } from '../shell/osVariable';
import { quoteArg } from '../shell/quote';
import { msg, type Message } from '../i18n/message';
import { fixWords } from '../i18n/words';

export type Shell = 'bash' | 'zsh' | 'fish' | 'powershell';

export function userShell(p: Pick<Platform, 'env' | 'os'>): Shell {
  if (p.os === 'win32') return 'powershell';
  const name = (p.env['SHELL'] ?? '').split('/').pop() ?? '';
  if (name === 'fish' || name === 'zsh') return name;
  // macOS has defaulted to zsh since 10.15.
  return name === 'bash' || p.os !== 'darwin' ? 'bash' : 'zsh';
}

const RC_FILE: Record<'bash' | 'zsh', string> = { bash: '~/.bashrc', zsh: '~/.zshrc' };

/** Said instead of a command line when the directory cannot be quoted safely for the shell. */
const byHand = (dir: string, title: Message): Fix => ({
  ...fixWords(title),
  command: `(${dir} cannot be written safely on a command line: add it to PATH by hand)`,
});

/** Puts `dir` first (or last) on PATH, now and in new shells. */
export function pathFix(dir: string, p: Pick<Platform, 'env' | 'os'>, where: 'first' | 'last' = 'first'): Fix {
  const title = msg(where === 'first' ? 'check.fix.pathFirst' : 'check.fix.pathAdd', { dir });
  const words = fixWords(title);
  const shell = userShell(p);
  if (shell === 'powershell') {
    const ps = quoteArg(where === 'first' ? `${dir};` : `;${dir}`, 'powershell');
    if (ps === undefined) return byHand(dir, title);
    const join = (b: string) => (where === 'first' ? `${ps} + ${b}` : `${b} + ${ps}`);
    return {
      ...words,
      command:
        `$env:PATH = ${join('$env:PATH')}; ` +
        `[Environment]::SetEnvironmentVariable('Path', ${join("[Environment]::GetEnvironmentVariable('Path', 'User')")}, 'User')`,
    };
  }
  const d = quoteArg(dir, 'posix');
  if (d === undefined) return byHand(dir, title);
  if (shell === 'fish')
    return { ...words, command: `fish_add_path --move --path ${where === 'last' ? '--append ' : ''}${d}` };
  const line = `export PATH=${where === 'first' ? `${d}:"$PATH"` : `"$PATH":${d}`}`;
  return { ...words, command: `echo ${quoteArg(line, 'posix')} >> ${RC_FILE[shell]} && ${line}` };
}

/** Unsets `name` in this shell; the profile line that sets it has to go too (named by the caller). */
export function unsetVarFix(name: string, p: Pick<Platform, 'env' | 'os'>): Fix {
  const title = fixWords(msg('check.fix.unset', { name }));
  switch (userShell(p)) {
    case 'fish':
      return { ...title, command: `set -e ${name}; set -eU ${name}` };
    case 'powershell':
      // One form for every cleared variable (Remove-Item errors when the session has none).
      return { ...title, command: powershellClearLine([name]) };
    case 'bash':
    case 'zsh':
      return { ...title, command: `unset ${name}` };
  }
}
